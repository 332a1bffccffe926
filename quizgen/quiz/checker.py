"""Answer checking a fair teacher would accept.

Case, punctuation, articles and spacing never matter; a person's surname, a
number in digits, with commas or in words, and the bank's accepted answers all
count; one typo (two in long answers) is forgiven. An answer that is another
choice of a multiple-choice question is never accepted.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import OSA

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


MOST_SLIPS = 2


def _close(said: str, form: str) -> bool:
    """A slip of the keyboard, word by word: one in a word of 5+ letters, two in one of 10+,
    none in a short word or a number (Kim Jong-un is not Kim Jong-il), two in all; a swap
    of two letters is one slip."""
    typed_words, words = said.split(), form.split()
    if len(typed_words) != len(words):
        return False
    slips = 0
    for typed_word, word in zip(typed_words, words):
        if typed_word == word:
            continue
        allowed = typo_allowance(word)
        distance = OSA.distance(typed_word, word, score_cutoff=allowed) if allowed else 1
        if distance > allowed:
            return False
        slips += distance
    return 0 < slips <= MOST_SLIPS


def typo_allowance(word: str) -> int:
    """Slips forgiven in one word: one at 5+ letters, two at 10+, none in words with digits."""
    if any(c.isdigit() for c in word):
        return 0
    return 2 if len(word) >= 10 else 1 if len(word) >= 5 else 0


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
            forms[form] = 0 if number_value(form) is not None else 1      # 1: slips are forgiven
    values = sorted({value for answer in answers if (value := number_value(answer)) is not None})
    for value in values:        # number words are read in Python only: send their usual spelling
        if value.is_integer() and abs(value) < 10 ** 15:
            forms.setdefault(normalize(number_words(int(value))), 0)
    exact = sorted({answer.strip().lower() for answer in answers})
    return {"exact": exact, "forms": [[form, allowed] for form, allowed in forms.items()], "values": values}


def portable_rules() -> dict:
    """The words and patterns answer_check.js reads: the very ones the Python checker uses."""
    from .. import answers
    from ..numbers import scale_table

    def for_javascript(pattern: str) -> str:
        return pattern.replace("(?P<", "(?<")

    patterns = ("HEDGE_PATTERN", "NUMBER_TEXT_PATTERN", "DOT_NOT_BEFORE_DIGIT", "DOT_AFTER_NON_DIGIT",
                "MINUS_BEFORE_DIGIT", "TOKEN", "NOT_A_NUMBER_AFTER")
    return {"articles": sorted(answers.ARTICLES), "scales": scale_table(), "most_slips": MOST_SLIPS,
            **{name.lower(): for_javascript(getattr(answers, name)) for name in patterns}}
