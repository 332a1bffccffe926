"""Numbers as news writes them: "37,000", "3.2", "nine", "thirty-seven thousand".

Number words and scales are data (`data/numbers.yaml`); this module turns
their text into a value, so quantities and dates share one reading.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from .lexicon import data_file

_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# "thirty-seven", "twenty one", "nine", "a dozen"; scales are matched after.
NUMBER_WORD_PATTERN = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS[:9]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|a dozen|half a dozen|dozen)")
# Words that can start a number, for fast scanning.
NUMBER_WORD_PATTERN_WORDS = tuple(_UNITS + _TENS + ["dozen", "a dozen", "half"])
DIGITS_PATTERN = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, float], dict[str, float]]:
    table = data_file("numbers")
    words = {str(k).lower(): float(v) for k, v in table["words"].items()}
    scales = {str(k).lower(): float(v) for k, v in table["scales"].items()}
    return words, scales


def word_value(text: str) -> float | None:
    """The value of a number word or phrase ("thirty-seven", "a dozen"), else None."""
    words, _ = _tables()
    text = text.lower().strip()
    if text in words:
        return words[text]
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        return words[parts[0]] + words[parts[1]]
    return None


def scale_table() -> dict[str, float]:
    """Scale words and their values ("million" -> 1e6), as data for other checkers."""
    return dict(_tables()[1])


def scale_value(text: str) -> float | None:
    return _tables()[1].get(text.lower()) if text else None


def parse_number(text: str) -> float | None:
    """Digits (with commas and decimals) or number words, else None."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        try:
            value = float(text.replace(",", ""))
        except ValueError:
            return None
        return value if math.isfinite(value) else None      # 309 digits and more: not a quantity
    return word_value(text)


def plain(value: float) -> int | float:
    """Whole numbers as int, so facts read 37000 and not 37000.0."""
    return int(value) if float(value).is_integer() else round(value, 6)


_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_SCALE_WORDS = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def number_words(value: int) -> str:
    """37000 -> "thirty-seven thousand": how a student may type a number."""
    if value < 0:
        return "minus " + number_words(-value)
    if value < 20:
        return _SMALL[value]
    if value < 100:
        tens, rest = divmod(value, 10)
        return _TENS[tens - 2] + (f"-{_SMALL[rest]}" if rest else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{_SMALL[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    for scale, word in _SCALE_WORDS:
        if value >= scale:
            head, rest = divmod(value, scale)
            tail = "" if not rest else (" and " if rest < 100 else " ") + number_words(rest)
            return f"{number_words(head)} {word}{tail}"
    return str(value)
