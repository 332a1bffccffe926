"""Date facts: when something happened, as the story says it, tied to its event.

Weekdays, month-day dates, months with or without a year ("September 2002",
"March last year", "last September"), years ("in 1997", "its 1986 output",
"1987-92"), parts and edges of a period ("first quarter", "second half of
1986", "end of 1987", "mid-1983"), and relative expressions (last week, next
month, 13 months ago). An ISO date is given when the story states the year.
The event is the clause around the expression, told from the nearest clause
opener before it ("since Labour won power in 1997": "Labour won power").
The dateline ("MOSCOW, April 13 -") gives one date fact of its own; words
inside quotation marks are the speaker's and give none.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import data_file
from ..models import Fact
from ..numbers import NUMBER_WORD_PATTERN
from .names import SentenceView, StoryAnalysis
from .quotes import quoted_spans
from .rules import trim_words

EVENT_WORDS = 18
MIN_EVENT_WORDS = 3
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PREPOSITION = re.compile(r"^(?:in|since|by|until|from|during|on|at)\s+", re.IGNORECASE)
_TRAILING_PREPOSITION = re.compile(r"\b(?:on|at|in|by|from|since|until|during|over|the|of)$", re.IGNORECASE)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


def _any_case(words) -> str:
    """ "last year" also as "Last year" when it opens a sentence."""
    return "|".join(sorted({re.escape(w) for p in words for w in (str(p), str(p)[:1].upper() + str(p)[1:])},
                           key=len, reverse=True))


@lru_cache(maxsize=1)
def when_pattern() -> re.Pattern[str]:
    """Time expressions, most specific first, each at a word's start (one test prunes most positions)."""
    table = data_file("dates")
    weekdays = "|".join(table["weekdays"])
    months = _alternation(table["months"])
    parts = "|".join(table["parts_of_day"])
    not_after = "|".join(table["weekday_names_before"])
    relative = _any_case(table["relative"])
    year_words = r"(?:(?:[Ll]ast|[Tt]his|[Nn]ext) year)"
    return re.compile(
        r"\b(?:"
        rf"(?P<period>(?:{_any_case(table['ordinals'])}) (?:{_alternation(table['periods'])})"
        rf"(?: of (?:(?P<year5>{_YEAR})|the year|{year_words}|fiscal {_YEAR}))?\b)"
        rf"|(?P<edge>(?:{_any_case(table['edges'])}) of (?:the )?(?:(?P<year6>{_YEAR})|{year_words}"
        rf"|(?:{months})(?: {_YEAR})?|(?:{_alternation(table['edge_periods'])}))\b)"
        rf"|(?P<monthrel>(?:{months}) (?:last|this|next) year\b)"
        rf"|(?P<monthday>(?:{months})\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? (?P<year1>\d{{4}})\b)?)"
        rf"|(?P<daymonth>\d{{1,2}}(?:st|nd|rd|th)? (?:{months})\b(?:,? (?P<year2>\d{{4}})\b)?)"
        rf"|(?P<weekday>(?:(?:next|last|this|[Ll]ate|[Ee]arly) )?(?:{weekdays})(?: (?:{parts}))?\b(?! (?:{not_after})\b)"
        rf"(?:,? (?:\d{{1,2}}(?:st|nd|rd|th)? (?:{months})|(?:{months})\.? \d{{1,2}}(?:st|nd|rd|th)?)\b)?)"
        rf"|(?P<monthyear>(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|mid-?) )?(?P<month>{months}) (?P<year3>{_YEAR})\b)"
        rf"|(?P<inmonth>(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Tt]his) (?:{months})\b"
        rf"(?! \d)(?! (?:last|this|next) year))"
        rf"|(?P<mid>mid-(?:(?P<year8>{_YEAR})|(?:{months}))\b)"
        rf"|(?P<span>{_YEAR}[-\u2013](?:\d\d|{_YEAR})\b(?![-\u2013]|\s*(?:%|per\b|pct\b|percent\b)))"
        rf"|(?P<year>(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring) (?:(?:early|late|mid) )?(?P<year4>{_YEAR})\b(?![-\u2013]|\s*(?:%|per\b|pct\b|percent\b)))"
        rf"|(?P<adjyear>(?:(?<=\bthe )|(?<=\bits )|(?<=\btheir )|(?<=['\u2019]s ))(?P<year7>{_YEAR})(?= [a-z]))"
        rf"|(?P<ago>(?:\d+|{NUMBER_WORD_PATTERN}|a|an|a few|several) (?:days?|weeks?|months?|years?|decades?) ago\b)"
        rf"|(?P<relative>(?:{relative})\b))")


@lru_cache(maxsize=1)
def hint_pattern() -> re.Pattern[str]:
    """Words every time expression holds; the full pattern runs only near them."""
    table = data_file("dates")
    words = list(table["weekdays"]) + sorted(table["months"], key=len, reverse=True) + list(table["periods"])
    return re.compile(r"(?=[A-Zatwmyqh12])\b(?:" + "|".join(words)
                      + r"|ago|today|tonight|tomorrow|yesterday|week|weekend|month|year|[12]\d\d\d)\b")


def find_all_when(text: str, start: int = 0) -> list[re.Match[str]]:
    """Time expressions in a sentence from `start`, in order, searched only around hint words."""
    hints = hint_pattern().finditer(text, start)
    found: list[re.Match[str]] = []
    pattern = when_pattern()
    covered = start
    for hint in hints:
        if hint.start() < covered:
            continue
        match = pattern.search(text, max(covered, hint.start() - 24), hint.end() + 12)
        if match and match.start() <= hint.start() < match.end():
            found.append(match)
            covered = match.end()
    return found


def sentence_whens(view: SentenceView) -> list[re.Match[str]]:
    """The time expressions of a sentence's body, found once and shared by the extractors."""
    if view.whens is None:
        view.whens = find_all_when(view.text, view.body_start)
    return view.whens


def find_when(view: SentenceView, near: int | None = None) -> str | None:
    """The time expression of a sentence's body nearest to `near` (else the first), as written."""
    found = sentence_whens(view)
    if not found:
        return None
    if near is None:
        return when_text(found[0])
    return when_text(min(found, key=lambda m: min(abs(m.start() - near), abs(m.end() - near))))


def when_text(match: re.Match[str]) -> str:
    """The expression as the story says it, without its leading preposition."""
    text = match.group(0)
    if match.group("monthyear") or match.group("inmonth") or match.group("year"):
        return _PREPOSITION.sub("", text)
    return text


def iso_date(match: re.Match[str]) -> str | None:
    """An ISO date, only when the expression itself states the year."""
    months = data_file("dates")["months"]
    if match.group("year1") or match.group("year2"):
        words = match.group(0).replace(",", "").replace(".", "").split()
        day = next(int(w.rstrip("stndrh")) for w in words if w[:1].isdigit() and len(w) <= 4)
        month = next(months[w] for w in words if w in months)
        year = match.group("year1") or match.group("year2")
        return f"{year}-{month:02d}-{day:02d}"
    if match.group("year3"):
        return f"{match.group('year3')}-{months[match.group('month')]:02d}"
    for key in ("year4", "year5", "year6", "year7", "year8"):
        if match.group(key):
            return match.group(key)
    return None


@lru_cache(maxsize=1)
def _clause_opener() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(data_file('dates')['clause_openers'])})\s", re.IGNORECASE)


def event_of(text: str, start: int, end: int, body_start: int = 0) -> str:
    """The clause around a time expression, without the expression itself.

    Told from the nearest clause opener or comma before it ("when Britain chairs
    the G8 summit next year"), else from the sentence's start; a clause too short
    to say anything takes the rest of the sentence ("On Monday, the council ...").
    """
    left = text.rfind(", ", body_start, start)
    clause_start = body_start if left < 0 else left + 2
    openers = list(_clause_opener().finditer(text, clause_start, start))
    if openers and len(text[openers[-1].end():start].split()) >= MIN_EVENT_WORDS:
        clause_start = openers[-1].end()
    right = text.find(", ", end)
    clause_end = len(text) if right < 0 else right
    before = _TRAILING_PREPOSITION.sub("", text[clause_start:start].rstrip()).rstrip()
    after = text[end:clause_end].strip(" .")
    if len((before + " " + after).split()) < 5 and right >= 0:
        after = text[end:].lstrip(" ,")       # "On Monday, the administration lifted ..."
    if len((before + " " + after).split()) < MIN_EVENT_WORDS:
        before = _TRAILING_PREPOSITION.sub("", text[body_start:start].rstrip()).rstrip()   # "... , on Wednesday"
    after = re.sub(r"^['\u2019]s\s+", "", after)
    event = f"{before} {after}".strip()
    return trim_words(event.rstrip("."), EVENT_WORDS)


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, int]] = set()           # one fact per expression per sentence
    deictic = tuple(str(w) for w in data_file("dates")["deictic"])
    quoted = quoted_spans(analysis)
    for index, view in enumerate(analysis.views):
        text = view.text
        if view.body_start:
            facts.extend(_dateline_fact(analysis, view))
        spans = quoted.get(index, [])
        for match in sentence_whens(view):
            if any(low <= match.start() < high for low, high in spans):
                continue                      # the speaker's words
            if text.startswith(("'s", "\u2019s"), match.end()) and match.group(0).lower().endswith(deictic):
                continue                      # "today's talks"
            if match.group("weekday") and text[max(0, match.start() - 2):match.start()] in ("' ", "\u2019 "):
                continue                      # "Sky News' Sunday with ...": a programme
            when = when_text(match)
            key = (when.lower(), index)
            if key in seen:
                continue
            event = event_of(text, match.start(), match.end(), view.body_start)
            if len(event.split()) < MIN_EVENT_WORDS:
                continue
            seen.add(key)
            facts.append(analysis.fact("date", {"when": when, "event": event,
                                                "iso": iso_date(match)}, view))
    return facts


def _dateline_fact(analysis: StoryAnalysis, view: SentenceView) -> list[Fact]:
    dateline = analysis.story.dateline or ""
    found = find_all_when(dateline)
    if not found:
        return []
    return [analysis.fact("date", {"when": when_text(found[0]), "event": "story dateline",
                                   "iso": iso_date(found[0])}, view, confidence=0.5)]
