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
from itertools import islice

from ..lexicon import data_file
from ..models import Fact
from ..numbers import (DIGITS_PATTERN, NUMBER_WORD_PATTERN, NUMBER_WORD_PATTERN_WORDS, parse_number,
                       plain, scale_value)
from .names import StoryAnalysis, places
from .quotes import quoted_spans
from .rules import first_letter_alternation, trim_words

WHAT_WORDS = 8
MAX_NUMBERS_PER_SENTENCE = 6     # more than this reads as a table, not prose
MIN_SENTENCE_WORDS = 4           # "Nine mths": a table heading, not a sentence
# Where the counted thing's phrase ends: "37,000 U.S. troops in South Korea | as a barrier".
_CLAUSE_END = re.compile(r",\s|[;:()]|\s--?\s|\s(?:and|or|but|which|who|that|to|as|while|after|before|"
                         r"because|have|has|had|is|are|was|were|will|would|could|said|says)\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z.'\-/]*")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")                 # "MEPs", "SDRs"
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:[\d,.]+\s+)?")
_RANGE_LINK = re.compile(r"\s+(?:and|to|or)\s+")
_REFERENCES = frozenset("two three".split())               # "the two sides", "the three men"
_GAP_BREAKS = frozenset(",;:()\"")                          # punctuation no number reaches its unit across


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
        # a measure ("50-year"), or a compound ("60-employee") but never after a percent ("46%-owned")
        rf"(?:-(?P<measure>{measures})s?(?:-old)?\b|(?(percent)(?!)|-(?P<compound>[a-z]{{3,15}})\b(?!-)))?",
        re.IGNORECASE)
    # Where a number may start: a currency sign, a digit or a number word. Scanning
    # for these first and matching the full pattern only there keeps extraction fast.
    # One lookahead on every first character lets the engine skip other positions at C speed.
    letters, words = first_letter_alternation(
        [*NUMBER_WORD_PATTERN_WORDS, *(w.capitalize() for w in NUMBER_WORD_PATTERN_WORDS)])
    firsts = letters + re.escape("".join(sorted({s[0] for s in table["currency_signs"]})))
    hint = re.compile(rf"(?=[\d{firsts}])(?:(?:{signs})|\d[\d,.]*|\b(?:{words})\b)")
    return {
        "pattern": pattern,
        "hint": hint,
        "hedge": re.compile(rf"\b(?P<hedge>{hedges})\s+$", re.IGNORECASE),
        "signs": table["currency_signs"],
        "currency": {k.lower(): v for k, v in table["currency_words"].items()},
        "irregular": frozenset(table["irregular_plurals"]),
        "not_units": frozenset(table["not_units"]),
        "months": frozenset(data_file("dates")["months"]),
        "abbreviations": {k.lower(): v for k, v in table["unit_abbreviations"].items()},
        "peoples": frozenset(table["nationality_nouns"]) | places().demonyms,
        "not_measures": frozenset(table["not_measures"]),
        "rank_words": frozenset(table["rank_words"]),
        "ratio_before": re.compile(rf"(?:^|\s){number}\s+(?:in|out\s+of)$", re.IGNORECASE),
        "set_phrase": re.compile("|".join(re.escape(p) for p in table["set_phrases"]) + r"\b", re.IGNORECASE),
        "spaced_measure": re.compile(rf"\s({measures})\s+(?!ago\b|old\b|of\b|and\b|or\b|to\b)[a-z]"),
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
    """ "troops", "people", and capitalised counts of people or bodies: "MEPs", "Britons", "Americans"."""
    lower = word.lower()
    if lower in tables["irregular"]:
        return True
    if word[:1].isupper():
        return bool(_ACRONYM_PLURAL.fullmatch(word)) or (word.endswith("s") and word[:-1] in tables["peoples"])
    return (len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))
            and word.islower() and lower not in tables["not_units"])


def _unit_after(text: str, position: int, tables: dict) -> tuple[str, int] | None:
    """The plural noun a number counts: next word, or after up to three modifiers ("four sitting Fed Board members")."""
    previous_end = position
    titled = False                      # a capitalised word came between the number and this one
    # Only the first five words are read: islice stops the scan there, not at 70 characters.
    for index, match in enumerate(islice(_WORD.finditer(text, position, min(len(text), position + 70)), 5)):
        gap = text[previous_end:match.start()]
        previous_end = match.end()
        if not _GAP_BREAKS.isdisjoint(gap) or (index == 0 and gap.strip()):
            return None
        word = match.group().rstrip(".")
        lower = word.lower()
        if lower in tables["currency"]:
            return tables["currency"][lower], match.end()
        if lower in tables["abbreviations"]:
            return tables["abbreviations"][lower], match.end()
        if _is_plural_noun(word, tables):
            if titled and word[:1].isupper() and not word[:-1].isupper() and word not in tables["peoples"]:
                return None                             # "24 Hour Party People": a title; not "34 Labour MPs"
            return (word if word[:1].isupper() else lower), match.end()
        titled = titled or word[:1].isupper()
        if lower in tables["not_units"] or word in tables["months"] or not word[:1].isalpha():
            return None
    return None


def _partitive_unit(text: str, position: int, tables: dict) -> tuple[str, int] | None:
    """ "111 of the appointed bodies", "19 of its 29 developing members"."""
    match = _PARTITIVE.match(text, position)
    return _unit_after(text, match.end(), tables) if match else None


def extract(analysis: StoryAnalysis) -> list[Fact]:
    tables = _tables()
    pattern, hint = tables["pattern"], tables["hint"]
    quoted = quoted_spans(analysis)
    counted: set[float] = set()                       # values the story has counted so far
    facts: list[Fact] = []
    for index, view in enumerate(analysis.views):
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
        spans = quoted.get(index, [])
        previous: str | None = None                   # the unit of the sentence's last quantity
        for position, match in enumerate(matches):
            following = matches[position + 1] if position + 1 < len(matches) else None
            found = _quantity(text, match, following, previous, tables)
            if found is None:
                continue
            previous = found["unit"]
            repeated = found["value"] in counted and text[:match.start()].rstrip().endswith((" the", "The"))
            counted.add(found["value"])
            if repeated or any(low <= match.start() < high for low, high in spans):
                continue                              # "the four detainees" again; the speaker's numbers
            facts.extend(_facts(analysis, view, match, found, tables))
    return facts


def _hedge(text: str, start: int, tables: dict) -> str | None:
    """"some", "about", "an estimated" right before the number."""
    found = tables["hedge"].search(text, max(0, start - 20), start)
    return found.group("hedge").lower() if found else None


def _quantity(text: str, match: re.Match[str], following: re.Match[str] | None, previous: str | None,
              tables: dict) -> dict | None:
    """The value and unit of a number, or None when it counts nothing (a year, a score, a page)."""
    number = match.group("num")
    value = parse_number(number)
    if value is None:
        return None
    if text[match.end("num"):match.end("num") + 2] in ("st", "nd", "rd", "th"):
        return None                                     # "the 12th savings bank": an ordinal
    before = text[:match.start()].rstrip()
    last_word = before.rsplit(" ", 1)[-1] if before else ""
    if last_word.rstrip(".") in tables["months"] or last_word in tables["rank_words"] and \
            not before[:-len(last_word)].rstrip().endswith(" to"):
        return None
    if last_word.lower() == "per":
        return None                                     # "1,325 francs per 100 kilos": the unit of a price
    if tables["ratio_before"].search(before, max(0, len(before) - 40)):
        return None                                     # "four in ten leaders": a share, not ten leaders
    if tables["set_phrase"].match(text, match.start()):
        return None                                     # "the six-yard box": a name of a place, not a count
    scale = match.group("scale") or match.group("short")
    if scale:
        value *= scale_value(scale) or 1
    unit: str | None = None
    end = match.end()
    if match.group("measure"):
        unit = _plural(match.group("measure").lower())
    elif (match.group("compound") or "").islower() and match.group("compound") not in tables["not_measures"]:
        unit = _plural(match.group("compound"))         # "the 60-employee council"
    elif match.group("percent"):
        unit = "percent"
    elif match.group("sign"):
        unit = tables["signs"][match.group("sign")]
        found = _unit_after(text, end, tables)
        if found and found[0] in tables["currency"].values():
            end = found[1]
    else:
        if last_word.lower() == "the" and number.lower() in _REFERENCES and not scale:
            return None                                 # "the two sides": a reference, not a count
        if number.lower() in ("one", "a dozen") and not scale:
            return None
        measure = tables["spaced_measure"].match(text, end)     # "a two year project"
        found = ((_plural(measure.group(1).lower()), measure.end(1)) if measure else None) or (
            _unit_after(text, end, tables) or _partitive_unit(text, end, tables)
                 or _range_unit(text, match, following, tables))
        if found is None and scale and previous:        # "to 237 mln dlrs in 1986 from 421 mln"
            found = (previous, end)
        if found is None:
            return None
        unit, end = found
        if following is not None and not scale and _RANGE_LINK.fullmatch(text, match.end(), following.start()):
            value *= scale_value(following.group("scale") or following.group("short") or "") or 1
    if match.group("short") and not match.group("sign") and unit not in tables["currency"].values():
        return None                                     # "the 100m and 200m titles": metres, not millions
    if value == 1 and unit != "percent" and not scale and not match.group("sign"):
        return None
    if not scale and not match.group("sign") and unit != "percent" and re.fullmatch(r"1[89]\d\d|20\d\d", number):
        return None                                     # a year, not a count
    return {"value": value, "unit": unit, "scale": scale}


def _range_unit(text: str, match: re.Match[str], following: re.Match[str] | None,
                tables: dict) -> tuple[str, int] | None:
    """ "between six and 6.5 pct", "15,000 and 20,000 couples": the first number takes the second's unit."""
    if following is None or not _RANGE_LINK.fullmatch(text, match.end(), following.start()):
        return None
    if following.group("percent"):
        return "percent", match.end()
    if following.group("sign"):
        return tables["signs"][following.group("sign")], match.end()
    found = _unit_after(text, following.end(), tables)
    return (found[0], match.end()) if found else None


def _facts(analysis: StoryAnalysis, view, match: re.Match[str], found: dict, tables: dict) -> list[Fact]:
    text = view.text
    clause = _CLAUSE_END.split(text[match.start():], maxsplit=1)[0]
    slots = {"value": plain(found["value"]), "unit": found["unit"],
             "what": trim_words(clause, WHAT_WORDS).rstrip("."),
             "hedge": _hedge(text, match.start(), tables), "text": match.group(0).strip()}
    facts = [analysis.fact("quantity", slots, view)]
    second = parse_number(match.group("num2") or "")
    if second is not None and second > found["value"] and not found["scale"]:
        facts.append(analysis.fact("quantity", {**slots, "value": plain(second)}, view, confidence=0.5))
    return facts
