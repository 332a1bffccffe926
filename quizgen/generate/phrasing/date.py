"""Dates: 'When does Britain take over the presidency of the EU?', 'In what year were the plans agreed?'."""
from __future__ import annotations

import re

from ..clauses import ask_when
from ..standalone import precise_time, year_given_away
from ..wire import tidy
from .base import Phrasing

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


class DatePhrasing(Phrasing):
    fact_type = "date"
    derived = ("asked",)
    conditions = ("when_question", "year_question", "no_question")

    def values(self, fact, context):
        values = super().values(fact, context)
        sentence = tidy(fact.sentence)
        when = values["when"]
        if not precise_time(when):
            return None             # "a year ago", "third quarter": a blank many phrases fit
        at = sentence.find(when)
        asked = ask_when(sentence, at, at + len(when)) if at >= 0 else None
        values["asked"] = asked.text if asked else ""
        values["tense"] = asked.tense if asked else ""
        return values

    def holds(self, condition, fact, values, context):
        if condition == "no_question" or not values["asked"]:      # a cloze shows the whole sentence
            return condition == "no_question" and not values["asked"] and \
                not year_given_away(values["when"], tidy(fact.sentence))
        year = bool(_YEAR.match(values["when"]))
        return year if condition == "year_question" else condition == "when_question" and not year


PHRASING = DatePhrasing()
