"""What counts as the same answer: shared by question generation and the self-test.

Generation uses it to list accepted answers and to keep aliases of the answer
out of the distractors; the self-test uses it to check what a student typed.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from .extract.names import places
from .numbers import number_words, parse_number, scale_value

ARTICLES = {"a", "an", "the"}
# Plain patterns (no Python-only syntax but named groups): export/answer_check.js uses them too.
HEDGE_PATTERN = r"^(?:some|about|around|roughly|nearly|almost|over|more than|less than|an estimated|up to)\s+"
NUMBER_TEXT_PATTERN = r"^(?P<prefix>[$£€]?)\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>[a-zA-Z]+)?"
_HEDGE = re.compile(HEDGE_PATTERN)
_NUMBER_TEXT = re.compile(NUMBER_TEXT_PATTERN)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, no accents, punctuation, articles or extra spaces: 'The U.S.' -> 'us'."""
    text = str(text)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.lower()
    text = text.replace("\u2019", "'").replace("'s ", " ").replace(".", "")
    words = re.findall(r"[a-z0-9%$£€]+", text)
    return " ".join(w for w in words if w not in ARTICLES)


def surname(name: str) -> str:
    words = name.split()
    return words[-1] if len(words) > 1 else ""


def number_value(text: str) -> float | None:
    """'$3.2 billion' -> 3.2e9, '37,000' -> 37000, 'thirty-seven thousand' -> 37000, '50-year' -> 50."""
    text = _HEDGE.sub("", str(text).strip().lower())
    match = _NUMBER_TEXT.match(text)
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
    table = places()
    country = table.names.get(place) or table.country_of.get(place)
    if not country or country != table.names.get(place):
        return set()
    return {name for name, canonical in table.names.items() if canonical == country}


def accepted_forms(answer: str, kind: str) -> list[str]:
    """Other answers a fair teacher would accept, for graders and the self-test."""
    forms: list[str] = []
    if kind == "person" and surname(answer):
        forms.append(surname(answer))
    elif kind == "number":
        value = number_value(answer)
        if value is not None and float(value).is_integer():
            whole = int(value)
            forms += [str(whole), f"{whole:,}", number_words(whole)]
    elif kind == "place":
        forms += sorted(place_aliases(answer))
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
        va, vb = number_value(a), number_value(b)
        return va is not None and va == vb
    if kind == "place":
        return b in place_aliases(a) or a in place_aliases(b)
    if kind in ("position", "when"):
        return na in nb or nb in na       # "this year" is also true of "earlier this year"
    return False
