"""Date facts: when something happened, as the story says it, tied to its event.

Weekdays, month-day dates, "in <year>", relative expressions (last week, next
month, 13 months ago). An ISO date is given when the story states the year.
The dateline ("MOSCOW, April 13 -") gives one date fact of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import data_file
from ..models import Fact
from ..numbers import NUMBER_WORD_PATTERN
from .names import SentenceView, StoryAnalysis
from .rules import inside_quote, trim_words

EVENT_WORDS = 18


@lru_cache(maxsize=1)
def when_pattern() -> re.Pattern[str]:
    """Time expressions, most specific first."""
    table = data_file("dates")
    weekdays = "|".join(table["weekdays"])
    months = "|".join(sorted(table["months"], key=len, reverse=True))
    parts = "|".join(table["parts_of_day"])
    not_after = "|".join(table["weekday_names_before"])
    relative = "|".join(sorted((re.escape(r) for r in table["relative"]), key=len, reverse=True))
    return re.compile(
        rf"(?P<monthday>\b(?:{months})\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? (?P<year1>\d{{4}})\b)?)"
        rf"|(?P<daymonth>\b\d{{1,2}}(?:st|nd|rd|th)? (?:{months})\b(?:,? (?P<year2>\d{{4}})\b)?)"
        rf"|(?P<weekday>\b(?:(?:next|last|this|[Ll]ate|[Ee]arly) )?(?:{weekdays})(?: (?:{parts}))?\b(?! (?:{not_after})\b)(?!'s))"
        rf"|(?P<monthyear>\b(?:in|since|by|until|from|last|next|early|late|mid-?) (?P<month>{months}) (?P<year3>\d{{4}})\b)"
        rf"|(?P<inmonth>\b(?:in|since|by|until|last|next|early|late) (?:{months})\b(?! \d))"
        rf"|(?P<year>\b(?:in|since|by|until) (?P<year4>1[89]\d\d|20\d\d)\b(?![-\u2013]|\s*(?:%|per|pct)))"
        rf"|(?P<ago>\b(?:\d+|{NUMBER_WORD_PATTERN}|a|an|a few|several) (?:days?|weeks?|months?|years?|decades?) ago\b)"
        rf"|(?P<relative>\b(?:{relative})\b)")


@lru_cache(maxsize=1)
def hint_pattern() -> re.Pattern[str]:
    """Words every time expression holds; the full pattern runs only near them."""
    table = data_file("dates")
    words = list(table["weekdays"]) + sorted(table["months"], key=len, reverse=True)
    return re.compile(r"(?=[A-Zatwmy12])\b(?:" + "|".join(words)
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
    for key in ("monthyear", "inmonth", "year"):
        if match.group(key) and not text.startswith(("last ", "next ")):
            return text.split(" ", 1)[1]
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
    if match.group("year4"):
        return match.group("year4")
    return None


def event_of(text: str, start: int, end: int, body_start: int = 0) -> str:
    """The clause around a time expression, without the expression itself."""
    left = text.rfind(", ", body_start, start)
    right = text.find(", ", end)
    clause_start = body_start if left < 0 else left + 2
    clause_end = len(text) if right < 0 else right
    before = text[clause_start:start].rstrip()
    after = text[end:clause_end].lstrip()
    if len((before + " " + after).split()) < 5 and right >= 0:
        after = text[end:].lstrip(" ,")       # "On Monday, the administration lifted ..."
    before = re.sub(r"\b(?:on|at|in|by|from|since|until|during)$", "", before, flags=re.I).rstrip()
    event = f"{before} {after}".strip()
    return trim_words(event.rstrip("."), EVENT_WORDS)


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[str] = set()
    for view in analysis.views:
        text = view.text
        if view.body_start:
            facts.extend(_dateline_fact(analysis, view))
        for match in sentence_whens(view):
            if inside_quote(text, match.start()) or text.startswith(("'s", "\u2019s"), match.end()):
                continue                      # the speaker's words; "today's talks"
            when = when_text(match)
            key = when.lower()
            if key in seen:
                continue
            event = event_of(text, match.start(), match.end(), view.body_start)
            if len(event.split()) < 3:
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
