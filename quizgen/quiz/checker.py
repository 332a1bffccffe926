"""Answer checking a fair teacher would accept.

Case, punctuation, articles and spacing never matter; a person's surname, a
number in digits, with commas or in words, and the bank's accepted answers all
count; one typo (two in long answers) is forgiven. An answer that is another
choice of a multiple-choice question is never accepted.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..answers import normalize, number_value
from ..numbers import number_words
from ..models import Question

LETTERS = "ABCDEFGH"
TRUE_WORDS = {"t", "true", "yes", "y"}
FALSE_WORDS = {"f", "false", "no", "n"}


@dataclass
class Verdict:
    correct: bool
    typo: bool = False          # right, but with a small spelling slip


def check(question: Question, typed: str) -> Verdict:
    typed = typed.strip()
    if question.type == "mcq":
        return _check_choice(question, typed)
    if question.type == "truefalse":
        word = normalize(typed)
        said = True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
        return Verdict(said is not None and said == (question.answer.strip().lower() == "true"))
    return check_text(typed, [question.answer, *question.accepted])


def _check_choice(question: Question, typed: str) -> Verdict:
    named = [c for c in question.choices if c.strip().lower() == typed.strip().lower()]
    if named:           # a choice typed out in full, even a one-letter choice, means that choice
        return Verdict(question.answer in named)
    letter = typed.strip().rstrip(").").upper()
    if len(letter) == 1 and letter in LETTERS[:len(question.choices)]:
        return Verdict(question.choices[LETTERS.index(letter)] == question.answer)
    others = [c for c in question.choices if c != question.answer]
    if any(normalize(typed) == normalize(other) for other in others):
        return Verdict(False)
    verdict = check_text(typed, [question.answer, *question.accepted])
    if verdict.typo and any(_close(normalize(typed), normalize(other)) for other in others):
        return Verdict(False)   # as close to a wrong choice as to the right one: not a typo
    return verdict


def check_text(typed: str, answers: list[str]) -> Verdict:
    if typed.strip().lower() in {answer.strip().lower() for answer in answers}:
        return Verdict(True)        # the answer as written, even one of punctuation only ("%")
    said = normalize(typed)
    if not said:
        return Verdict(False)
    forms = [normalize(a) for a in answers if normalize(a)]
    if said in forms:
        return Verdict(True)
    value = number_value(typed)
    if value is not None:
        return Verdict(any(number_value(a) == value for a in answers))
    if any(_close(said, form) for form in forms if number_value(form) is None):
        return Verdict(True, typo=True)
    return Verdict(False)


def _close(said: str, form: str) -> bool:
    allowed = typo_allowance(form)
    return allowed > 0 and Levenshtein.distance(said, form, score_cutoff=allowed) <= allowed


def typo_allowance(form: str) -> int:
    """One slip in answers of 5+ letters, two in answers of 10+."""
    return 2 if len(form) >= 10 else 1 if len(form) >= 5 else 0


def portable_key(question: Question) -> dict:
    """Everything a browser or an Anki card needs to mark a typed answer by these same rules.

    The rules that need Python (surnames, aliases, number words, accepted answers) are
    applied here, once; `export/answer_check.js` only normalises what was typed, reads
    digits, and allows the same typos, so the page and the terminal agree.
    """
    answers = [question.answer, *question.accepted]
    forms: dict[str, int] = {}
    for answer in answers:
        form = normalize(answer)
        if form and form not in forms:
            forms[form] = 0 if number_value(form) is not None else typo_allowance(form)
    values = sorted({value for answer in answers if (value := number_value(answer)) is not None})
    for value in values:        # number words are read in Python only: send their usual spelling
        if value.is_integer() and abs(value) < 10 ** 15:
            forms.setdefault(normalize(number_words(int(value))), 0)
    exact = sorted({answer.strip().lower() for answer in answers})
    return {"exact": exact, "forms": [[form, allowed] for form, allowed in forms.items()], "values": values}


def portable_rules() -> dict:
    """The words and patterns answer_check.js reads: the very ones the Python checker uses."""
    from ..answers import ARTICLES, HEDGE_PATTERN, NUMBER_TEXT_PATTERN
    from ..numbers import scale_table

    def for_javascript(pattern: str) -> str:
        return pattern.replace("(?P<", "(?<")

    return {"articles": sorted(ARTICLES), "hedge": for_javascript(HEDGE_PATTERN),
            "number": for_javascript(NUMBER_TEXT_PATTERN), "scales": scale_table()}
