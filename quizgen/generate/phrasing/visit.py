"""Visits: 'Where did Ingrid Dahl travel on Friday?', 'Ingrid Dahl travelled to Brussels.'"""
from __future__ import annotations

import random
import re

from ...answers import normalize, surname
from ...extract.names import places
from ..distractors import places_like
from .base import Phrasing, is_country, sentence_tense, titled, when_phrase, with_article

_PRESENT = re.compile(r"\b(is|are) (visiting|touring|travelling|traveling|in)\b|\b(arrives|visits|tours)\b",
                      re.IGNORECASE)


class VisitPhrasing(Phrasing):
    fact_type = "visit"
    derived = ("when_phrase", "place_kind")
    conditions = ("single_destination",)

    def values(self, fact, context):
        values = super().values(fact, context)
        values["person"] = titled(values["person"], fact.sentence)   # "Pope Francis", not a bare "Francis"
        values["place_kind"] = "country" if is_country(values["place"]) else (
            "city" if values["place"] in places().names else "place")   # the kind its choices are of
        values["place"] = with_article(values["place"])        # "travelled to the United Kingdom"
        values["when_phrase"] = when_phrase(fact.slots.get("when"))
        tense = sentence_tense(fact.sentence, fact.slots.get("when"))
        values["variant"] = "present" if tense == "past" and _PRESENT.search(fact.sentence) else tense
        return values

    def holds(self, condition, fact, values, context):
        if condition == "single_destination":
            places_of = context.destinations.get(fact.slots["person"], ())
            if len(places_of) == 1:
                return True
            same_time = [f for f in context.facts if f.type == "visit" and f.slots["person"] == fact.slots["person"]
                         and f.slots.get("when") == fact.slots.get("when")]
            return bool(values["when_phrase"]) and len({f.slots["place"] for f in same_time}) == 1
        return False

    def also_true(self, fact, template, values, context):
        return (*context.destinations.get(fact.slots["person"], ()), *places_near(fact.slots["person"], context))

    def ruled_out(self, fact, template, values, context, rng: random.Random):
        """A place of the same kind the story names, but never beside the person: a place from
        nowhere in the story would make the statement false at a glance."""
        near = {normalize(p) for p in self.also_true(fact, template, values, context)}
        story = f" {normalize(context.story.text)} "
        candidates = [p for p in places_like(fact.slots["place"], context.pools.places)
                      if normalize(p) not in near and f" {normalize(p)} " in story]
        return {"place": with_article(rng.choice(candidates))} if candidates else None


def places_near(person: str, context) -> list[str]:
    """Places named in the sentences that name the person."""
    table = places().names
    key = normalize(surname(person) or person)
    found = []
    for sentence in context.story.sentences:
        if f" {key} " not in f" {normalize(sentence.text)} ":
            continue
        words = re.findall(r"[\w.'-]+", sentence.text)
        for size in (1, 2, 3):
            found += [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)
                      if " ".join(words[i:i + size]) in table]
    return found


PHRASING = VisitPhrasing()
