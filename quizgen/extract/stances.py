"""Stance facts: who supports or opposes what.

A cue verb or phrase (data/cues.yaml: support, oppose) whose subject is a
named person or a country, and whose object is the target. "urged X to stop
Y" / "demanded X stop Y" turn into opposing Y. Cues inside quotations and
infinitives ("requires Washington to oppose") are left alone: their holder is
not the sentence's subject.
"""
from __future__ import annotations

import re

from ..models import Fact
from .names import Mention, SentenceView, StoryAnalysis
from .rules import CONTENT_WORD, cue_pattern, cue_words, inside_quote

TARGET_WORDS = 14
_TARGET_END = re.compile(r"[;:.!?\"\u201c\u201d(]|,\s|\s(?:because|but|while|although|saying|as|after|before|who|which|when|if)\s|\s--?\s")
_RELATIVE = re.compile(r",\s+(?:which|who)\s")
_STOP = frozenset("the a an of to and in on for with its his her their that this".split())


def _holder(view: SentenceView, position: int) -> Mention | None:
    text = view.text
    entities = sorted([m for m in view.persons + view.places if m.end <= position],
                      key=lambda m: m.start)
    if not entities:
        return None
    relative = None
    for match in _RELATIVE.finditer(text, 0, position):
        relative = match
    if relative:
        antecedents = [m for m in entities if m.end <= relative.start()]
        if antecedents and relative.start() - antecedents[-1].end <= 2:
            return antecedents[-1]
        return None
    persons = [m for m in entities if m.kind == "person" and not m.possessive]
    if persons:
        return persons[0]
    first = entities[0]
    if first.possessive:
        return None
    # A country as holder must be the clause's subject: nothing but a preposition phrase before it.
    lead = text[:first.start].strip()
    if lead and not lead.endswith(",") and lead.lower() not in ("the",):
        return None
    return first


def _target(text: str, start: int) -> tuple[str, bool]:
    """The words after the cue, up to the end of the clause; and whether they negate."""
    end = _TARGET_END.search(text, start)
    span = text[start:end.start() if end else len(text)].strip()
    words = span.split()
    negating = cue_words("negating")
    for index, word in enumerate(words[:5]):
        if word.lower() in negating and index + 1 < len(words):
            return " ".join(words[index + 1:index + 1 + TARGET_WORDS]), True
    return " ".join(words[:TARGET_WORDS]), False


def _content(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in CONTENT_WORD.findall(text) if w.lower() not in _STOP}


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    kept: list[tuple[str, str, set[str]]] = []
    patterns = (("support", cue_pattern("support")), ("oppose", cue_pattern("oppose")))
    for view in analysis.views:
        if not (view.persons or view.places):
            continue
        text = view.text
        for polarity, pattern in patterns:
            for cue in pattern.finditer(text):
                if inside_quote(text, cue.start()) or re.search(r"\bto\s+$", text[:cue.start()]):
                    continue
                holder = _holder(view, cue.start())
                if holder is None:
                    continue
                for part in re.split(r"\s+and\s+(?=to\s)", text[cue.end():]):
                    target, negated = _target(part, 0)
                    target = re.sub(r"^to\s+", "", target)
                    words = _content(target)
                    if len(words) < 1 or len(target) < 4:
                        continue
                    stance = ("oppose" if polarity == "support" else "support") if negated else polarity
                    if any(h == holder.name and p == stance and len(words & w) * 2 >= min(len(words), len(w))
                           for h, p, w in kept):
                        continue
                    kept.append((holder.name, stance, words))
                    facts.append(analysis.fact("stance", {"holder": holder.name, "polarity": stance,
                                                          "target": target}, view))
                    if part is not text[cue.end():] and len(part) == len(text[cue.end():]):
                        break
    return facts
