"""Meeting facts: who met (or is due to meet) whom, with place and time when given.

The forms news uses (cues in data/cues.yaml):

- a verb between the sides: "X met (with) Y", "X held talks with Y", "X will
  meet Y", "X hosted Y", "X received Y" (the person met right after the verb,
  with at most a title between: "met his Israeli counterpart, Ariel Sharon");
- a verb after the sides: "X and Y met", "X and his French counterpart Y will
  hold talks";
- a noun before the sides: "talks between X and Y", "a summit of X and Y";
- a meeting as the setting of another verb: "after a meeting with Y, X said",
  "X, meeting Y in Z, said";
- a possessive: "X's talks with Y".

Both sides must be named people; the sides met may be a list ("met A, B and
C"). Left alone: passives, meetings inside quotations, phone calls, and games
("Hewitt will meet Clement in the first round").
"""
from __future__ import annotations

import re

from ..models import Fact
from .dates import find_when
from .names import Mention, SentenceView, StoryAnalysis, title_heads
from .names import _title_words as title_words
from .rules import any_cue, cue_pattern, cue_subject, inside_quote, setting_subject, subject_is_close, word_lists

MAX_GAP = 70          # characters between the cue and the person met
MAX_TITLE_WORDS = 8   # words of title between a cue and the person met
MAX_UNKNOWN_TITLE_WORDS = 2   # "European Community farm commissioner": words not in the title lexicon
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|whom)\s+\S+\s+$")
_POSSESSIVE_LEAD = re.compile(r"['\u2019]s?\s+(?:[a-z-]+\s+){0,2}$")
_HIS_HER = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+(?:[a-z-]+\s+){0,2}$")
# What may follow "A and B met": not an object ("met supporters", "are meeting with managers").
_PAIR_END = re.compile(r"\s*(?:[,.;:\-\u2013]|$)|\s+(?:in|at|on|for|to|as|today|yesterday|tomorrow|tonight|last|next|this|"
                       r"later|earlier|again|privately|briefly|separately|behind|over|during|after|before|and|but|"
                       r"when|while|here|there|several|twice|once|face|Monday|Tuesday|Wednesday|Thursday|"
                       r"Friday|Saturday|Sunday)\b")
_SETTING_LEAD = re.compile(r"\b(?:after|following|before|during|into|at|in)\s+(?:his|her|their)\s+(?:[a-z-]+\s+){0,2}$",
                           re.IGNORECASE)
_PLACE_LEAD = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,2}$")


def _title_gap(gap: str, loose: bool = False) -> bool:
    """Whether only a title stands between a cue and a person: "his Israeli counterpart, ",
    "farm commissioner " (a word or two of its own before a title's head)."""
    words = _ABBREVIATION.sub(" ", gap).replace(",", " ").split()
    if len(words) > MAX_TITLE_WORDS or any(c in gap for c in ';."\u201c'):
        return False
    titles = title_words()
    allowed = word_lists("meetings")["title_gap_words"]
    unknown = 0
    for word in words:
        bare = re.sub(r"['\u2019]s?$", "", word)
        if not (bare[:1].isupper() or bare.lower() in titles or bare.lower() in allowed or bare.endswith("ly")):
            unknown += 1
    return unknown == 0 or (loose and unknown <= MAX_UNKNOWN_TITLE_WORDS and words[-1].lower() in title_heads()
                            and "," not in gap and not set(w.lower() for w in words) & _CLAUSE_WORDS)


_CLAUSE_WORDS = frozenset("and or but who whom which where when that as while after before said says".split())


_ABBREVIATION = re.compile(r"\([A-Z][A-Za-z.]*\)")      # "Tokyo stock exchange (TSE) head"


def _people_after(view: SentenceView, position: int) -> list[Mention]:
    """The person right after the cue, with only a title between, and those listed with them."""
    text = view.text
    found: list[Mention] = []
    closed = 1                                # how many of `found` a final "and" has confirmed
    for mention in view.persons:
        if mention.start < position or mention.pronoun:
            continue
        if found and mention.start < found[-1].end:
            continue
        gap = text[found[-1].end if found else position:mention.start]
        if not found:
            if len(gap) > MAX_GAP or not _title_gap(gap, loose=True):
                return []
        else:
            joint = _listed(gap)
            if joint is None:
                break
        if mention.possessive:
            break                             # "met Gary Neville's cross": not a person met
        found.append(mention)
        if len(found) > 1 and joint == "and":
            closed = len(found)
    if found and _LIST_END.match(text, found[-1].end):
        closed = len(found)                   # "met A, B and other officials"
    return found[:closed]                     # "A, B" without "and C": B begins a new clause


_LIST_END = re.compile(r",?\s+and\s+(?:other|several|senior|top|some)\b")


_LIST_JOINT = re.compile(r"^(?:,\s+[^,;.\"]{1,60},)?\s*(?P<joint>,?\s+and|,)\s+(?P<title>.*)$", re.DOTALL)


def _listed(gap: str) -> str | None:
    """ "A, B and C", "A, the envoy, and German Chancellor B": how the next person of a list is
    joined to the one before ("," or "and"), or None when it is not."""
    joint = _LIST_JOINT.match(gap)
    if not joint or not _title_gap(joint.group("title")):
        return None
    return "and" if "and" in joint.group("joint") else ","


def _people_before(view: SentenceView, position: int) -> list[Mention]:
    """ "A and B met", "A and his French counterpart B met": the people listed before a verb."""
    text = view.text
    before = [m for m in view.persons if m.end <= position and not m.pronoun and not m.possessive]
    if len(before) < 2 or not subject_is_close(text, before[-1].end, position, max_words=4):
        return []
    group = [before[-1]]
    for mention in reversed(before[:-1]):
        joint = _listed(text[mention.end:group[0].start])
        if joint is None or (joint == "," and len(group) == 1):
            break                             # "A, B met" is not a list: only "A, B and C met"
        group.insert(0, mention)
    return group if len(group) >= 2 else []


def _subject_before(view: SentenceView, position: int) -> Mention | None:
    """Who does the meeting, when they stand close enough to the cue and in its own clause."""
    subject = cue_subject(view, position)
    if subject is None or not subject_is_close(view.text, subject.end, position):
        return None
    if _RELATIVE_BEFORE.search(view.text, max(0, subject.start - 30), subject.start):
        return None                       # "councillors who back Mr Flight met ...": not Flight
    return subject


def _nearest_subject(view: SentenceView, position: int) -> Mention | None:
    """ "... but the company says that Geis later met Hahn": the person right before the verb."""
    before = [m for m in view.persons if m.end <= position and not m.possessive]
    if before and subject_is_close(view.text, before[-1].end, position, max_words=2) and not _RELATIVE_BEFORE.search(
            view.text, max(0, before[-1].start - 30), before[-1].start):
        return before[-1]
    return None


def _shared_subject(text: str, last: tuple[Mention, int], position: int) -> Mention | None:
    """ "She met A and then had meetings with B": the second verb shares the first's subject."""
    subject, previous_end = last
    between = text[previous_end:position]
    at = between.rfind(" and ")
    if at < 0:
        return None
    return subject if subject_is_close(between, at + 4, len(between)) else None


def _possessor(view: SentenceView, position: int, previous: Mention | None) -> Mention | None:
    """ "Albright's talks with Tang": the possessor; "his talks with" the last sentence's subject."""
    before = view.text[:position]
    for mention in view.persons:
        if mention.possessive and _POSSESSIVE_LEAD.fullmatch(before[mention.end:]):
            return mention
    pronoun = _HIS_HER.search(before)
    if pronoun is None:
        return None
    earlier = [m for m in view.persons if m.end <= pronoun.start() and not m.possessive]
    return earlier[0] if earlier else previous


def _not_a_meeting(view: SentenceView, start: int, end: int) -> bool:
    """Games, calls, meetings only sought and meetings inside quotations are no meetings."""
    text = view.text
    if inside_quote(text, start):
        return True
    lexicon = word_lists("meetings")
    lead = set(re.findall(r"\b[a-z]+\b", text[max(0, start - 25):start])[-3:])
    if lead & lexicon["floated"]:
        return True                       # "worked to arrange a meeting between A and B"
    after = text[end:end + 60].lower()
    words = set(re.findall(r"[a-z-]+", after)) | set(re.findall(r"[a-z-]+", text[max(0, start - 30):start].lower()))
    return bool(words & lexicon["contests"]) or bool(words & lexicon["remote"])


def _place(view: SentenceView, start: int) -> str | None:
    """Where: a place after "in"/"at" after the cue, else one before it ("In Moscow, A met B")."""
    text = view.text
    after = [m for m in view.places if m.start >= start and _PLACE_LEAD.search(text, max(0, m.start - 30), m.start)]
    before = [m for m in view.places if m.start < start and _PLACE_LEAD.search(text, max(0, m.start - 30), m.start)]
    chosen = after[:1] or before[-1:]
    return chosen[0].name if chosen else None


_CUE_LISTS = ("meeting", "meeting_host", "meeting_setting", "meeting_participle", "meeting_noun", "meeting_pair",
              "meeting_between", "meeting_outcome")


def _groups(view: SentenceView, previous: Mention | None) -> list[tuple[list[Mention], int]]:
    """Each meeting in the sentence: its people and where its cue starts."""
    text = view.text
    groups: list[tuple[list[Mention], int]] = []
    if not any_cue(*_CUE_LISTS).search(text):
        return groups
    for cue in cue_pattern("meeting_pair").finditer(text):
        people = _people_before(view, cue.start())
        if people and _PAIR_END.match(text, cue.end()) and not _not_a_meeting(view, cue.start(), cue.end()):
            groups.append((people, cue.start()))
    met = bool(set(re.findall(r"[a-z]+", text.lower())) & word_lists("meetings")["meeting_words"])
    between = list(cue_pattern("meeting_between").finditer(text))
    if met:
        between += cue_pattern("meeting_outcome").finditer(text)
    for cue in between:
        people = _people_after(view, cue.end())
        if len(people) >= 2 and not _not_a_meeting(view, cue.start(), cue.end()):
            groups.append((people, cue.start()))
    settings = list(cue_pattern("meeting_setting").finditer(text)) + [
        cue for cue in cue_pattern("meeting_participle").finditer(text) if text[:cue.start()].endswith(", ")]
    for cue in settings:
        objects = _people_after(view, cue.end())
        subject = setting_subject(view, cue.start(), objects[-1].end, _title_gap) if objects else None
        if subject and objects and not _not_a_meeting(view, cue.start(), cue.end()):
            groups.append(([subject] + objects, cue.start()))
    for cue in cue_pattern("meeting_noun").finditer(text):
        if _SETTING_LEAD.search(text, max(0, cue.start() - 40), cue.start()):
            continue                          # "Before her meeting with X, Y said": a setting
        objects = _people_after(view, cue.end())
        subject = _possessor(view, cue.start(), previous) if objects else None
        if subject and not _not_a_meeting(view, cue.start(), cue.end()):
            groups.append(([subject] + objects, cue.start()))
    last: tuple[Mention, int] | None = None    # the previous cue's subject and end
    cues = sorted([(cue, False) for cue in cue_pattern("meeting").finditer(text)]
                  + [(cue, True) for cue in cue_pattern("meeting_host").finditer(text)], key=lambda c: c[0].start())
    for cue, host in cues:
        if (_not_a_meeting(view, cue.start(), cue.end()) or _PASSIVE.search(text, 0, cue.start())
                or _NEGATED.search(text, max(0, cue.start() - 20), cue.start())):
            continue
        subject = _subject_before(view, cue.start())
        if subject is None and last is not None:
            subject = _shared_subject(text, last, cue.start())
        if subject is None:
            subject = _nearest_subject(view, cue.start())
        if subject is not None:
            last = (subject, cue.end())
        objects = _people_after(view, cue.end())
        if host and objects and _ARTICLE.search(text, cue.end(), objects[0].start):
            continue                          # "received the Cecil B DeMille award"
        if subject and objects:
            groups.append(([subject] + objects, cue.start()))
    return groups


_NEGATED = re.compile(r"\b(?:not|never|n't)\s+(?:\w+ly\s+)?(?:been\s+)?$")
_ARTICLE = re.compile(r"\b(?:the|a|an)\b", re.IGNORECASE)


def extract(analysis: StoryAnalysis) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[frozenset[str]] = set()
    previous: Mention | None = None       # the last sentence's subject, for "his talks with"
    for view in analysis.views:
        subject = previous
        previous = view.subject_mention or previous
        if not view.persons or (len(view.persons) < 2 and subject is None):
            continue                      # a meeting needs two people, one perhaps from "his talks with"
        for group, start in _groups(view, subject):
            people = list(dict.fromkeys(m.name for m in group))
            key = frozenset(people)
            if len(people) < 2 or key in seen:
                continue
            seen.add(key)
            slots = {"people": people, "place": _place(view, start), "when": find_when(view, group[-1].end)}
            facts.append(analysis.fact("meeting", slots, view))
    return facts
