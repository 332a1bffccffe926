"""Visit facts: a person going to a place, with the time when given.

The forms news uses (cues in data/cues.yaml):

- a verb whose subject travels: "arrived in", "flew to", "visited", "toured",
  "will visit" (the people "A and B visited", the places "visited A, B and C");
- presence: "X was in Y", "X, who is currently in Y";
- a visit as the setting of another verb: "During a visit to Y, X said",
  "X, on his first visit to Y, said", "X, starting a tour of Y";
- a noun with its visitor: "X's visit to Y", "a visit to Y by X", "his China
  visit", "her Indian trip";
- a purpose: "X, in Y for talks", "X, here on a visit" (the dateline's city).

The place must be one quizgen knows (data/places.yaml); an arrival with no
place named is an arrival in the dateline's city. Left alone: trips only
floated ("hopes to visit") or called off, and trips to the person's own
country (known from the story: "Brazilian Finance Minister Dilson Funaro").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import Fact
from .dates import find_when
from .names import Mention, SentenceView, StoryAnalysis, places
from .names import _title_words as title_words
from .rules import (APPOSITIVES, any_cue, cue_pattern, cue_subject, inside_quote, setting_subject, subject_is_close,
                    word_lists)

MAX_GAP = 60
MAX_AGENT_GAP = 40
# An arrival with no place named is one in the dateline's city, when it has happened.
_ARRIVAL = re.compile(r"\barrived\b|\bflew in\b", re.IGNORECASE)
# What may stand between a visit cue and its place: nothing, "the", or a phrase ending "in"/"to".
_LEADS_TO_PLACE = re.compile(r"^\s*(?:the\s+)?$|\b(?:in|to|at|for)\s+(?:the\s+)?$")
_PRESENCE_GAP = re.compile(r"\s*|,?\s+who\s+")      # "Straw was in", "Funaro, who is in"
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
_LIST_JOINT = re.compile(r"^\s*(?:,|,?\s+and)\s+(?:the\s+)?$")
_PERSON_JOINT = re.compile(r"^\s*(?:,|,?\s+and)\s+(?:[A-Za-z-]+\s+){0,4}$")
_POSSESSIVE_TRIP = re.compile(r"['\u2019]s?\s+(?:[a-z0-9-]+\s+){0,3}$")
_MISSED = re.compile(r"\b(?:miss(?:ed|es|ing)?(?:\s+out)?|pull(?:ed|s|ing)?\s+out\s+of|withdr[ae]w\s+from|"
                     r"ruled\s+out\s+of|left\s+out\s+of|dropped\s+from)\s+$")
_SETTING_ADJECTIVE = re.compile(r"\b(?:[Dd]uring|[Oo]n|[Aa]fter|[Bb]efore)\s+(?:a|an|the)\s+(?:[a-z0-9-]+\s+){0,2}$")
# After a space, letter first: the engine then skips other positions at C speed (it is tried on every sentence).
_TRIP_NOUN = re.compile(r"(?:v(?<=\sv)isit|t(?<=\st)(?:rip|our)|s(?<=\ss)(?:topover|top)|j(?<=\sj)ourney)\b")
_BY_AGENT = re.compile(r"[^,;.]{0,40}?\bby\s+")     # "a visit to London by King Fahd"


def _floated(text: str, position: int) -> bool:
    """Whether the words just before a cue only float the trip or call it off."""
    before = re.split(r"[,;:\"\u201c\u201d]", text[max(0, position - 40):position])[-1]
    words = re.findall(r"\b[a-z]+\b", before)[-4:]          # "May 2" is a date, not "may"
    lexicon = word_lists("visits")
    return bool(set(words) & lexicon["floated"]) or any(
        re.search(rf"\b{re.escape(phrase)}\b", before) for phrase in lexicon["called_off"])


def _visitors(view: SentenceView, position: int) -> list[Mention]:
    """The cue's subject, with anyone joined to it ("Funaro and Gros visited")."""
    subject = cue_subject(view, position)
    if subject is None:
        return []
    text = view.text
    if not subject_is_close(text, subject.end, position):
        # "Funaro will extend his tour, flying to Japan": a participle shares the clause's subject.
        comma = text.rfind(", ", subject.end, position)
        if not (comma >= 0 and not text[comma + 2:position].split() and _PARTICIPLE.match(text, position)
                and subject_is_close(text, subject.end, comma, max_words=8)):
            return []
    found = [subject]
    for mention in view.persons:
        if mention.start <= found[-1].end or mention.end > position or mention.pronoun or mention.possessive:
            continue
        if not _PERSON_JOINT.match(text[found[-1].end:mention.start]) or not subject_is_close(
                text, mention.end, position):
            break
        found.append(mention)
    return found


def _places_after(view: SentenceView, position: int) -> list[Mention]:
    """The place right after a cue, and those listed with it ("visited Rome, Paris and Bonn")."""
    text = view.text
    found: list[Mention] = []
    for mention in view.places:
        if mention.start < position or (found and mention.start < found[-1].end):
            continue
        if not found:
            gap = text[position:mention.start]
            if len(gap) > MAX_GAP or any(c in gap for c in ';."\u201c') or not _LEADS_TO_PLACE.search(gap):
                return []                 # "arrived from Helsinki", "aboard a U.S. plane"
            if mention.possessive or _IS_MODIFIER.match(text, mention.end) or (
                    gap.rstrip().endswith("the") and _modifies_noun(text, mention.end)):
                return []                 # "the U.S. Embassy", "returned to the England side"
        elif not _LIST_JOINT.match(text[found[-1].end:mention.start]) or mention.possessive:
            break
        found.append(mention)
    return found


# A place used as a modifier: "the U.S. Embassy", "the Washington Post".
_IS_MODIFIER = re.compile(r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                          r"April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]")


def _modifies_noun(text: str, end: int) -> bool:
    """Whether a lower-case word other than a function word follows: "the England side"."""
    following = re.match(r"\s+([a-z]+)\b", text[end:])
    return bool(following) and following.group(1) not in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset("for on in to at with and or but where which who when after before as since until "
                            "during from last next this yesterday today tomorrow tonight earlier later early late "
                            "on by is was are were will would has had have".split())


def _setting_visits(view: SentenceView) -> list[tuple[Mention, Mention]]:
    """ "During a visit to Y, X said", "X, starting a tour of Y": the sentence's subject."""
    found = []
    for cue in cue_pattern("visit_setting").finditer(view.text):
        if _MISSED.search(view.text, max(0, cue.start() - 30), cue.start()):
            continue                      # "after missing out on the tour to Australia"
        targets = _places_after(view, cue.end())
        if not targets or _BY_AGENT.match(view.text, targets[-1].end):
            continue                      # "during a visit to Moscow by Aqazadeh": the noun's own visitor
        subject = setting_subject(view, cue.start(), targets[-1].end, _title_only)
        if subject is not None and not inside_quote(view.text, cue.start()):
            found += [(subject, place) for place in targets]
    return found


def _noun_visits(view: SentenceView) -> list[tuple[Mention, Mention]]:
    """ "Musharraf's visit to Britain", "a visit to London by King Fahd"."""
    text = view.text
    found = []
    for cue in cue_pattern("visit_noun").finditer(text):
        targets = _places_after(view, cue.end())
        if not targets or inside_quote(text, cue.start()) or _floated(text, cue.start()):
            continue
        before = text[:cue.start()]
        owner = next((m for m in view.persons if m.possessive and _POSSESSIVE_TRIP.fullmatch(before[m.end:])), None)
        by = _BY_AGENT.match(text, targets[-1].end) if owner is None else None
        if by is not None:
            owner = next((m for m in view.persons if 0 <= m.start - by.end() <= MAX_AGENT_GAP
                          and _title_only(text[by.end():m.start])), None)
        if owner is not None:
            found += [(owner, place) for place in targets]
    return found


def _title_only(gap: str) -> bool:
    """ "by Japanese Prime Minister ": only a title before the person."""
    titles = title_words()
    return all(w[:1].isupper() or w.lower() in titles or w.lower() in ("the", "his", "her")
               for w in gap.replace(",", " ").split())


def _adjective_visits(view: SentenceView, previous: Mention | None) -> list[tuple[Mention, str, int]]:
    """ "His China visit", "Albright's Beijing trip", "her Indian tour"."""
    text = view.text
    table = places()
    found: list[tuple[Mention, str, int]] = []
    for match in _TRIP_NOUN.finditer(text):
        words = text[:match.start()].split()[-2:]
        country = None
        for size in (2, 1):
            name = " ".join(words[-size:])
            if len(words) >= size and (name in table.names or name in table.demonyms):
                country = table.names.get(name) or table.country_of.get(name)
                start = match.start() - len(name) - 1
                break
        if country is None:
            continue
        before = text[:start]
        owner = next((m for m in view.persons if m.possessive and _POSSESSIVE_TRIP.fullmatch(before[m.end:])
                      and start - m.end <= 3), None)
        if owner is None and re.search(r"\b[Hh](?:is|er)\s+$", before):
            earlier = [m for m in view.persons if m.end <= start and not m.possessive]
            owner = earlier[0] if earlier else previous
        if owner is None and _SETTING_ADJECTIVE.search(before):      # "said during a U.S. visit"
            owner = setting_subject(view, start, match.end(), _title_only)
        if owner is not None:
            found.append((owner, country, start))
    return found


def _presence_visits(view: SentenceView) -> list[tuple[Mention, Mention]]:
    """ "Mr Straw was in India", "Snow, who is currently in Dublin"."""
    text = view.text
    found = []
    for cue in cue_pattern("visit_presence").finditer(text):
        before = [m for m in view.persons if m.end <= cue.start()]
        after = [m for m in view.places if m.start >= cue.end()]
        if not before or not after or before[-1].possessive or after[0].start - cue.end() > 5 \
                or _floated(text, cue.start()):
            continue
        gap = text[before[-1].end:cue.start()]
        gap = APPOSITIVES.sub("", gap) if not _PRESENCE_GAP.fullmatch(gap) else gap
        if _PRESENCE_GAP.fullmatch(gap) or _PRESENCE_GAP.fullmatch(gap.rstrip() + " "):
            found.append((before[-1], after[0]))
    return found


def _purpose_visits(view: SentenceView, dateline: str | None) -> list[tuple[Mention, str, int]]:
    """ "Straw, in Delhi for talks", "Velayati, here on a two-day visit"."""
    text = view.text
    found: list[tuple[Mention, str, int]] = []
    for cue in cue_pattern("visit_purpose").finditer(text):
        place = next((m for m in view.places if 0 < cue.start() - m.end <= 2
                      and re.search(r"\bin\s+(?:the\s+)?$", text[:m.start])), None)
        if place is None:
            continue
        lead = re.search(r"\bin\s+(?:the\s+)?$", text[:place.start])
        person = _present_person(view, lead.start())
        if person is not None:
            found.append((person, place.name, place.start))
    if dateline:
        for cue in cue_pattern("visit_here").finditer(text):
            person = _present_person(view, cue.start())
            if person is None:
                subject = cue_subject(view, cue.start())
                person = subject if subject and subject_is_close(text, subject.end, cue.start()) else None
            if person is not None:
                found.append((person, dateline, cue.start()))
    return found


def _present_person(view: SentenceView, position: int) -> Mention | None:
    """The person a locative phrase describes: "X, in Y", "X is in Y", "X, who is here"."""
    text = view.text
    before = [m for m in view.persons if m.end <= position and not m.possessive]
    if not before:
        return None
    gap = text[before[-1].end:position]
    if re.fullmatch(r"\s*,?\s*(?:(?:who\s+)?(?:is|was|are|were)\s+)?(?:\w+ly\s+)?", gap):
        return before[-1]
    return None


@lru_cache(maxsize=4096)
def _country_of(place: str) -> str:
    return places().country_of.get(place, place)


def _home_countries(analysis: StoryAnalysis) -> dict[str, str]:
    """Each person's country, where the story gives it: "Brazilian Finance Minister Dilson
    Funaro", "Germany's Chancellor Gerhard Schroeder", "King Fahd of Saudi Arabia"."""
    table = places()
    titles = title_words()
    homes: dict[str, str] = {}
    for view in analysis.views:
        text = view.text
        for mention in view.persons:
            if mention.pronoun or mention.name in homes:
                continue
            words = text[max(0, mention.start - 60):mention.start].split()
            while words and (words[-1].lower() in titles or words[-1].lower() in ("of", "the")):
                words.pop()
            if words:
                word = re.sub(r"['\u2019]s$", "", words[-1])
                pair = " ".join(words[-2:])
                for candidate in (pair, word):
                    if candidate in table.demonyms or candidate in table.names:
                        if len(words) < len(text[max(0, mention.start - 60):mention.start].split()):
                            homes[mention.name] = table.country_of.get(candidate, candidate)
                        break
            after = re.match(r"\s+of\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", text[mention.end:])
            if mention.name not in homes and after and after.group(1) in table.names:
                homes[mention.name] = table.country_of[after.group(1)]
    return homes


def _verb_visits(view: SentenceView, dateline: str | None) -> list[tuple[Mention, str, int]]:
    """ "A and B flew to X and Y", "A arrived" (in the dateline's city)."""
    found: list[tuple[Mention, str, int]] = []
    for cue in cue_pattern("visit").finditer(view.text):
        if inside_quote(view.text, cue.start()) or _floated(view.text, cue.start()):
            continue
        visitors = _visitors(view, cue.start())
        targets = _places_after(view, cue.end()) if visitors else []
        for person in visitors:
            found += [(person, place.name, place.start) for place in targets]
            if not targets and _ARRIVAL.match(cue.group(0)) and dateline:
                found.append((person, dateline, cue.end()))
    return found


_CUE_LISTS = ("visit", "visit_presence", "visit_setting", "visit_noun", "visit_purpose", "visit_here")


def _sentence_visits(view: SentenceView, dateline: str | None, previous: Mention | None) -> list[tuple[Mention, str, int]]:
    """Every visit a sentence states: person, place, and where the place is named."""
    if not any_cue(*_CUE_LISTS).search(view.text) and not _TRIP_NOUN.search(view.text):
        return []
    found = _adjective_visits(view, previous)
    if not view.persons or not (view.places or dateline):
        return found
    pairs = _setting_visits(view) + _noun_visits(view) + _presence_visits(view)
    return (found + _verb_visits(view, dateline) + [(person, place.name, place.start) for person, place in pairs]
            + _purpose_visits(view, dateline))


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    homes: dict[str, str] | None = None
    focus: Mention | None = None          # the last sentence's subject, for "his China visit"
    for view in analysis.views:
        previous_focus = focus
        focus = view.subject_mention or focus
        if not (view.persons or previous_focus):
            continue                      # "His China visit ...": the person may be the last one named
        for person, place_name, position in _sentence_visits(view, analysis.dateline_place, previous_focus):
            key = (person.name, place_name)
            if key in seen:
                continue
            if homes is None:
                homes = _home_countries(analysis)
            if homes.get(person.name) == _country_of(place_name):
                continue                  # a trip at home is no visit
            seen.add(key)
            facts.append(analysis.fact("visit", {"person": person.name, "place": place_name,
                                                 "when": find_when(view, position)}, view))
    return facts
