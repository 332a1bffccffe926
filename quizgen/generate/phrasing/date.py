"""Dates: 'When does Britain take over the presidency of the EU?', 'In what year were the plans agreed?'."""
from __future__ import annotations

import re

from ..clauses import ask_when
from ..standalone import follows_a_name, precise_time, runs_on, timestamp, without_linking_adverb, year_given_away
from ..wire import tidy
from .base import Phrasing, in_full

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# "on Thursday 9": the date goes on past the fact's (not "Friday 15 protesters", "Friday 0.24% lower").
_DAY_AFTER = re.compile(r"\s\d{1,2}(?:st|nd|rd|th)?(?=[,;:)]|\.(?!\d)|$|\s+[A-Z])")
_INDEFINITE = re.compile(r"^(?:was|were|is|are|did|does|do|will|has|have|had) (?:a|an) ")


class DatePhrasing(Phrasing):
    fact_type = "date"
    derived = ("asked",)
    conditions = ("when_question", "year_question", "no_question")

    def values(self, fact, context):
        values = super().values(fact, context)
        sentence = without_linking_adverb(tidy(fact.sentence))   # "Meanwhile the number of sales dropped"
        when = values["when"]
        at = sentence.find(when)
        if not precise_time(when) or (at > 0 and (follows_a_name(sentence, at) or timestamp(sentence, at))) or \
                (at >= 0 and _DAY_AFTER.match(sentence, at + len(when))):
            return None             # "a year ago", "third quarter": many fit; "Super Tuesday": a name; "as of Sunday";
                                    # "Thursday" of "Thursday 9": half a date, the rest given away by another
        asked = ask_when(sentence, at, at + len(when)) if at >= 0 else None
        values["asked"] = in_full(asked.text, context.pools.people) if asked and not _vague(asked.text) else ""
        values["tense"] = asked.tense if asked else ""
        return values

    def holds(self, condition, fact, values, context):
        if condition == "no_question" or not values["asked"]:      # a cloze shows the whole sentence
            return condition == "no_question" and not values["asked"] and \
                not year_given_away(values["when"], tidy(fact.sentence))
        year = bool(_YEAR.match(values["when"]))
        return year if condition == "year_question" else condition == "when_question" and not year


def _vague(clause: str) -> bool:
    """'was a primary election held' names no one: which primary? ('a delegation of Kessel
    fishermen' does.) A clause run on past a semicolon or a dash is no question either."""
    return runs_on(clause) or bool(_INDEFINITE.match(clause)) and not any(w[:1].isupper() for w in clause.split()[1:])


PHRASING = DatePhrasing()
