"""Quantity facts: a number, its unit as a plural noun, and what it counts.

Digits ("37,000", "3.2"), number words ("nine", "thirty-seven thousand"),
currencies ("$3.2 billion", "£5.5bn", "three billion dlrs"), percentages
("40%", "two pct") and hyphenated measures ("50-year", "66-nation"). Hedges
("some", "an estimated") are kept in their own slot. A number with no unit
noun after it (a year, a score, a page number) makes no fact.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import data_file
from ..models import Fact
from ..numbers import (DIGITS_PATTERN, NUMBER_WORD_PATTERN, NUMBER_WORD_PATTERN_WORDS, parse_number,
                       plain, scale_value)
from .names import StoryAnalysis, places
from .rules import trim_words

WHAT_WORDS = 8
MAX_NUMBERS_PER_SENTENCE = 6     # more than this reads as a table, not prose
MIN_SENTENCE_WORDS = 4           # "Nine mths": a table heading, not a sentence
# Where the counted thing's phrase ends: "37,000 U.S. troops in South Korea | as a barrier".
_CLAUSE_END = re.compile(r",\s|[;:()]|\s--?\s|\s(?:and|or|but|which|who|that|to|as|while|after|before|"
                         r"because|have|has|had|is|are|was|were|will|would|could|said|says)\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z.'\-]*")


@lru_cache(maxsize=1)
def _tables() -> dict:
    table = data_file("numbers")
    hedges = "|".join(sorted((re.escape(h) for h in table["hedges"]), key=len, reverse=True))
    signs = "|".join(re.escape(s) for s in sorted(table["currency_signs"], key=len, reverse=True))
    percent = "|".join(sorted(table["percent"], key=len, reverse=True))
    measures = "|".join(sorted(table["measures"], key=len, reverse=True))
    number = rf"(?:{DIGITS_PATTERN}|\b{NUMBER_WORD_PATTERN})"
    pattern = re.compile(
        rf"(?P<sign>{signs})?\s?(?<![\w.,/:\-])(?P<num>{number})(?![\w,]*\d)"
        rf"(?:\s?[-\u2013]\s?(?P<num2>{DIGITS_PATTERN})\b)?"
        rf"(?:(?:\s(?P<scale>hundred|thousand|million|billion|trillion|mln|bln)\b)"
        rf"|(?P<short>m|bn|tn|k)\b)?"
        rf"(?:\s?(?P<percent>%|\b(?:{percent})\b))?"
        rf"(?:-(?P<measure>{measures})s?(?:-old)?\b)?", re.IGNORECASE)
    # Where a number may start: a currency sign, a digit or a number word. Scanning
    # for these first and matching the full pattern only there keeps extraction fast.
    words = sorted(NUMBER_WORD_PATTERN_WORDS, key=len, reverse=True)
    alternatives = "|".join(words + [w.capitalize() for w in words])
    hint = re.compile(rf"(?:{signs})|\d[\d,.]*|(?=[{''.join(sorted({w[0] + w[0].upper() for w in words}))}])\b(?:{alternatives})\b")
    return {
        "pattern": pattern,
        "hint": hint,
        "hedge": re.compile(rf"\b(?P<hedge>{hedges})\s+$", re.IGNORECASE),
        "signs": table["currency_signs"],
        "currency": {k.lower(): v for k, v in table["currency_words"].items()},
        "irregular": frozenset(table["irregular_plurals"]),
        "not_units": frozenset(table["not_units"]),
        "months": frozenset(data_file("dates")["months"]),
    }


def _plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word == "man":
        return "men"
    return word + "s"


def _is_plural_noun(word: str, tables: dict) -> bool:
    lower = word.lower()
    if lower in tables["irregular"]:
        return True
    return (len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))
            and word.islower() and lower not in tables["not_units"])


def _unit_after(text: str, position: int, tables: dict) -> tuple[str, int] | None:
    """The plural noun a number counts: next word, or after up to two modifiers."""
    words = list(_WORD.finditer(text, position, min(len(text), position + 70)))
    table = places()
    for index, match in enumerate(words[:4]):
        gap = text[position if index == 0 else words[index - 1].end():match.start()]
        if any(c in gap for c in ",;:()\"") or (index == 0 and gap.strip()):
            return None
        word = match.group().rstrip(".")
        lower = word.lower()
        if lower in tables["currency"]:
            return tables["currency"][lower], match.end()
        if _is_plural_noun(word, tables):
            return lower, match.end()
        if lower in tables["not_units"] or word in tables["months"]:
            return None
        if not (word in table.demonyms or word in table.names or word.islower() or word.isupper()):
            return None
    return None


def extract(analysis: StoryAnalysis) -> list[Fact]:
    tables = _tables()
    pattern, hint = tables["pattern"], tables["hint"]
    facts: list[Fact] = []
    for view in analysis.views:
        text = view.text
        matches: list[re.Match[str]] = []
        covered = 0
        for found in hint.finditer(text):
            if found.start() < covered:
                continue
            match = pattern.match(text, found.start())
            if match and match.group("num"):
                matches.append(match)
                covered = match.end()
        if (not matches or len(matches) > MAX_NUMBERS_PER_SENTENCE or " vs " in text
                or len(text.split()) < MIN_SENTENCE_WORDS):
            continue
        for match in matches:
            facts.extend(_quantity(analysis, view, match, tables))
    return facts


def _hedge(text: str, start: int, tables: dict) -> str | None:
    """"some", "about", "an estimated" right before the number."""
    found = tables["hedge"].search(text, max(0, start - 20), start)
    return found.group("hedge").lower() if found else None


def _quantity(analysis: StoryAnalysis, view, match: re.Match[str], tables: dict) -> list[Fact]:
    text = view.text
    number = match.group("num")
    value = parse_number(number)
    if value is None:
        return []
    before = text[:match.start()].rstrip()
    last_word = before.rsplit(" ", 1)[-1] if before else ""
    if last_word.rstrip(".") in tables["months"] or last_word in ("No", "No.", "Nos"):
        return []
    scale = match.group("scale") or match.group("short")
    if scale:
        value *= scale_value(scale) or 1
    second = parse_number(match.group("num2") or "")
    unit: str | None = None
    end = match.end()
    if match.group("measure"):
        unit = _plural(match.group("measure").lower())
    elif match.group("percent"):
        unit = "percent"
    elif match.group("sign"):
        unit = tables["signs"][match.group("sign")]
        found = _unit_after(text, end, tables)
        if found and found[0] in tables["currency"].values():
            end = found[1]
    else:
        if match.group("short") and match.group("short").lower() != "k":
            pass                                        # "789m euros": the unit comes next
        if last_word.lower() == "the" or number.lower() in ("one", "a dozen") and not scale:
            return []                                   # "the two sides": a reference, not a count
        found = _unit_after(text, end, tables)
        if found is None:
            return []
        unit, end = found
    if value == 1 and unit not in ("percent",) and not scale:
        return []
    if not scale and not match.group("sign") and unit != "percent" and re.fullmatch(r"1[89]\d\d|20\d\d", number):
        return []                                       # a year, not a count
    clause = _CLAUSE_END.split(text[match.start():], maxsplit=1)[0]
    slots = {"value": plain(value), "unit": unit, "what": trim_words(clause, WHAT_WORDS).rstrip("."),
             "hedge": _hedge(text, match.start(), tables),
             "text": match.group(0).strip()}
    facts = [analysis.fact("quantity", slots, view)]
    if second is not None and second > value and not scale:
        facts.append(analysis.fact("quantity", {**slots, "value": plain(second)}, view,
                                   confidence=0.5))
    return facts
