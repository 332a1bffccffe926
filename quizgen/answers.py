"""What counts as the same answer: shared by question generation and the self-test.

Generation uses it to list accepted answers and to keep aliases of the answer
out of the distractors; the self-test uses it to check what a student typed.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from .lexicon import data_file
from .numbers import number_words, parse_number, scale_value

ARTICLES = {"a", "an", "the"}
# Plain patterns (no Python-only syntax but named groups): export/answer_check.js uses them too.
HEDGE_PATTERN = r"^(?:some|about|around|roughly|nearly|almost|over|more than|less than|an estimated|up to)\s+"
NUMBER_TEXT_PATTERN = r"^(?P<prefix>[$£€]?)\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>[a-zA-Z]+)?"
# How normalize() reads text, as patterns answer_check.js applies the same way (in this order).
DOT_NOT_BEFORE_DIGIT = r"\.(?![0-9])"                  # "U.S." -> "US"; a decimal point stays
DOT_AFTER_NON_DIGIT = r"(^|[^0-9])\.(?=[0-9])"         # ".5" -> "5"
MINUS_BEFORE_DIGIT = r"(^|[^a-z0-9])-(?=[0-9])"         # "-5" -> "minus 5"; "2-3" stays a range
TOKEN = r"[a-z0-9%$£€+#.]+"
NOT_A_NUMBER_AFTER = r"^[:./][0-9]"                     # "10:30", "1.2.3", "3/4" are not numbers
_HEDGE = re.compile(HEDGE_PATTERN)
_NUMBER_TEXT = re.compile(NUMBER_TEXT_PATTERN)
_DOT_NOT_BEFORE_DIGIT = re.compile(DOT_NOT_BEFORE_DIGIT)
_DOT_AFTER_NON_DIGIT = re.compile(DOT_AFTER_NON_DIGIT)
_MINUS_BEFORE_DIGIT = re.compile(MINUS_BEFORE_DIGIT)
_TOKEN = re.compile(TOKEN)
_NOT_A_NUMBER_AFTER = re.compile(NOT_A_NUMBER_AFTER)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, no accents, punctuation, articles or extra spaces: 'The U.S.' -> 'us'.
    What tells answers apart stays: '3.2' is not '32', '-5' is not '5', 'C++' is not 'C'."""
    text = str(text)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.lower()
    text = text.replace("\u2019", "'").replace("'s ", " ")
    text = _DOT_AFTER_NON_DIGIT.sub(r"\1", _DOT_NOT_BEFORE_DIGIT.sub("", text))
    text = _MINUS_BEFORE_DIGIT.sub(r"\1 minus ", text)
    return " ".join(w for w in _TOKEN.findall(text) if w not in ARTICLES)


_SURNAME_PARTICLES = frozenset("le la de van von der den du da di del des dos".split())


@lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """The family name: the last word, or the first for a name written family name first
    ("Kim Il-sung", "Chun Doo Hwan", "Zhu Rongji")."""
    words = name.split()
    if len(words) < 2:
        return ""
    if words[-2].lower() in _SURNAME_PARTICLES:
        return "" if len(words) == 2 else " ".join(words[-2:])     # "Simon Le Bon": "Le Bon", never "Bon"
    if len(words) == 3 and family_name_first(words[1:]):
        return words[1]             # "Yolanda Yu Hoi-kwan": an English given name before a Hong Kong name
    return words[0] if family_name_first(words) else words[-1]


@lru_cache(maxsize=1)
def _family_names() -> tuple[frozenset[str], frozenset[str]]:
    table = data_file("questions/family_names")
    return frozenset(map(str, table["always"])), frozenset(map(str, table["given_hyphen_or_three"]))


def family_name_first(words: list[str]) -> bool:
    """East Asian usage: the family name opens the name."""
    always, marked = _family_names()
    if len(words) not in (2, 3) or not all(w[:1].isupper() for w in words):
        return False
    given = words[1:]
    shaped = (len(given) == 1 and "-" in given[0] and given[0].split("-")[1][:1].islower()) or len(given) == 2
    return words[0] in always or (words[0] in marked and shaped)


def number_value(text: str) -> float | None:
    """'$3.2 billion' -> 3.2e9, '37,000' -> 37000, 'thirty-seven thousand' -> 37000, '50-year' -> 50."""
    text = _HEDGE.sub("", str(text).strip().lower())
    match = _NUMBER_TEXT.match(text)
    if match and _NOT_A_NUMBER_AFTER.match(text[match.end():]):
        return None
    if match:
        value = float(match.group("number").replace(",", ""))
        scale = scale_value(match.group("scale") or "")
        value = value * scale if scale else value
        return value if math.isfinite(value) else None
    words = re.split(r"[\s-]+", text)
    total, current = 0.0, 0.0
    consumed = False
    for word in words:
        if word == "and":
            continue
        small = parse_number(word)
        scale = scale_value(word)
        if small is not None and small < 1000:
            current += small
            consumed = True
        elif word == "hundred":
            current = (current or 1) * 100
        elif scale:
            total += (current or 1) * scale
            current = 0.0
            consumed = True
        else:
            return None
    return total + current if consumed else None


def place_aliases(place: str) -> set[str]:
    """Other names of the same country ('U.S.' -> United States, America, ...)."""
    from .extract.names import places     # here: importing the extractors costs every export 0.1 s
    table = places()
    country = table.names.get(place) or table.country_of.get(place)
    if not country or country != table.names.get(place):
        return set()
    return {name for name, canonical in table.names.items() if canonical == country}


_COMPOUND = re.compile(r"^([\d.,]+)-[a-z]+$")
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
_POINT_ZERO = re.compile(r"\b(\d+)\.0+\b")
_PERCENT = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)
_RANGE = re.compile(r"\d\s*(?:-|\u2013|to)\s*\$?\d")      # "20-25%": its first figure alone is not the answer


_RELATIVE_TIME = re.compile(r"(?:(?i:last|next|this|early|late|mid-?)\s*)?(?P<bare>[A-Z][a-z]+|\d{4})"
                            r"(?:\s+(?i:this|last|next) year)?")       # a month, a weekday or a year


def accepted_forms(answer: str, kind: str) -> list[str]:
    """Other answers a fair teacher would accept, for graders and the self-test."""
    forms: list[str] = []
    if kind == "person" and surname(answer):
        forms.append(surname(answer))
    elif kind == "number":
        forms.append(_POINT_ZERO.sub(r"\1", answer))       # "600.0 million": "600 million"
        compound = _COMPOUND.match(answer)
        if compound:
            forms.append(compound.group(1))                # "5.3-magnitude": "5.3"
        value = None if _RANGE.search(answer) else number_value(answer)
        if value is None and _PERCENT.search(answer) and not _RANGE.search(answer):
            value = number_value(_PERCENT.sub("", answer).strip())
        if value is not None and _PERCENT.search(answer):
            forms += [f"{value:g}%", f"{value:g} per cent", f"{value:g}"]    # "five per cent": "5%", "24.4%": "24.4"
        if value is not None and float(value).is_integer():
            whole = int(value)
            forms += [str(whole), f"{whole:,}", number_words(whole)]
    elif kind == "place":
        forms += sorted(place_aliases(answer))
    elif kind == "when" and answer.split()[-1:] and answer.split()[-1].lower() in _PARTS_OF_DAY and len(answer.split()) > 1:
        forms.append(answer.rsplit(" ", 1)[0])             # "Sunday evening": "Sunday" is right too
    elif kind == "when" and len(answer.split()) > 1 and answer.split()[1][:1].isalnum() and \
            answer.split()[0].rstrip(",") in data_file("dates")["weekdays"]:
        forms.append(answer.split(None, 1)[1])             # "Wednesday March 18": "March 18" is right too
    elif kind == "when" and _RELATIVE_TIME.fullmatch(answer) and len(answer.split()) > 1:
        forms.append(_RELATIVE_TIME.fullmatch(answer).group("bare"))    # "last October": "October" too
    elif kind == "polarity":
        forms += {"support": ["supports", "for", "in favour"], "oppose": ["opposes", "against"]}.get(answer, [])
    seen = {normalize(answer)}
    unique = []
    for form in forms:
        if normalize(form) not in seen:
            seen.add(normalize(form))
            unique.append(form)
    return unique


def same_answer(a: str, b: str, kind: str) -> bool:
    """True when b is the answer a, an alias of it, or a spelling of the same thing."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb or na == nb:
        return True
    if kind == "person":
        return surname(a).lower() == surname(b).lower() or na in nb or nb in na
    if kind == "number":
        if _RANGE.search(a) or _RANGE.search(b):
            return False
        va, vb = number_value(a), number_value(b)
        return va is not None and va == vb
    if kind == "place":
        return b in place_aliases(a) or a in place_aliases(b)
    if kind in ("position", "when"):
        return na in nb or nb in na       # "this year" is also true of "earlier this year"
    return False


def find_span(sentence: str, value: str) -> int:
    """Where `value` stands as whole words in the sentence, or -1."""
    if not value:
        return -1
    index = sentence.find(value)
    while index >= 0:
        before = sentence[index - 1] if index else " "
        after = sentence[index + len(value):index + len(value) + 1] or " "
        if not (before.isalnum() or before in "_$£€") and not (after.isalnum() or after == "_"):
            return index
        index = sentence.find(value, index + 1)
    return -1
