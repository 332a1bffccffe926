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
from functools import lru_cache, partial
from typing import Callable

from ..lexicon import data_file
from ..models import Fact
from .names import Mention, SentenceView, StoryAnalysis, inside_quote, may_be_subject
from .names import _title_words as title_words
from .rules import phrase_pattern, subject_is_close

TEXT_WORDS = 6           # a quotation's text runs into its next sentence until it has this many words
_MARKS = re.compile("[\"\u201c\u201d]")
_OPENS_AFTER = frozenset(" \t([{-\u2013\u2014:;/")
_QUOTED_AS = re.compile(r"\bquoted\s+(?:[A-Z][\w\-]*\s+){1,3}as\b")
# Between "said" and the speaker: nothing, or title words ("said Judge Amy Park").
_GAP_WORDS = frozenset("of the for his her their its".split())
MAX_TITLE_GAP_WORDS = 5
# "said Mr Galloway." names the speaker; "said Mr Galloway had friends" reports speech.
_NAME_ENDS = re.compile(r"\s*(?:[,.;:!?)]|$|(?:of|from|at|in|on|during|after|who|when)\b)")
_PRONOUNS = frozenset(("he", "she"))
# What may follow a quotation that its speaker closes: '," said', '," he', '," the minister', '," Mr'.
_PUNCTUATION = re.compile(r"[\s,;:\-\u2013\u2014]*")
_SUBJECT_START = re.compile(r"[A-Z]|(?:he|she|they|it|we|a|an|the|one|another|some|several|two|three)\b")
_OWNER_GAP = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+){0,2}")
# "the Labour Party spokeswoman", "an Information Commissioner's Office spokesman"
_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?P<words>(?:[\w&.\-]+(?:['\u2019]s)?\s+){0,5}?)$")
_WORD = re.compile(r"[A-Za-z][\w'\-]*")
# A sentence that only says who spoke the quotation before it, split off after its "?" or "!".
_ATTRIBUTION_ALONE = re.compile(r"^(?:\S+\s+){1,7}(?:said|says|added|adds|asked|asks)\.$")
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
        # "a spokesman for the Information Commissioner's Office"
        "spokesperson_for": re.compile(
            rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+)?(?P<noun>{spokes})\s+for\s+(?:the\s+)?"
            rf"(?P<owner>[A-Z][\w&.'\u2019\-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'\u2019\-]*){{0,5}})$"),
        "spokesperson_anywhere": re.compile(rf"\b(?:{spokes})\b(?:\s+for\s+(?:the\s+)?"
                                            rf"[A-Z][\w&.'\u2019\-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'\u2019\-]*){{0,5}})?"),
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
        if '"' not in text and "\u201c" not in text and "\u201d" not in text:
            continue
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


@dataclass
class _Reader:
    """One story's quotations and what the rules learn while reading it in order."""

    views: list[SentenceView]
    quotes: list[_Quote]
    covered: dict[int, list[tuple[int, int]]]
    spokespeople: list[tuple[int, str]]     # (sentence, name) of each spokesperson named after someone

    def speaker_named(self, index: int, low: int, high: int, after_quote: bool) -> _Speaker | None:
        """The speaker a stretch outside quotation marks names with a speech verb.

        Before a quotation the verb nearest to it counts ('X said the plan would "fail"'),
        or the one whose report holds it ('X said the police had said "..."'); after one,
        only a verb that follows it closely ('"...," Kelly, an aide, said').
        """
        if high <= low:
            return None
        view = self.views[index]
        text = view.text
        verbs = list(_lexicon()["speech"].finditer(text, low, high))
        if not verbs:
            return None
        quoted_as = _QUOTED_AS.search(text, low, high)
        if quoted_as:                                  # '"...," Zhu quoted Tang as saying'
            named = [m for m in view.persons if quoted_as.start() < m.start < quoted_as.end()]
            if named:
                return _named(named[0])
        if after_quote:
            first_word = _PUNCTUATION.match(text, low).end()
            titled = text[first_word:].split(" ", 1)[0].lower() in title_words()    # '"...," chief executive X said'
            if not (verbs[0].start() == first_word or _SUBJECT_START.match(text, first_word) or titled) or not subject_is_close(
                    text, low, verbs[0].start(), max_words=MAX_SUBJECT_WORDS):
                return None
            verbs = verbs[:1]
        for position in range(len(verbs) - 1, -1, -1):
            verb = verbs[position]
            found = self.subject(index, low, verb)
            if found is None and not text[low:verb.start()].strip(" ,;:-\u2013\u2014"):
                found = self.inverted(index, verb, high)       # '"...," said X', not 'accused X of'
            if found:
                return found
            outer = verbs[position - 1] if position else None
            if outer is None or any(c in text[outer.end():verb.start()] for c in ",;:"):
                clause_start = max(low, text.rfind(",", low, verb.start()) + 1)
                clause = text[clause_start:verb.start()].strip()
                if clause.lower() in _PRONOUNS:         # a he/she names.py could not resolve
                    return _Speaker(None, pronoun=True)
                return _unnamed_subject(text, clause_start, verb.start()) if clause else None
        return None

    def subject(self, index: int, low: int, verb: re.Match[str]) -> _Speaker | None:
        """The subject of a speech verb when it is someone named or speaking for someone."""
        view = self.views[index]
        text = view.text
        verb_at = verb.start()
        participle = verb.group().endswith("ing")
        comma = text.rfind(",", low, verb_at) if participle else -1
        before = [m for m in view.persons if low <= m.start and m.end <= verb_at and not m.possessive
                  and may_be_subject(text, m)]
        for chosen in reversed(before[-3:]):           # nearest first
            if comma > chosen.end:                     # "Shultz was guarded, saying", "X, in Rome, telling"
                close = subject_is_close(text, chosen.end, comma, max_words=8) or subject_is_close(
                    text, chosen.end, comma + 1, max_words=8)
            else:
                close = text[chosen.end:verb_at].strip() == "," or subject_is_close(
                    text, chosen.end, verb_at, max_words=8 if participle else 3)
            if close:
                return _named(chosen)
        owned = self.spokesperson(index, low, verb_at)
        if owned:
            return owned
        if participle:                                 # "X reiterated calls for ..., warning:"
            return _opening_subject(view, low, comma if comma > low else verb_at)
        return None

    def inverted(self, index: int, verb: re.Match[str], high: int) -> _Speaker | None:
        """ '"...," said Ray Mallon' or '"...," said a Treasury spokesman'."""
        view = self.views[index]
        text = view.text
        for mention in view.persons:
            if (verb.end() <= mention.start < high and mention.surface.lower() not in _PRONOUNS
                    and _title_gap(text[verb.end():mention.start]) and _NAME_ENDS.match(text, mention.end)):
                return _named(mention)
        after = _lexicon()["inverted"].match(text, verb.end(), high)
        if after and _NAME_ENDS.match(text, after.end()):
            return self.spokesperson(index, verb.end(), after.end())
        return None

    def spokesperson(self, index: int, low: int, high: int) -> _Speaker | None:
        """Someone speaking for another, in words ending right at `high`.

        "Tony Blair's official spokesman", "a Treasury spokeswoman", "a spokesman for
        the Home Office"; "the spokesman" is the last one the story named so, and a
        spokesman for no one named is unnamed.
        """
        view = self.views[index]
        text = view.text
        window = text[low:high].rstrip(" ,")
        end = low + len(window)
        named = _spokesperson_name(view, low, end)
        if named is not None or not _lexicon()["spokesperson"].search(window):
            return named
        if re.search(r"\bthe\s+(?:[a-z]+\s+)?$", text[max(low, end - 40):end - len(window.split()[-1])], re.I):
            earlier = [name for at, name in self.spokespeople if at <= index]
            if earlier:
                return _Speaker(earlier[-1], stand_in=True)
        return _Speaker(None, stand_in=True)

    def own_speaker(self, quote: _Quote) -> _Speaker | None:
        """The speaker named right after the quotation, else before it in its sentence."""
        if quote.closed and _ends_clause(self.views[quote.last].text, quote.end):
            high = min((low for low, _ in self.covered[quote.last] if low >= quote.end),
                       default=len(self.views[quote.last].text))
            found = self.speaker_named(quote.last, quote.end, high, after_quote=True)
            if found:
                return found
            following = self.views[quote.last + 1] if quote.last + 1 < len(self.views) else None
            if not self.views[quote.last].text[quote.end:].strip() and following is not None and \
                    _ATTRIBUTION_ALONE.match(following.text):     # '"... the movie?" Mr Kashyap's lawyer X said.'
                found = self.speaker_named(quote.last + 1, following.body_start, len(following.text), after_quote=True)
                if found:
                    return found
        if quote.start < 0:
            return None
        low = max((high for _, high in self.covered[quote.first] if high <= quote.start),
                  default=self.views[quote.first].body_start)
        return self.speaker_named(quote.first, low, quote.start, after_quote=False)

    def context(self, index: int) -> _Speaker | None:
        """Whom an unattributed quotation opening the next sentence belongs to, from one without quotes."""
        view = self.views[index]
        spans = self.covered.get(index, [])
        low = max((high for _, high in spans), default=view.body_start)
        return self.speaker_named(index, low, len(view.text), after_quote=False) or _opening_subject(
            view, view.body_start, min((low for low, _ in spans), default=len(view.text)))


def _title_gap(words: str) -> bool:
    """ '"...," said [his coach] Peter Stanley': only a title, and whose it is, between verb and name."""
    gap = words.split()
    titled = not gap or gap[-1].lower() in title_words()         # "said race director X": lower-case words
    return len(gap) <= MAX_TITLE_GAP_WORDS and all(                # before a title name what it is of
        w[:1].isupper() or w in _GAP_WORDS or w.lower() in title_words() or w.endswith(("'s", "\u2019s"))
        or titled and w.isalpha() and w.islower() for w in gap)   # "said the company's chief executive X"


def _spokesperson_name(view: SentenceView, low: int, end: int) -> _Speaker | None:
    """A spokesperson named after whom they speak for, in words ending at `end`, or None."""
    text = view.text
    lexicon = _lexicon()
    noun = lexicon["spokesperson"].search(text, low, end)
    if noun is not None:
        for owner in reversed(view.persons):          # "Tony Blair's official spokesman"
            if low <= owner.start and owner.end <= noun.start() and _OWNER_GAP.fullmatch(text, owner.end, noun.start()):
                if owner.surface.lower() in _PRONOUNS:
                    return None
                return _Speaker(owner.name + text[owner.end:end], stand_in=True)
        owned = _DETERMINER.search(text, max(low, noun.start() - 60), noun.start())
        words = owned.group("words") if owned else ""
        if any(w[:1].isupper() or w.endswith(("'s", "\u2019s")) for w in words.split()):
            return _Speaker(words + text[noun.start():end], stand_in=True)    # "a UKIP spokesman"
        return None
    serving = lexicon["spokesperson_for"].search(text, max(low, end - 120), end)
    if serving is None:
        return None
    owners = [m for m in view.persons if serving.start("owner") <= m.start and m.end <= serving.end()]
    if owners:
        return _Speaker(f"{owners[-1].name}'s {serving.group('noun')}", stand_in=True)
    return _Speaker(f"{serving.group('owner')} {serving.group('noun')}", stand_in=True)


def _owned_spokespeople(views: list[SentenceView]) -> list[tuple[int, str]]:
    """Every spokesperson the story names after whom they speak for, in order."""
    found = []
    pattern = _lexicon()["spokesperson_anywhere"]
    for index, view in enumerate(views):
        for match in pattern.finditer(view.text):
            named = _spokesperson_name(view, max(0, match.start() - 80), match.end())
            if named is not None and named.name:
                found.append((index, named.name))
    return found


def _unnamed_subject(text: str, low: int, high: int) -> _Speaker:
    """Someone not named said it: a person ("an aide") or a body ("the ministry")."""
    unnamed = _lexicon()["unnamed"]
    words = [w.lower() for w in _WORD.findall(text, low, high)][-MAX_SUBJECT_WORDS:]
    person = any(w in unnamed or w[:-1] in unnamed for w in words)
    return _Speaker(None, stand_in=person)


def _named(mention: Mention) -> _Speaker:
    return _Speaker(mention.name, pronoun=mention.surface.lower() in _PRONOUNS, at=mention.start)


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


def quoted_spans(analysis: StoryAnalysis) -> dict[int, list[tuple[int, int]]]:
    """Per sentence (index in `analysis.views`), the stretches inside quotation marks, also of
    quotations opened in an earlier sentence: the speaker's words, which other rules leave alone."""
    return _reading(analysis)[1]


def _reading(analysis: StoryAnalysis) -> tuple[list[_Quote], dict[int, list[tuple[int, int]]]]:
    """The story's quotations and what they cover, worked out once for all extractors."""
    if "quotations" not in analysis.shared:
        text = analysis.story.text
        marked = '"' in text or "\u201c" in text or "\u201d" in text
        quotes = _quotations(analysis.views) if marked else []
        analysis.shared["quotations"] = (quotes, _covered(analysis.views, quotes))
    return analysis.shared["quotations"]


def _covered(views: list[SentenceView], quotes: list[_Quote]) -> dict[int, list[tuple[int, int]]]:
    """Per sentence, the stretches its quotations cover."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        for index in range(quote.first, quote.last + 1):
            low = max(quote.start, 0) if index == quote.first else 0
            high = quote.end if index == quote.last else len(views[index].text)
            covered.setdefault(index, []).append((low, high))
    return covered


def _quote_text_words(quote: _Quote, view: SentenceView) -> list[str]:
    """The words of a quotation within its first sentence."""
    high = quote.end if quote.last == quote.first else len(view.text)
    return view.text[quote.start + 1:high].split()


def _ends_clause(text: str, end: int) -> bool:
    """Whether a quotation ends its clause ('"...," he said'), not one inside it ('the "bonfire" Labour promised')."""
    return text[end - 2:end - 1] in (",", "?", "!", ".") or text[end:end + 1] == "," or \
        text[:end - 1].rstrip()[-1:] == ","              # 'France, " EPP spokesman X said'


def extract(analysis: StoryAnalysis) -> list[Fact]:
    views = analysis.views
    quotes, covered = _reading(analysis)
    if not quotes:
        return []
    spoken_for = _lexicon()["spokesperson_anywhere"].search(analysis.story.text)
    reader = _Reader(views, quotes, covered, _owned_spokespeople(views) if spoken_for else [])
    own = [reader.own_speaker(quote) for quote in quotes]
    speakers: list[_Speaker | None] = list(own)
    opening: dict[int, list[int]] = {}                # sentence -> quotations that open in it
    touching: dict[int, list[int]] = {}               # sentence -> quotations that run through it
    for number, quote in enumerate(quotes):
        opening.setdefault(quote.first, []).append(number)
        for index in range(quote.first, quote.last + 1):
            touching.setdefault(index, []).append(number)
    found: dict[int, _Speaker | None] = {}

    def speaker_of(index: int) -> _Speaker | None:
        """Who spoke, or acted, in a sentence: its last quotation's speaker, else its own reading."""
        if index not in found:
            spoken = [speakers[n] for n in touching.get(index, []) if speakers[n] is not None]
            found[index] = spoken[-1] if spoken else reader.context(index) if index >= 0 else None
        return found[index]

    def before(index: int) -> _Speaker | None:
        """The sentence before's speaker, or the one before that when it names none."""
        return speaker_of(index - 1) or speaker_of(index - 2)

    for index, view in enumerate(views):
        for number in opening.get(index, []):
            speakers[number] = _attribute(view, quotes[number], number, own, opening[index],
                                          partial(before, index))
    facts = []
    for quote, speaker in zip(quotes, speakers):
        text = _quote_text(views, quote) if speaker is not None and speaker.name else ""
        if text and not _names_its_speaker(text, speaker.name):
            facts.append(analysis.fact("quote", {"speaker": speaker.name, "text": text}, views[quote.first]))
    return facts


def _names_its_speaker(text: str, speaker: str) -> bool:
    """ "Ossie was my hero" is not Ossie Davis's: a person does not call himself by his name, so the
    quotation was read to the wrong speaker. Not "to Tony Blair" for Tony Lloyd: another name."""
    words = speaker.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False                    # "BaFin spokeswoman": a body's spokesperson names the body
    for word in {words[0], words[-1]}:
        if word not in text:
            continue
        for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            before = text[:found.start()].split()[-1:]
            after = text[found.end():].split()[:1]
            if before and before[0][:1].isupper() and before[0] not in words and not before[0].endswith((".", ",")):
                continue                # "Vote Blair" is a slogan's; "Mr Blair" is him
            if after and after[0][:1].isupper() and after[0].strip(".,;:!?") not in words:
                continue                # "Tony Blair": someone else
            return True
    return False


def _attribute(view: SentenceView, quote: _Quote, number: int, own: list[_Speaker | None],
               in_sentence: list[int], context: Callable[[], _Speaker | None]) -> _Speaker | None:
    """A quotation's speaker: its own, another in its sentence's, or the sentences before's.

    `context` says who spoke in the sentences before; it is asked only when needed.
    """
    speaker = own[number]
    earlier = [own[n] for n in in_sentence if n < number and own[n] is not None and own[n].name]
    if speaker is not None and speaker.name is None and not speaker.stand_in and earlier:
        return earlier[-1]                             # 'X said the "A" Labour had promised was an "B"'
    if speaker is None:
        later = [own[n] for n in in_sentence if n > number and own[n] is not None]
        speaker = earlier[-1] if earlier else later[0] if later else None
    if speaker is None:
        if quote.start < 0 or not view.text[view.body_start:quote.start].strip():
            return context()
        if len(_quote_text_words(quote, view)) >= TEXT_WORDS:          # "X will attack them for "...""
            return _opening_subject(view, view.body_start, quote.start)
        return None
    if speaker.pronoun and speaker.name is None:
        return context()
    if speaker.pronoun and not any(not m.pronoun and m.end <= speaker.at and not inside_quote(view.text, m.start)
                                   for m in view.persons):
        before = context()
        if before is not None and before.stand_in:
            return before                              # "A spokesman said ... He added: '...'"
    return speaker
