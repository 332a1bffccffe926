"""Numbers: 'About how many children live with foster families in the UK?', 'How much will come
from the grant?', 'By what percentage did deposits rise in January?'."""
from __future__ import annotations

import re

from ...extract.names import places
from ..clauses import YEAR, ask_about_number
from ..distractors import MONTHS, WEEKDAYS
from ..standalone import (calendar_count, follows_a_name, gives_both_ends, match_detail, reporting_period, runs_on,
                          without_linking_adverb)
from ..wire import plain_words, tidy
from .base import Phrasing, in_full

_MONEY = {"dollars", "pounds", "euros", "yen", "francs", "marks", "cents", "pence", "rupees", "yuan", "lire",
          "dollar", "pound", "euro", "guilders", "pesos", "rand", "crowns"}
_CURRENCY_SIGN = re.compile(r"^(US)?[$£€¥]")
_RATE = re.compile(r"^(a|an|per) \w+")
_PER_SHARE = re.compile(r"(?:^|\b)(?:\w+ )?(?:per|a) share\b")
MIN_WORDS = 7
_OPENING_TIME = re.compile(r"^(?P<phrase>(?:In|On|During|Since|Last|This|Earlier this|By the end of|For all of|For) "
                           r"[^,]{1,30}?),\s")
_TIME_WORD = re.compile(r"\b(?:1[89]\d\d|20\d\d|year|quarter|month|week|" + "|".join([*MONTHS, *WEEKDAYS]) + r")\b")
_AGE = re.compile(r"\S+-year-old\b")
_RELATIVE_TIME = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?)\s+(?:later|earlier|after|before|afterwards)\b")
_ABOUT = {"about", "some", "around", "roughly", "nearly", "almost", "over", "approximately", "estimated"}


class QuantityPhrasing(Phrasing):
    fact_type = "quantity"
    derived = ("asked", "counted", "about", "answer")
    conditions = ("count_question", "amount_question", "share_question", "change_question", "no_question")

    def values(self, fact, context):
        values = super().values(fact, context)
        sentence = without_linking_adverb(tidy(fact.sentence))   # "Meanwhile the number of sales dropped"
        number = plain_words(values.get("text") or values["value"])
        at = _find_number(sentence, number)
        if calendar_count(fact.slots["value"], str(fact.slots["unit"])) or match_detail(str(fact.slots["unit"])) or \
                (at >= 0 and (_part_of_name(sentence, at, number) or reporting_period(sentence, at, fact.slots["unit"])
                              or _AGE.match(sentence, at) or _RELATIVE_TIME.match(sentence, at + len(number))
                              or _counted_by_names(sentence, at + len(number), fact.slots["value"])
                              or _rest_of_a_whole(sentence, fact.slots["value"], str(fact.slots["unit"])))):
            return None             # "in 2004 ... in 12 months", "Half-Life 2", "the first nine months";
                                    # "the _____ elephant" for "15-year-old" ("female" fits as well);
                                    # "_____ months later" (later than what, the sentence before says);
                                    # "_____ sons, Stanislaus and Christopher" (the names count them);
                                    # "80 percent ... the other _____" (the rest of a hundred)
        values.update({"asked": "", "counted": "", "about": "", "form": ""})
        if at < 0 or "-" in sentence[at + len(number):at + len(number) + 1]:
            return values                                  # "18-month": a cloze, not a question
        unit = str(fact.slots["unit"])
        after = sentence[at + len(number):].split()
        unit_words = 1 if after and after[0].strip(".,;:").lower() in _MONEY | {"percent", "%"} else 0
        asked = ask_about_number(sentence, at, at + len(number), unit_words, unit)
        if asked is None or not asked.asked.text or runs_on(asked.asked.text):
            return values
        money = bool(_CURRENCY_SIGN.match(number)) or unit in _MONEY
        share = unit == "percent"
        form = {"subject": "share" if share else ("amount" if money else "count"),
                "object": "amount" if money else ("count" if not share else ""),
                "change": "change"}[asked.position]
        if (form == "count" and not asked.counted) or (form == "share" and not asked.counted.startswith("of ")):
            return values                                  # "What percentage loan ...": the figure describes a noun
        if not any(w[:1].isupper() or w[:1].isdigit() for w in f"{asked.counted} {asked.asked.text}".split()[1:]):
            return values                                  # "How many people were on board?": on what, it names nothing
        if _RATE.match(" ".join(after[unit_words:unit_words + 2])) or len(sentence.split()) < MIN_WORDS:
            return values                                  # "34 dollars a share": a rate, not an amount
        if form == "change" and gives_both_ends(asked.asked.text):
            return values                                  # "rise to $51.2bn from $48.8bn": the stem works it out
        if _PER_SHARE.search(asked.asked.text) and not _PER_SHARE.match(" ".join(after[unit_words:unit_words + 3])):
            return values                                  # "earned 70 mln dlrs or 3.41 dlrs per share": not per share
        answer = " ".join([number, *after[:unit_words]]).rstrip(".,;:")
        values["answer"] = answer[:1].lower() + answer[1:] if answer[:1].isalpha() else answer   # "Fifty nine"
        if unit in ("years", "months") and len(YEAR.findall(asked.asked.text)) >= 2:
            return values                                  # "How many years ... from 2009 to 2017?": sums itself
        values["asked"] = in_full(asked.asked.text, context.pools.people) + _opening_time(sentence, asked.asked.text)
        if len(re.findall(rf"\b{re.escape(unit)}\b", sentence)) > 1 and _TIME_WORD.search(sentence) and \
                not _TIME_WORD.search(values["asked"]):
            values["asked"] = ""                           # "earned 17.4 mln dlrs in the quarter and 32.9 mln in
            return values                                  # the half": which, the question dropped
        values["counted"] = asked.counted
        values["about"] = "about " if str(fact.slots.get("hedge") or "").lower() in _ABOUT else ""
        values["form"] = form
        values["variant"] = "percent" if share else "amount"
        return values

    def holds(self, condition, fact, values, context):
        if condition == "no_question":
            return not values["asked"]
        return bool(values["asked"]) and condition == f"{values['form']}_question"


_NAME_LIST = re.compile(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*(?:(?:,? and |, )[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)+")


_PERCENTAGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b|pct\b)")


def _rest_of_a_whole(sentence: str, value: object, unit: str) -> bool:
    """A share whose complement the sentence also gives ("holds 80 percent, the other 20 percent")."""
    if unit != "percent" or not isinstance(value, (int, float)):
        return False
    shares = [float(share) for share in _PERCENTAGE.findall(sentence)]
    if value in shares:
        shares.remove(value)            # the share asked about, not its complement
    return any(abs(share + value - 100) < 1e-9 for share in shares)


_PLACED = re.compile(r"\b(?:at|in|on|to|from|of|for|by)\b")


def _counted_by_names(sentence: str, end: int, value: object) -> bool:
    """A small count that a list of names soon after it spells out ("two sons with Stokowski,
    Stanislaus and Christopher")."""
    if not isinstance(value, (int, float)) or not 2 <= value <= 6:
        return False
    listed = _NAME_LIST.search(sentence, end, end + 80)
    if listed is None or _PLACED.search(sentence, end, listed.start()):
        return False                # "two daughters at his bedside at Holy Cross Hospital in ...": not them
    names = re.split(r",? and |, ", listed.group(0))
    return len(names) >= value and not any(name in places().names for name in names)   # "Bradford, England"


def _part_of_name(sentence: str, at: int, number: str) -> bool:
    """'the Six Nations', 'Half-Life 2 feels', 'Super 12 side': a name, not a count."""
    if at > 0 and number[:1].isupper():
        return True
    return number[:1].isdigit() and follows_a_name(sentence, at)


def _find_number(sentence: str, number: str) -> int:
    """Where the number stands as a whole word ('2.6' not inside '12.6')."""
    at = sentence.find(number)
    while at >= 0:
        before = sentence[at - 1:at]
        if not (before.isalnum() or (before and before in ".,")):
            return at
        at = sentence.find(number, at + 1)
    return -1


PHRASING = QuantityPhrasing()


def _opening_time(sentence: str, asked: str) -> str:
    """ "In fiscal 1986, X earned ...": the time the sentence opens with belongs in the question
    ("How much did X earn in fiscal 1986?"), else it asks about any year."""
    match = _OPENING_TIME.match(sentence)
    if not match or not _TIME_WORD.search(match.group("phrase")) or _TIME_WORD.search(asked):
        return ""
    phrase = match.group("phrase")
    return " " + phrase[:1].lower() + phrase[1:]
