"""Quote facts: direct quotations with their speaker.

A quotation runs from its opening mark to its closing mark, across sentences;
an opening mark before the close starts a new quotation (news prose opens each
quoted paragraph afresh), and a paragraph's end ends it. Its speaker is, in order:
  named after it      '"...," Kelly said', '"...," said Judge Amy Park'
  named before it     'Mr Straw said: "..."', 'Butler said it could "do whatever it likes"'
  in its sentence     another quotation's speaker ('"A" and "B," he said')
  before it           for a quotation that opens its sentence with no speaker of its own:
                      whoever spoke, or was the subject, in the sentence before.
Someone speaking for another is named after them ("Tony Blair's official
spokesman", "UKIP spokesman"). An unnamed speaker ("an aide said") gives no
fact, and a he/she right after one is that unnamed speaker, not the last
person named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import data_file
from ..models import Fact
from .names import Mention, SentenceView, StoryAnalysis, inside_quote
from .names import _title_words as title_words
from .rules import phrase_pattern, subject_is_close

TEXT_WORDS = 6           # a quotation's text runs into its next sentence until it has this many words
_MARKS = re.compile("[\"\u201c\u201d]")
_OPENS_AFTER = frozenset(" \t([{-\u2013\u2014:;/")
_QUOTED_AS = re.compile(r"\bquoted\s+(?:[A-Z][\w\-]*\s+){1,3}as\b")
# Between "said" and the speaker: nothing, or title words ("said Judge Amy Park").
_TITLE_GAP = re.compile(r"\s*(?:[A-Z][\w.\-]*\s+|(?:of|the|for)\s+){0,5}$")
# "said Mr Galloway." names the speaker; "said Mr Galloway had friends" reports speech.
_NAME_ENDS = re.compile(r"\s*(?:[,.;:!?)]|$)")
_PRONOUNS = frozenset(("he", "she"))
# What may follow a quotation that its speaker closes: '," said', '," he', '," the minister', '," Mr'.
_PUNCTUATION = re.compile(r"[\s,;:\-\u2013\u2014]*")
_SUBJECT_START = re.compile(r"[A-Z]|(?:he|she|they|it|we|a|an|the)\b")
_OWNER_GAP = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+){0,2}")
# "the Labour Party spokeswoman", "an Information Commissioner's Office spokesman"
_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?P<words>(?:[\w&.\-]+(?:['\u2019]s)?\s+){0,5}?)$")
_WORD = re.compile(r"[A-Za-z][\w'\-]*")
MAX_SUBJECT_WORDS = 6    # "Tory leader Michael Howard": words before a sentence's subject


@dataclass(frozen=True)
class _Quote:
    first: int        # the sentence (index in the story's views) where it opens
    start: int        # offset of its opening mark there; -1 when it opened in a sentence now lost
    last: int         # the sentence where it ends
    end: int          # offset past its closing mark, or where it stops when it runs on
    closed: bool


@dataclass(frozen=True)
class _Speaker:
    """Who said something: `name` is None for someone unnamed (no fact)."""

    name: str | None
    stand_in: bool = False     # not a named person: "a spokesman", "Tony Blair's spokesman"
    pronoun: bool = False      # found as he/she, which may point to a stand-in instead
    at: int = -1               # where the speaker is named in the sentence


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    table = data_file("quotes")
    speech = tuple(str(p) for p in data_file("cues")["speech"]) + tuple(str(p) for p in table["speech"])
    spokes = "|".join(str(w) for w in table["spokesperson"])
    return {
        "speech": phrase_pattern(speech),
        "spokesperson": re.compile(rf"\b(?:{spokes})$"),
        "inverted": re.compile(rf"\s+(?:[Tt]he|[Aa]n?)\s+(?:[\w&.\-]+(?:['\u2019]s)?\s+){{0,5}}?(?:{spokes})\b"),
        "unnamed": frozenset(str(w) for w in table["unnamed_person"]),
    }


def _mark_kind(text: str, index: int) -> str:
    """'open', 'close', '?' (either), or '' for an apostrophe typed as a quote mark (I"m)."""
    mark = text[index]
    if mark == "\u201c":
        return "open"
    if mark == "\u201d":
        return "close"
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return ""
    if before in _OPENS_AFTER and not after.isspace():
        return "open"
    if before not in _OPENS_AFTER and not after.isalnum():
        return "close"
    return "?"


def _quotations(views: list[SentenceView]) -> list[_Quote]:
    """Every quotation of the story, in order."""
    found: list[_Quote] = []
    opened: tuple[int, int] | None = None            # (sentence, offset) of an open quotation
    for index, view in enumerate(views):
        if opened and views[opened[0]].sentence.paragraph != view.sentence.paragraph:
            found.append(_Quote(opened[0], opened[1], index - 1, len(views[index - 1].text), False))
            opened = None
        text = view.text
        for mark in _MARKS.finditer(text, view.body_start):
            kind = _mark_kind(text, mark.start())
            if kind == "open" or (kind == "?" and opened is None):
                if opened:
                    found.append(_Quote(opened[0], opened[1], index, mark.start(), False))
                opened = (index, mark.start())
            elif kind:
                start = opened if opened else (index, -1)
                found.append(_Quote(start[0], start[1], index, mark.end(), True))
                opened = None
    if opened:
        found.append(_Quote(opened[0], opened[1], len(views) - 1, len(views[-1].text), False))
    return found


def _quote_text(views: list[SentenceView], quote: _Quote) -> str:
    """The quoted words: its first sentence, and more while it has fewer than TEXT_WORDS words."""
    pieces: list[str] = []
    for index in range(quote.first, quote.last + 1):
        view = views[index]
        low = view.body_start if index > quote.first or quote.start < 0 else quote.start + 1
        high = len(view.text)
        if index == quote.last:
            high = quote.end - 1 if quote.closed else quote.end
        pieces.append(view.text[low:high].strip())
        if len(" ".join(pieces).split()) >= TEXT_WORDS:
            break
    return " ".join(p for p in pieces if p).strip(" ,;:-")


def _spokesperson(view: SentenceView, low: int, high: int) -> _Speaker | None:
    """Someone speaking for another, in words ending right at `high` ("the Treasury spokesman")."""
    text = view.text
    window = text[low:high].rstrip(" ,")
    noun = _lexicon()["spokesperson"].search(window)
    if noun is None:
        return None
    noun_at, end = low + noun.start(), low + len(window)
    for owner in reversed(view.persons):              # "Tony Blair's official spokesman"
        if low <= owner.start and owner.end <= noun_at and _OWNER_GAP.fullmatch(text, owner.end, noun_at):
            if owner.surface.lower() in _PRONOUNS:
                return _Speaker(None, stand_in=True)
            return _Speaker(owner.name + text[owner.end:end], stand_in=True)
    owned = _DETERMINER.search(text, max(low, noun_at - 60), noun_at)
    if owned is None:
        return None
    words = owned.group("words")
    if not any(w[:1].isupper() or w.endswith(("'s", "\u2019s")) for w in words.split()):
        return _Speaker(None, stand_in=True)          # "a spokesman": unnamed
    return _Speaker(words + text[noun_at:end], stand_in=True)


def _unnamed_subject(text: str, low: int, high: int) -> _Speaker:
    """Someone not named said it: a person ("an aide") or a body ("the ministry")."""
    unnamed = _lexicon()["unnamed"]
    words = [w.lower() for w in _WORD.findall(text, low, high)][-MAX_SUBJECT_WORDS:]
    person = any(w in unnamed or w[:-1] in unnamed for w in words)
    return _Speaker(None, stand_in=person)


def _named(mention: Mention) -> _Speaker:
    return _Speaker(mention.name, pronoun=mention.surface.lower() in _PRONOUNS, at=mention.start)


def _subject(view: SentenceView, low: int, verb: re.Match[str]) -> _Speaker | None:
    """The subject of a speech verb when it is someone named or speaking for someone named."""
    text = view.text
    verb_at = verb.start()
    owned = _spokesperson(view, low, verb_at)
    if owned:
        return owned
    participle = verb.group().endswith("ing")
    comma = text.rfind(",", low, verb_at) if participle else -1
    before = [m for m in view.persons if low <= m.start and m.end <= verb_at]
    for chosen in reversed(before[-3:]):              # nearest first
        if chosen.possessive:
            continue
        if comma > chosen.end:                         # "Shultz was guarded, saying", "X, in Rome, telling"
            if subject_is_close(text, chosen.end, comma, max_words=8) or subject_is_close(
                    text, chosen.end, comma + 1, max_words=8):
                return _named(chosen)
        elif text[chosen.end:verb_at].strip() == "," or subject_is_close(text, chosen.end, verb_at, max_words=3):
            return _named(chosen)
    if comma > low:                                    # "X reiterated calls for ..., warning:"
        return _opening_subject(view, low, comma)
    return None


def _opening_subject(view: SentenceView, low: int, high: int) -> _Speaker | None:
    """The person a clause opens with ("Tory leader Michael Howard reiterated ...")."""
    for mention in view.persons:
        if mention.start < low or mention.end > high:
            continue
        lead = view.text[low:mention.start].split()
        if mention.possessive or len(lead) > MAX_SUBJECT_WORDS or not all(
                w[:1].isupper() or w.lower() in title_words() for w in lead):
            return None
        return _named(mention)
    return None


def _inverted(view: SentenceView, verb: re.Match[str], high: int) -> _Speaker | None:
    """ '"...," said Ray Mallon' or '"...," said a Treasury spokesman'."""
    text = view.text
    for mention in view.persons:
        if (verb.end() <= mention.start < high and mention.surface.lower() not in _PRONOUNS
                and _TITLE_GAP.match(text, verb.end(), mention.start) and _NAME_ENDS.match(text, mention.end)):
            return _named(mention)
    after = _lexicon()["inverted"].match(text, verb.end(), high)
    if after and _NAME_ENDS.match(text, after.end()):
        return _spokesperson(view, verb.end(), after.end())
    return None


def _speaker_in(view: SentenceView, low: int, high: int, after_quote: bool) -> _Speaker | None:
    """The speaker a stretch outside quotation marks names with a speech verb.

    Before a quotation the verb nearest to it counts ('X said the plan would "fail"');
    after one, only a verb that follows it closely ('"...," Kelly, an aide, said').
    """
    if high <= low:
        return None
    text = view.text
    verbs = list(_lexicon()["speech"].finditer(text, low, high))
    if not verbs:
        return None
    quoted_as = _QUOTED_AS.search(text, low, high)
    if quoted_as:                                      # '"...," Zhu quoted Tang as saying'
        named = [m for m in view.persons if quoted_as.start() < m.start < quoted_as.end()]
        if named:
            return _named(named[0])
    if after_quote:
        first_word = _PUNCTUATION.match(text, low).end()
        if not (verbs[0].start() == first_word or _SUBJECT_START.match(text, first_word)) or not subject_is_close(
                text, low, verbs[0].start(), max_words=MAX_SUBJECT_WORDS):
            return None
    for verb in (verbs[:1] if after_quote else reversed(verbs)):
        found = _subject(view, low, verb) or _inverted(view, verb, high)
        if found:
            return found
        clause_start = max(low, text.rfind(",", low, verb.start()) + 1)
        if text[clause_start:verb.start()].strip():
            return _unnamed_subject(text, clause_start, verb.start())
    return None


def _covered(views: list[SentenceView], quotes: list[_Quote]) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the stretches its quotations cover."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        for index in range(quote.first, quote.last + 1):
            low = max(quote.start, 0) if index == quote.first else 0
            high = quote.end if index == quote.last else len(views[index].text)
            covered.setdefault(index, []).append((low, high))
    return covered


def _own_speaker(views: list[SentenceView], quote: _Quote, covered: dict[int, list[tuple[int, int]]]
                 ) -> _Speaker | None:
    """The speaker named right after the quotation, else before it in its sentence."""
    if quote.closed and _ends_clause(views[quote.last].text, quote.end):
        view = views[quote.last]
        high = min((low for low, _ in covered[quote.last] if low >= quote.end), default=len(view.text))
        found = _speaker_in(view, quote.end, high, after_quote=True)
        if found:
            return found
    if quote.start < 0:
        return None
    view = views[quote.first]
    low = max((high for _, high in covered[quote.first] if high <= quote.start), default=view.body_start)
    return _speaker_in(view, low, quote.start, after_quote=False)


def _quote_text_words(quote: _Quote, view: SentenceView) -> list[str]:
    """The words of a quotation within its first sentence."""
    high = quote.end if quote.last == quote.first else len(view.text)
    return view.text[quote.start + 1:high].split()


def _ends_clause(text: str, end: int) -> bool:
    """Whether a quotation ends its clause ('"...," he said'), not one inside it ('the "bonfire" Labour promised')."""
    return text[end - 2:end - 1] in (",", "?", "!", ".") or text[end:end + 1] == ","


def _context(view: SentenceView, covered: list[tuple[int, int]]) -> _Speaker | None:
    """Whom an unattributed quotation opening the next sentence belongs to, from one without quotes."""
    low = max((high for _, high in covered), default=view.body_start)
    return _speaker_in(view, low, len(view.text), after_quote=False) or _opening_subject(view, low, len(view.text))


def extract(analysis: StoryAnalysis) -> list[Fact]:
    views = analysis.views
    quotes = _quotations(views)
    if not quotes:
        return []
    covered = _covered(views, quotes)
    own = [_own_speaker(views, quote, covered) for quote in quotes]
    speakers: list[_Speaker | None] = list(own)
    opening: dict[int, list[int]] = {}                # sentence -> quotations that open in it
    touching: dict[int, list[int]] = {}               # sentence -> quotations that run through it
    for number, quote in enumerate(quotes):
        opening.setdefault(quote.first, []).append(number)
        for index in range(quote.first, quote.last + 1):
            touching.setdefault(index, []).append(number)
    context: _Speaker | None = None                   # who spoke, or acted, in the sentence before
    for index, view in enumerate(views):
        for number in opening.get(index, []):
            speakers[number] = _attribute(view, quotes[number], number, own, opening[index], context)
        spoken = [speakers[n] for n in touching.get(index, []) if speakers[n] is not None]
        context = spoken[-1] if spoken else _context(view, covered.get(index, []))
    facts = []
    for quote, speaker in zip(quotes, speakers):
        text = _quote_text(views, quote) if speaker is not None and speaker.name else ""
        if text:
            facts.append(analysis.fact("quote", {"speaker": speaker.name, "text": text}, views[quote.first]))
    return facts


def _attribute(view: SentenceView, quote: _Quote, number: int, own: list[_Speaker | None],
               in_sentence: list[int], context: _Speaker | None) -> _Speaker | None:
    """A quotation's speaker: its own, another in its sentence's, or the sentence before's."""
    speaker = own[number]
    earlier = [own[n] for n in in_sentence if n < number and own[n] is not None and own[n].name]
    if speaker is not None and speaker.name is None and not speaker.stand_in and earlier:
        return earlier[-1]                             # 'X said the "A" Labour had promised was an "B"'
    if speaker is None:
        later = [own[n] for n in in_sentence if n > number and own[n] is not None]
        speaker = earlier[-1] if earlier else later[0] if later else None
    if speaker is None:
        if quote.start < 0 or not view.text[view.body_start:quote.start].strip():
            return context
        if len(_quote_text_words(quote, view)) >= TEXT_WORDS:          # "X will attack them for "...""
            return _opening_subject(view, view.body_start, quote.start)
    if (speaker is not None and speaker.pronoun and context is not None and context.stand_in
            and not any(not m.pronoun and m.end <= speaker.at and not inside_quote(view.text, m.start)
                        for m in view.persons)):
        return context                                 # "A spokesman said ... He added: '...'"
    return speaker
