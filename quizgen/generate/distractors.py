"""Wrong answers of the same kind and register as the right one.

Candidates come from the same story first (people with a role, then anyone
named), then bundled lists in `data/distractors/`. A distractor is never the
answer, an alias of it, or another true answer to the same question.
"""
from __future__ import annotations

import calendar
import random
import re
from dataclasses import dataclass, field
from typing import Callable

from ..answers import normalize, number_value, same_answer
from ..extract.names import places
from ..lexicon import data_file, word_list
from ..numbers import number_words
from ..models import Fact

WEEKDAYS = [str(day) for day in data_file("dates")["weekdays"]]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_NUMBER_IN_TEXT = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MONTH_DAY = re.compile(r"^(?P<month>[A-Z][a-z]+)\.? (?P<day>\d{1,2})(?P<year>, \d{4})?$")
_RELATIVE = re.compile(r"^(last|next|this|earlier|later|yesterday|tomorrow)\b|\bago$", re.IGNORECASE)


@dataclass
class StoryPools:
    """The story's own candidates by kind, gathered once per story."""

    people_with_roles: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @classmethod
    def from_facts(cls, facts: list[Fact], is_person: Callable[[str], bool] = lambda name: True) -> "StoryPools":
        """Pools of the story's own candidates; `is_person` keeps organisations out of the people."""
        pools = cls()
        for fact in facts:
            slots = fact.slots
            if fact.type == "role":
                _add(pools.people_with_roles, slots["person"])
                _add(pools.positions, slots["title"])
            for key in ("person", "speaker"):
                if slots.get(key):
                    _add(pools.people, slots[key])
            for person in slots.get("people") or []:
                _add(pools.people, person)
            if fact.type in ("visit", "meeting") and slots.get("place"):
                _add(pools.places, slots["place"])
        for person in pools.people_with_roles:
            _add(pools.people, person)
        pools.people = [p for p in pools.people if is_person(p)]
        pools.people_with_roles = [p for p in pools.people_with_roles if is_person(p)]
        return pools


def _add(items: list[str], value: object) -> None:
    text = str(value).strip()
    if text and text not in items:
        items.append(text)


def pick(answer: str, kind: str, pools: StoryPools, rng: random.Random, *,
         also_true: tuple[str, ...] = (), wanted: int = 3, tense: str = "") -> list[str]:
    """Up to `wanted` distractors for `answer`, best candidates first; `tense` keeps times on the
    same side of the story's present (a past event gets past times)."""
    chosen: list[str] = []
    for group in _candidate_groups(answer, kind, pools, rng, tense):
        group = [c for c in group if c]
        rng.shuffle(group)
        for candidate in group:
            if len(chosen) == wanted:
                return chosen
            if any(same_answer(x, candidate, kind) for x in (answer, *also_true, *chosen)):
                continue
            if kind == "person" and (not _looks_like_name(candidate)):
                continue
            chosen.append(candidate)
    return chosen


def _looks_like_name(text: str) -> bool:
    return len(text.split()) >= 2 and text[0].isupper()


def _candidate_groups(answer: str, kind: str, pools: StoryPools, rng: random.Random,
                      tense: str = "") -> list[list[str]]:
    if kind == "person":
        # Only the story's own people: names from elsewhere are anachronistic or absurd beside them.
        return [list(pools.people_with_roles), list(pools.people)]
    if kind == "position":
        full = len(answer.split()) > 1          # "Palestinian leader" among full titles, never a bare "leader"
        same_case = [p for p in pools.positions if p[:1].islower() == answer[:1].islower()
                     and (len(p.split()) > 1 or not full)]
        styled = [_match_case(p, answer) for p in word_list("distractors/positions") if len(p.split()) > 1 or not full]
        return [same_case, styled]
    if kind == "place":
        return [places_like(answer, pools.places)]
    if kind == "number":
        return [_believable(answer, _numbers_near(answer, rng))]
    if kind == "when":
        return [_same_side(_times_like(answer, rng), tense)]
    return []


_PAST_WORDS = re.compile(r"^(last|earlier|yesterday)\b|\bago$", re.IGNORECASE)
_FUTURE_WORDS = re.compile(r"^(next|later|tomorrow|coming)\b|^in \w+ (days|weeks|months|years)$", re.IGNORECASE)


def _same_side(times: list[str], tense: str) -> list[str]:
    """'next week' is no choice for what already happened, nor 'last week' for what will."""
    if tense == "past":
        return [t for t in times if not _FUTURE_WORDS.search(t)]
    if tense == "future":
        return [t for t in times if not _PAST_WORDS.search(t)]
    return [t for t in times if not (_PAST_WORDS.search(t) or _FUTURE_WORDS.search(t))]


_AGE = re.compile(r"-year-old$|^\d+$")


def _believable(answer: str, numbers: list[str]) -> list[str]:
    """Figures a reader could believe beside the answer: an age stays an age, a share stays
    under a whole unless the answer is over it."""
    value = number_value(answer)
    if value is None:
        return numbers
    limit = 100 if value <= 100 and (answer.endswith(("%", "percent", "-year-old")) or "per cent" in answer) else None
    out = []
    for number in numbers:
        other = number_value(number)
        if other is None or (limit and other > limit):
            continue
        if answer.endswith("-year-old") and not 0.6 <= other / value <= 1.6:
            continue
        out.append(number)
    return out


def _match_case(position: str, answer: str) -> str:
    """Keep the register of bundled positions: 'foreign minister' among lower-case answers, 'Premier'
    among capitalised; never 'attorney General'."""
    if answer[:1].islower():
        return position.lower()
    return position[:1].upper() + position[1:]


def _is_country(name: str) -> bool:
    table = places()
    return table.names.get(name) not in (None, name) or name in set(table.country_of.values())


def places_like(answer: str, story_places: list[str]) -> list[str]:
    """Countries for a country, cities for a city: the story's own first, then the bundled list."""
    table = places()
    country = _is_country(answer)
    own = [p for p in story_places if p in table.names and _is_country(p) == country]
    if country:
        return own + sorted(set(table.country_of.values()))
    return own + sorted(name for name, canonical in table.names.items() if canonical == name and name != answer
                        and not _is_country(name))


def _numbers_near(answer: str, rng: random.Random) -> list[str]:
    """Numbers of the same magnitude, written in the answer's own format ('$3.2 billion', '50-year')."""
    match = _NUMBER_IN_TEXT.search(answer)
    if not match:           # "five" or "five mln": the number in words, so the distractors are words too
        head, _, rest = answer.partition(" ")
        value = number_value(head)
        if value is None or not float(value).is_integer() or value > 20:
            return []
        near = {int(value) + d for d in (-3, -2, -1, 1, 2, 3, 5, 7)} | {int(value) * 2, int(value) * 3}
        return [" ".join(filter(None, [_same_capital(number_words(n), answer), rest]))
                for n in sorted(near) if 0 < n <= 99 and n != value]
    digits = match.group(0)
    value = float(digits.replace(",", ""))
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    factors = [0.55, 0.7, 1.3, 1.45, 1.8, 2.3, 0.4, 2.7]   # not clean multiples: the answer would divide them all
    rng.shuffle(factors)
    out = []
    for factor in factors:
        new = value * factor
        if decimals:
            new = round(new, decimals)
            text = f"{new:,.{decimals}f}" if "," in digits else f"{new:.{decimals}f}"
        else:
            new = _round_like(new, value)
            if new <= 0 or new == value:
                continue
            text = f"{int(new):,}" if "," in digits else str(int(new))
        out.append(answer[:match.start()] + text + answer[match.end():])
    return out


def _same_capital(text: str, like: str) -> str:
    return text[:1].upper() + text[1:] if like[:1].isupper() else text


def _round_like(new: float, original: float) -> int:
    """Round to the original's precision: 37,000 -> thousands, 66 -> units."""
    whole = int(original)
    zeros = len(str(whole)) - len(str(whole).rstrip("0")) if whole else 0
    step = 10 ** min(zeros, max(0, len(str(whole)) - 1))
    return int(round(new / step) * step) if step > 1 else int(round(new))


def _times_like(answer: str, rng: random.Random) -> list[str]:
    """Weekdays for weekdays, years for years, dates for dates, else relative times."""
    words = answer.split()
    if words and words[0] in WEEKDAYS:
        rest = " ".join(words[1:])
        days = WEEKDAYS[:5] if words[0] in WEEKDAYS[:5] else WEEKDAYS    # markets, parliaments, offices: a
        return [f"{day} {rest}".strip() for day in days if day != words[0]]  # working day for a working day
    if _YEAR.match(answer):
        year = int(answer)
        return [str(year + d) for d in (-3, -2, -1, 1, 2, 3)]
    month_day = _MONTH_DAY.match(answer)
    if month_day and month_day.group("month") in MONTHS:
        day = int(month_day.group("day"))
        days = [d for d in (day - 7, day - 3, day + 2, day + 5, day + 9) if 1 <= d <= 28]
        months = [m for m in MONTHS if m != month_day.group("month")     # no "February 31"
                  and day <= calendar.monthrange(2001, MONTHS.index(m) + 1)[1]]
        year = month_day.group("year") or ""
        return [f"{month_day.group('month')} {d}{year}" for d in days] + [f"{rng.choice(months)} {day}{year}"]
    if answer in MONTHS:
        return [m for m in MONTHS if m != answer]
    at = next((i for i, word in enumerate(words) if word in MONTHS), -1)
    if at >= 0:             # "last October": other months, never "last year", which may be true as well
        return [" ".join([*words[:at], month, *words[at + 1:]]) for month in MONTHS if month != words[at]]
    if _RELATIVE.search(answer):
        return [w for w in word_list("distractors/when") if normalize(w) != normalize(answer)]
    return []               # a form we cannot vary in kind: better a short answer than odd choices
