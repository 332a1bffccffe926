"""The quality gate: drop questions a teacher would strike out, score the rest.

Dropped: the answer is given away in the stem, the answer is a bare pronoun,
the stem is longer than a reader can hold, it asks about the news agency's
reporting, it points back into the story ("this prorogation"), a question on
a date or a number names nothing ("When did official figures show?"), it
repeats another question, it asks what the story answers twice over ("How much
did Rainier earn?" of a quarter and of a year), or it prints a word the story
typed twice ("a a").
"""
from __future__ import annotations

import re

from ..answers import normalize
from ..extract.names import places
from ..models import Question
from .clauses import word_classes
from .standalone import about_the_reporting, points_back

PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we", "i", "you"}
MAX_STEM_WORDS = 70
LONG_STEM_WORDS = 40
CLOZES_PER_SENTENCE = 2
MAX_STEM_FIGURES = 2
_FIGURE = re.compile(r"(?<![\w.,])\d[\d,.]*(?![\w])")
_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+[\"“‘']?\1\b")      # same case: not "law lord Lord Bingham"
# Words a story may rightly write twice ("had had", "really really", "waiting for for years").
_TWICE_ON_PURPOSE = frozenset("had that very really bye now no so well far many more much again long round over "
                              "out through by for is".split())


def _typed_twice(text: str) -> bool:
    """ "a a", "will will", "chairman chairman", "British British": a slip the story made; not "Bafana Bafana"
    or "Please Please Me", names that say a word twice."""
    for found in _DOUBLED.finditer(text):
        word = found.group(1)
        if word.lower() in _TWICE_ON_PURPOSE or word[:1].isupper() and word not in places().demonyms:
            continue
        return True
    return False   # not "waiting for for years"


def apply_quality_gate(questions: list[Question], min_score: float = 0.0) -> list[Question]:
    kept: list[Question] = []
    seen: set[tuple[str, ...]] = set()
    answers: dict[str, set[str]] = {}
    for question in questions:
        if question.type in ("short", "mcq") and question.fact.get("type") in ("date", "quantity"):
            answers.setdefault(normalize(question.prompt), set()).add(normalize(question.answer))
    asked_twice = {prompt for prompt, found in answers.items() if len(found) > 1}   # "How much did X earn?"
    blanks: dict[str, list[str]] = {}       # source sentence -> answers already blanked in it
    for question in questions:
        if _rejected(question) or question.type in ("short", "mcq") and normalize(question.prompt) in asked_twice \
                and question.fact.get("type") in ("date", "quantity"):
            continue                        # one stem the story answers with two figures: which, it cannot say
        if "_____" in question.prompt:
            answer = normalize(question.answer)
            taken = blanks.setdefault(question.source, [])
            if any(answer in other or other in answer for other in taken) or len(taken) >= CLOZES_PER_SENTENCE:
                continue                    # the same gap again, or one sentence asked over and over
            taken.append(answer)
        key = (question.type, normalize(question.prompt), normalize(question.answer))
        asks = ("ask", normalize(question.prompt)) if question.type in ("short", "mcq") else key
        if key in seen or asks in seen:
            continue
        seen.update({key, asks})
        question.score = round(_score(question), 3)
        if question.score >= min_score:
            kept.append(question)
    return kept


def _rejected(question: Question) -> bool:
    answer = normalize(question.answer)
    if not answer or answer in PRONOUNS or not question.prompt.strip():
        return True
    if len(question.prompt.split()) > MAX_STEM_WORDS or about_the_reporting(question.prompt) or \
            points_back(question.prompt):
        return True
    if question.type in ("short", "mcq", "cloze") and question.fact.get("type") != "stance" and _given_away(question):
        return True
    if question.type in ("short", "mcq") and question.fact.get("type") in ("date", "quantity") and \
            not any(w[:1].isupper() or any(c.isdigit() for c in w) for w in question.prompt.split()[1:]):
        return True             # "When will the full programme be announced?": of what, it names nothing
    if question.type in ("short", "mcq") and _ends_on_an_adjective(question.prompt):
        return True             # "... gave Scotland victory in a dour?": the noun was cut off
    if question.type == "mcq" and len({normalize(c) for c in question.choices}) != len(question.choices):
        return True
    if _typed_twice(question.prompt) or _typed_twice(question.answer):
        return True             # "This is a a bona-fide crisis": the story's typo, printed
    if question.type in ("short", "mcq") and len(_FIGURE.findall(question.prompt)) > MAX_STEM_FIGURES:
        return True             # "... rise to 4,573,200 from 3,192,700 and 34.3 percent to 41.6 million ...": which?
    return False


def _ends_on_an_adjective(prompt: str) -> bool:
    """An article and an adjective with no noun after them end the question ("in a dour?"); a
    predicate may end on one ("When will the phone be available?")."""
    last = prompt.rstrip("?").split()[-2:] if prompt.endswith("?") else []
    return len(last) == 2 and last[0].lower() in ("a", "an", "the") and last[1].isalpha() and \
        set(word_classes(last[1])) == {"ADJ"}


def _given_away(question: Question) -> bool:
    """The answer (or, for a person, their surname) stands in the stem."""
    stem = f" {normalize(question.prompt)} "
    forms = [question.answer] + ([question.accepted[0]] if question.accepted and
                                  question.fact.get("type") in ("role", "meeting", "quote", "visit")
                                  and len(question.accepted[0].split()) == 1 else [])
    return any(f" {normalize(form)} " in stem for form in forms if normalize(form))


def _score(question: Question) -> float:
    score = question.score
    words = len(question.prompt.split())
    if words > LONG_STEM_WORDS:
        score -= 0.2
    if question.type == "short" and question.fact.get("type") in ("quantity", "date"):
        score -= 0.1        # fell back from multiple choice: fewer good distractors
    return max(0.0, min(1.0, score))
