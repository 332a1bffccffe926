"""Visit facts: a person going to a place ("arrived in", "flies to", "visits", "trip to").

The place must be one quizgen knows (data/places.yaml); an arrival with no
place named ("arrived from Helsinki") is an arrival in the dateline's city.
"""
from __future__ import annotations

import re

from ..models import Fact
from .dates import find_when
from .names import Mention, SentenceView, StoryAnalysis
from .rules import cue_pattern, cue_subject, inside_quote, subject_is_close

MAX_GAP = 60
_ARRIVAL = re.compile(r"\barriv(?:ed|es|ing)\b", re.IGNORECASE)
# What may stand between a visit cue and its place: nothing, "the", or a phrase ending "in"/"to".
_LEADS_TO_PLACE = re.compile(r"^\s*(?:the\s+)?$|\b(?:in|to|at|for)\s+(?:the\s+)?$")
_PRESENCE_GAP = re.compile(r"\s*|,\s+who\s+")      # "Straw was in", "Funaro, who is in"
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
_CALLED_OFF = re.compile(r"\b(?:cancel+ed|postponed|called off|scrapped|delayed|ruled out)\s+(?:a|an|his|her|the|their)?\s*$")
_POSSESSIVE_VISIT = re.compile(r"^\s+(?:visit|trip|tour|stop)\b")


def _visitor(view: SentenceView, position: int) -> Mention | None:
    """The cue's subject, unless the trip was called off."""
    subject = cue_subject(view, position)
    if subject is None:
        return None
    if _CALLED_OFF.search(view.text, max(0, position - 30), position):
        return None                       # "cancelled a trip to Australia"
    if subject_is_close(view.text, subject.end, position):
        return subject
    # "Funaro will extend his tour, flying to Japan": a participle shares the clause's subject.
    comma = view.text.rfind(", ", subject.end, position)
    if (comma >= 0 and view.text[comma + 2:position].split()[:1] == [] and _PARTICIPLE.match(view.text, position)
            and subject_is_close(view.text, subject.end, comma, max_words=8)):
        return subject
    return None


def _place_after(view: SentenceView, position: int) -> Mention | None:
    text = view.text
    for mention in view.places:
        if mention.start < position:
            continue
        gap = text[position:mention.start]
        if len(gap) > MAX_GAP or any(c in gap for c in ';."\u201c'):
            return None
        if not _LEADS_TO_PLACE.search(gap):
            return None                   # "arrived from Helsinki", "aboard a U.S. plane"
        return mention
    return None


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    cues = cue_pattern("visit")
    presence = cue_pattern("visit_presence")
    focus: Mention | None = None          # the last sentence's subject, for "his China visit"
    for view in analysis.views:
        found: list[tuple[Mention, str, int]] = []      # person, place, where the place is named
        previous_focus = focus
        focus = view.subject() or focus
        if not view.places and not analysis.dateline_place:
            continue
        for cue in cues.finditer(view.text) if view.persons else ():
            if inside_quote(view.text, cue.start()):
                continue
            person = _visitor(view, cue.start())
            if person is None:
                continue
            place = _place_after(view, cue.end())
            if place is not None:
                found.append((person, place.name, place.start))
            elif _ARRIVAL.match(cue.group(0)) and analysis.dateline_place:
                found.append((person, analysis.dateline_place, cue.end()))
        # "His China visit", "Albright's Beijing trip"
        for place in view.places:
            if _POSSESSIVE_VISIT.match(view.text[place.end:]):
                owner = [m for m in view.persons if m.end <= place.start and
                         place.start - m.end <= 3]
                if owner:
                    found.append((owner[-1], place.name, place.start))
                elif previous_focus is not None and re.search(r"\b[Hh](?:is|er)\s+$", view.text[:place.start]):
                    found.append((previous_focus, place.name, place.start))
        for cue in presence.finditer(view.text) if view.persons and view.places else ():
            before = [m for m in view.persons if m.end <= cue.start()]
            after = [m for m in view.places if m.start >= cue.end()]
            if (before and after and _PRESENCE_GAP.fullmatch(view.text, before[-1].end, cue.start())
                    and after[0].start - cue.end() <= 5 and not before[-1].possessive):
                found.append((before[-1], after[0].name, after[0].start))
        for person, place_name, position in found:
            key = (person.name, place_name)
            if key in seen:
                continue
            seen.add(key)
            facts.append(analysis.fact("visit", {"person": person.name, "place": place_name,
                                                 "when": find_when(view, position)}, view))
    return facts
