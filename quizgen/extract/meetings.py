"""Meeting facts: who met (or is due to meet) whom, with place and time when given.

"X met (with) Y", "X held talks with Y", "X was due to meet Y", "by seeing Y",
"X and Y met", "summit between X and Y". Both sides must be named people.
"""
from __future__ import annotations

import re

from ..models import Fact
from .dates import find_when
from .names import Mention, SentenceView, StoryAnalysis
from .rules import cue_pattern, cue_subject, inside_quote, subject_is_close

MAX_GAP = 70          # characters between the cue and the person met
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$")


def _subject_before(view: SentenceView, position: int) -> Mention | None:
    """Who does the meeting, when they stand close enough to the cue."""
    subject = cue_subject(view, position)
    return subject if subject and subject_is_close(view.text, subject.end, position) else None


def _sentence_subject(view: SentenceView, position: int, objects: list[Mention]) -> Mention | None:
    """The sentence's subject for a meeting phrase: the first person named outside the phrase."""
    if not objects:
        return None
    for mention in view.persons:
        if mention.possessive:
            continue
        if mention.end <= position or mention.start > objects[-1].end:
            return mention
    return None


def _shared_subject(text: str, last: tuple[Mention, int], position: int) -> Mention | None:
    """ "She met A and then had meetings with B": the second verb shares the first's subject."""
    subject, previous_end = last
    between = text[previous_end:position]
    at = between.rfind(" and ")
    if at < 0:
        return None
    return subject if subject_is_close(between, at + 4, len(between)) else None


def _objects_after(view: SentenceView, position: int) -> list[Mention]:
    """The person right after the cue, and those joined to it by "and" ("met A and B")."""
    text = view.text
    found: list[Mention] = []
    for mention in view.persons:
        if mention.start < position or mention.pronoun:
            continue
        if mention.possessive:
            break                             # "met Gary Neville's cross": not a person met
        gap = text[found[-1].end if found else position:mention.start]
        if not found:
            if len(gap) > MAX_GAP or any(c in gap for c in ';."\u201c') or " said" in gap:
                return []
            found.append(mention)
        elif _joined(gap):
            found.append(mention)
        else:
            break
    return found


def _joined(gap: str) -> bool:
    """ "and", perhaps with the next person's title: " and German Chancellor " """
    stripped = gap.strip(" ,")
    return (stripped == "and" or stripped.startswith("and ")) and len(stripped) < 50 and not any(
        c in stripped for c in ';."\u201c')


def _place_and_time(view: SentenceView, near: int) -> dict[str, str | None]:
    text = view.text
    place = None
    for mention in view.places:
        if text[:mention.start].rstrip().endswith(" in"):
            place = mention.name
            break
    return {"place": place, "when": find_when(view, near)}


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[frozenset[str]] = set()
    one_to_one = cue_pattern("meeting")
    pairs = cue_pattern("meeting_pair")
    between = cue_pattern("meeting_between")
    setting = cue_pattern("meeting_setting")
    for view in analysis.views:
        if len(view.persons) < 2:
            continue
        groups: list[list[Mention]] = []
        for cue in pairs.finditer(view.text):
            if inside_quote(view.text, cue.start()):
                continue
            before = [m for m in view.persons if m.end <= cue.start() and not m.pronoun]
            joined = before[-2:] if len(before) >= 2 and " and " in view.text[before[-2].end:before[-1].start] else []
            if joined and subject_is_close(view.text, joined[-1].end, cue.start(), max_words=3):
                groups.append(joined)
        for cue in between.finditer(view.text):
            if inside_quote(view.text, cue.start()):
                continue
            after = _objects_after(view, cue.end())
            if len(after) >= 2:
                groups.append(after)
        for cue in setting.finditer(view.text):
            objects = _objects_after(view, cue.end())
            subject = _sentence_subject(view, cue.start(), objects)
            if subject and objects and not inside_quote(view.text, cue.start()):
                groups.append([subject] + objects)
        last: tuple[Mention, int] | None = None    # the previous cue's subject and end
        for cue in one_to_one.finditer(view.text):
            if inside_quote(view.text, cue.start()) or _PASSIVE.search(view.text, 0, cue.start()):
                continue
            subject = _subject_before(view, cue.start())
            if subject is None and last is not None:
                subject = _shared_subject(view.text, last, cue.start())
            if subject is not None:
                last = (subject, cue.end())
            objects = _objects_after(view, cue.end())
            if subject and objects:
                groups.append([subject] + objects)
        for group in groups:
            people = list(dict.fromkeys(m.name for m in group))
            key = frozenset(people)
            if len(people) < 2 or key in seen:
                continue
            seen.add(key)
            slots = {"people": people, **_place_and_time(view, group[-1].end)}
            facts.append(analysis.fact("meeting", slots, view))
    return facts
