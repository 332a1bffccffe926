"""Quote facts: direct quotations with their speaker.

The speaker is the named person (or resolved he/she) next to a speech verb
outside the quotation marks: '"...," Kelly said', 'Mr Straw said: "..."',
'"...," Zhu quoted Tang as telling Albright'. A sentence that is all
quotation continues the previous quote's speaker in the same paragraph.
Quotes with no named speaker ("an observer said") make no fact.
"""
from __future__ import annotations

import re

from ..models import Fact
from .names import SentenceView, StoryAnalysis
from .rules import cue_pattern, subject_is_close

MIN_QUOTE_WORDS = 2
_QUOTE = re.compile(r"[\"\u201c](?P<text>[^\"\u201c\u201d]{3,}?)(?:[\"\u201d]|$)")
_QUOTED_AS = re.compile(r"\bquoted\s+(?:[A-Z][\w\-]*\s+){1,3}as\b")
# Between "said" and the speaker: nothing, or title words ("said Judge Amy Park").
_TITLE_GAP = re.compile(r"\s*(?:[A-Z][\w.\-]*\s+|(?:of|the|for)\s+){0,5}$")
# "said Mr Galloway." names the speaker; "said Mr Galloway had friends" reports speech.
_NAME_ENDS = re.compile(r"\s*(?:[,.;:!?)]|$)")
_SPOKESMAN = re.compile(r"['\u2019]s\s+((?:[a-z]+\s+){0,2}(?:spokes(?:man|woman|person)|aide|adviser))\b")


def _speaker(view: SentenceView, outside: tuple[int, int], prefer_before: bool) -> str | None:
    """The named speaker in the text outside the quotation marks, or None."""
    text = view.text
    start, end = outside
    speech = cue_pattern("speech")
    verbs = list(speech.finditer(text, start, end))
    if not verbs:
        return None
    quoted_as = _QUOTED_AS.search(text, start, end)
    if quoted_as:
        named = [m for m in view.persons if quoted_as.start() < m.start < quoted_as.end()]
        if named:
            return named[0].name
    verb = verbs[0] if not prefer_before else verbs[-1]
    persons = [m for m in view.persons if start <= m.start and m.end <= end]
    before = [m for m in persons if m.end <= verb.start()]
    # '"...," said Ray Mallon' names the speaker; 'said he had "no idea"' is reported speech.
    after = [m for m in persons if m.start >= verb.end() and m.surface.lower() not in ("he", "she")
             and _TITLE_GAP.match(text, verb.end(), m.start) and _NAME_ENDS.match(text, m.end)]
    if before and before[-1].possessive:
        spokesman = _SPOKESMAN.match(text, before[-1].end, verb.start())
        if spokesman:                  # "Tony Blair's official spokesman said"
            return f"{before[-1].name}'s {spokesman.group(1)}"
    # "Kelly said", "Reeker, said", "Helms, chairman of ..., said", "Shultz was guarded, saying"
    verb_at = verb.start()
    if verb.group().endswith("ing"):
        comma = text.rfind(", ", start, verb_at)
        verb_at = comma if comma >= 0 else verb_at
    for chosen in reversed(before[-3:]):    # nearest first
        if chosen.possessive or chosen.end > verb_at:
            continue
        if text[chosen.end:verb_at].strip() == "," or subject_is_close(
                text, chosen.end, verb_at, max_words=3 if verb_at == verb.start() else 8):
            return chosen.name
    if after:
        return after[0].name
    return None


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    last_speaker: tuple[int, str] | None = None     # (paragraph, speaker)
    for view in analysis.views:
        text = view.text
        if '"' not in text and "\u201c" not in text:
            continue
        quotes = list(_QUOTE.finditer(text))
        if not quotes:
            continue
        first, last = quotes[0], quotes[-1]
        speaker = None
        if last.end() < len(text.rstrip()) - 1:
            speaker = _speaker(view, (last.end(), len(text)), prefer_before=False)
        if speaker is None and first.start() > 0:
            speaker = _speaker(view, (0, first.start()), prefer_before=True)
        paragraph = view.sentence.paragraph
        if speaker is None and first.start() == 0 and last_speaker and last_speaker[0] == paragraph:
            speaker = last_speaker[1]
        if speaker is None:
            last_speaker = None            # someone unnamed speaks: do not carry the last speaker on
            continue
        last_speaker = (paragraph, speaker)
        for quote in quotes:
            words = quote.group("text").strip()
            if len(words.split()) < MIN_QUOTE_WORDS:
                continue
            facts.append(analysis.fact("quote", {"speaker": speaker, "text": words.strip(" ,")}, view))
    return facts
