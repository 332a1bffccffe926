"""Meetings: 'Who did Ingrid Dahl hold talks with in Kessel?', 'Ingrid Dahl met Tomas Varga on Friday.'"""
from __future__ import annotations

import re

from ...answers import normalize, surname
from .base import Phrasing, sentence_tense, titled, when_phrase, with_article

_PRESENT = re.compile(r"\b(meets|is meeting|are meeting)\b", re.IGNORECASE)
_MEETING_VERB = re.compile(r"\b(met|meet|meets|meeting|held talks|hold talks|holds talks|talked|talks)\b")
_TALKS = re.compile(r"\b(talks|talked|discussions|discussed)\b", re.IGNORECASE)


class MeetingPhrasing(Phrasing):
    fact_type = "meeting"
    derived = ("partner", "when_phrase", "where_phrase")
    conditions = ("distinct_meeting",)

    def values(self, fact, context):
        order = list(fact.slots["people"])
        if len(order) != 2:
            return None
        if joint(fact.sentence, order):
            return None                    # "Dahl and Varga met the fishermen": they met others, together
        values = super().values(fact, context)
        people = sorted(order, key=lambda p: (len(context.partners.get(p, ())), order.index(p)))
        values["met_by"] = people[0]                                    # as the story's facts name them
        values["person"], values["partner"] = (titled(p, fact.sentence) for p in people)   # "Pope Francis"
        values["when_phrase"] = when_phrase(fact.slots.get("when"))
        values["where_phrase"] = f" in {with_article(fact.slots['place'])}" if fact.slots.get("place") else ""
        talks = "_talks" if _TALKS.search(fact.sentence) else ""
        tense = "present" if _PRESENT.search(fact.sentence) else sentence_tense(fact.sentence, fact.slots.get("when"))
        values["variant"] = tense + talks          # no wording for "He now meets X" (a match, or a plan)
        return values

    def holds(self, condition, fact, values, context):
        if condition == "distinct_meeting":
            return distinct(fact, values, context)
        return False

    def also_true(self, fact, template, values, context):
        person = values["met_by"]
        return (person, *context.partners.get(person, ()), *context.named_with(person))

    # No false statement: "X met Y in July" with another partner is one the story does not rule
    # out (X may have met both), so a meeting statement is only ever the story's own.


def joint(sentence: str, people: list[str]) -> bool:
    """Both people stand before the meeting verb, as its subject."""
    verb = _MEETING_VERB.search(sentence)
    if verb is None:
        return False
    before = normalize(sentence[:verb.start()]).split()
    return all(normalize(surname(p) or p) in before for p in people)


def distinct(fact, values, context) -> bool:
    """The stem names one meeting: the person met one partner, or place and time tell this one apart."""
    person = values["met_by"]
    if len(context.partners.get(person, ())) == 1:
        return True
    if not (values["when_phrase"] or values["where_phrase"]):
        return False
    key = (fact.slots.get("place"), fact.slots.get("when"))
    same = [m for m in context.meetings.get(person, []) if (m.slots.get("place"), m.slots.get("when")) == key]
    return len(same) == 1


PHRASING = MeetingPhrasing()
