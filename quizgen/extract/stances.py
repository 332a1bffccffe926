"""Stance facts: who supports or opposes what.

A cue verb or phrase (data/cues.yaml: support, oppose) whose subject is a
named person or a country, and whose object is the target. "urged X to stop
Y" / "demanded X stop Y" turn into opposing Y. Left alone, because their
holder is not the sentence's subject: cues inside quotations, infinitives
("requires Washington to oppose"), passives ("was criticised by"), nouns
("growing calls for"), relative clauses ("politicians who objected to").
"""
from __future__ import annotations

import re

from ..models import Fact
from .names import Mention, SentenceView, StoryAnalysis
from .rules import CONTENT_WORD, cue_pattern, cue_words, inside_quote

TARGET_WORDS = 14
MAX_SUBJECT_GAP_WORDS = 4        # "Tony Blair has since rejected": auxiliaries and adverbs only
_TARGET_END = re.compile(r"[;:.!?\"\u201c\u201d(]|,\s|\s(?:because|but|while|although|saying|as|after|before|who|which|when|if)\s|\s--?\s")
_RELATIVE = re.compile(r"\b(?:who|which|whose|that)\b")
_APPOSITIVES = re.compile(r"^(?:,[^,]*)+,")
# A word before the cue that makes it a noun or a non-finite verb.
_NOT_A_FINITE_VERB = re.compile(
    r"\b(?:to|the|a|an|his|her|their|its|our|growing|new|fresh|renewed|repeated|amid|despite|of|"
    r"been|being|be|get|got|after|by|for|without|resisted|rejected|ignored|dismissed|heeded|"
    r"joined|answered|echoed|faced|mounting)\s+$|['\u2019]s?\s+$", re.IGNORECASE)
# Words that may stand between a holder and its verb: "China has repeatedly opposed".
_AUXILIARY = frozenset("has have had is was are were will would could may might also again "
                       "repeatedly already since now still today yesterday then himself herself "
                       "itself on monday tuesday wednesday thursday friday saturday sunday".split())
# "is criticised" is a passive; "is urging" is not.
_PASSIVE_BE = re.compile(r"\b(?:is|are|was|were)\s+$", re.IGNORECASE)
_ANTECEDENT = re.compile(r",\s+(?:which|who)\b")
# A word after the cue that makes it a passive or a phrasal verb ("criticised by", "backed down").
_NOT_A_STANCE_AFTER = re.compile(r"^\s+(?:by|down|away|off|out|up|to\s+\w+\b(?!\s))\b")
_STOP = frozenset("the a an of to and in on for with its his her their that this".split())


def _holder(view: SentenceView, position: int) -> Mention | None:
    """The subject of the cue: a person, else a country, in the cue's own clause.

    The sentence's subject first ("Helms, chairman of ..., has called on"); else
    the subject of a conjoined clause ("The EU has urged ..., and Washington opposes").
    """
    holder = _clause_holder(view, view.body_start, position)
    if holder is None:
        clause = None
        for clause in _CONJOINED.finditer(view.text, view.body_start, position):
            pass
        if clause is not None:
            holder = _clause_holder(view, clause.end(), position)
    return holder


_CONJOINED = re.compile(r"(?:,|;)\s+(?:and|but|while|whereas)\s+|;\s+")


def _clause_holder(view: SentenceView, clause_start: int, position: int) -> Mention | None:
    text = view.text
    entities = sorted([m for m in view.persons + view.places
                       if clause_start <= m.start and m.end <= position], key=lambda m: m.start)
    if not entities:
        return None
    antecedent = None
    for match in _ANTECEDENT.finditer(text, 0, position):
        antecedent = next((m for m in entities if m.end == match.start()), None)
    if antecedent is not None:
        return antecedent                # "Russia, which has joined China in opposing ..."
    persons = [m for m in entities if m.kind == "person" and not m.possessive]
    if persons:
        holder = persons[-1] if persons[-1].pronoun else persons[0]
    else:
        holder = entities[0]
        lead = text[clause_start:holder.start].strip()
        if holder.possessive or (lead and not lead.endswith(",") and lead.lower() != "the"):
            return None                  # a country must open its clause: "China opposes ..."
    gap = text[holder.end:position]
    if _RELATIVE.search(gap):
        return None                      # "politicians who have objected to": not the holder's verb
    gap = _APPOSITIVES.sub("", gap)
    words = gap.split()
    if "," in gap or len(words) > MAX_SUBJECT_GAP_WORDS or not all(
            w.lower() in _AUXILIARY or w.endswith("ly") for w in words):
        return None                      # "Hong Kong commodity traders welcomed": not Hong Kong
    return holder


def _target(text: str) -> tuple[str, bool]:
    """The words after the cue, up to the end of the clause; and whether they negate."""
    end = _TARGET_END.search(text)
    span = text[:end.start() if end else len(text)].strip()
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
        cues = sorted(((cue, polarity) for polarity, pattern in patterns
                       for cue in pattern.finditer(text)), key=lambda c: c[0].start())
        used_until = 0                       # a cue inside an earlier cue's target is not a stance
        for cue, polarity in cues:
            if (cue.start() < used_until or inside_quote(text, cue.start())
                    or _NOT_A_FINITE_VERB.search(text, max(0, cue.start() - 12), cue.start())
                    or (cue.group().endswith("ed")
                        and _PASSIVE_BE.search(text, max(0, cue.start() - 6), cue.start()))
                    or _NOT_A_STANCE_AFTER.match(text, cue.end())):
                continue
            holder = _holder(view, cue.start())
            if holder is None:
                continue
            rest = text[cue.end():]
            used_until = cue.end() + (_TARGET_END.search(rest).start() if _TARGET_END.search(rest) else len(rest))
            for part in re.split(r"\s+and\s+(?=to\s)", rest):
                target, negated = _target(part)
                target = re.sub(r"^to\s+", "", target)
                words = _content(target)
                if not words or len(target) < 4:
                    continue
                stance = ("oppose" if polarity == "support" else "support") if negated else polarity
                if any(h == holder.name and p == stance and len(words & w) * 2 >= min(len(words), len(w))
                       for h, p, w in kept):
                    continue
                kept.append((holder.name, stance, words))
                facts.append(analysis.fact("stance", {"holder": holder.name, "polarity": stance,
                                                      "target": target}, view))
    return facts
