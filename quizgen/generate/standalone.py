"""Whether a question can be read away from its story (see data/questions/standalone.yaml).

A cloze lifted from a story keeps the story's "here", "this city", "His predecessor" and
"it added"; a blank on "a year ago" tests wording; "up from 477 million in ___" after
"1986" gives its year away. A teacher strikes these out, so quizgen does not ask them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import data_file, word_set
from .clauses import opens_with_bare_definite, word_classes
from .distractors import MONTHS, WEEKDAYS

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_UNNAMED_PRONOUN = re.compile(r"(?<=[\s,;(])(?:he|she|him|her|his)\b")


@dataclass(frozen=True)
class StandaloneRules:
    pointing: re.Pattern[str]
    leaning_opener: re.Pattern[str]
    connective: re.Pattern[str]
    linking_adverb: re.Pattern[str]
    unnamed_reporting: re.Pattern[str]
    calendar_counts: dict[str, frozenset[float]]
    match_details: frozenset[str]
    not_names_at_start: frozenset[str]
    dangling_before_blank: frozenset[str]
    period_openers: frozenset[str]
    period_units: frozenset[str]
    agency: re.Pattern[str]
    timestamp_before: re.Pattern[str]
    first_person: re.Pattern[str]
    first_person_word: re.Pattern[str]
    points_back: re.Pattern[str]
    unnamed_body: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> StandaloneRules:
    table = data_file("questions/standalone")

    def words(key: str) -> frozenset[str]:
        return frozenset(map(str, table[key]))

    def either(key: str) -> str:
        return "|".join(re.escape(str(w)) for w in table[key])

    return StandaloneRules(
        pointing=re.compile(rf"\b(?:{either('pointing_words')})\b", re.IGNORECASE),
        leaning_opener=re.compile(rf"^(?:{either('leaning_openers')})\b"
                                  r"|^The [\w-]+-year-old\b(?! [A-Z])"        # "The 21-year-old has not played"
                                  rf"|^The (?:[A-Z][\w'-]+ ){{1,2}}(?:{either('unnamed_descriptions')})\b(?! [A-Z])"
                                  rf"|^(?:{either('leaning_before_lowercase')}) (?!the\b)[a-z]"
                                  rf"|(?:^[^,]{{1,60}},|^(?:{either('time_openers')}) [^ ,]+(?: [^ ,]+)?,?) "
                                  rf"(?:{either('pronoun_after_opener')})\b"
                                  r"(?! (?:is|was|has been|had been) \w+ed\b)"),     # "On May 2, it was reported"
        connective=re.compile(rf"^(?!So far\b)(?:{either('connectives')}),? (?=\w)"),   # "So far" is no "So"
        linking_adverb=re.compile(rf"^(?!(?:{either('leaning_conjunctions')})\b)(?:{either('connectives')}),? (?=\w)"),
        unnamed_reporting=re.compile(rf"\b(?:{either('unnamed_reporting')})\b", re.IGNORECASE),
        calendar_counts={str(unit): frozenset(float(n) for n in counts)
                         for unit, counts in table["calendar_counts"].items()},
        match_details=words("match_details"),
        not_names_at_start=words("not_names_at_start"),
        dangling_before_blank=words("dangling_before_blank"),
        period_openers=words("period_openers"),
        period_units=words("period_units"),
        agency=re.compile(rf"\b(?:told|to|according to|by|did|does|will|has) (?:{either('news_agencies')})\b"),
        timestamp_before=re.compile(rf"\b(?:{either('timestamp_before')})\s+$", re.IGNORECASE),
        first_person=re.compile(rf"(\S*)\s(?:{either('first_person')})\b(?!-|['’]?\s*[A-Z])"),
        first_person_word=re.compile(rf"\b(?:{either('first_person')})\b"),
        points_back=re.compile(rf"\b(?:this|these) (?!(?:{either('time_nouns')})s?\b)([a-z]+|_)"
                               rf"|\bthe (?:{either('small_counts')}) (?!(?:{either('time_nouns')})s\b)[a-z]+s\b"
                               rf"|\b(?:{either('pointing_before_this')}) this\b(?! (?:{either('time_nouns')})s?\b)"
                               rf"|\bthe same (?!(?:{either('time_nouns')})s?\b)[a-z]"
                               rf"|\bthe (?:{either('unnamed_posts')})(?=[?.,;]|$)"
                               rf"|\b(?:{either('open_since')})(?=[,.;])"
                               r"|^How (?:many|much) other\b"          # other than whom?
                               r"|\b[Tt]his,"),                         # "To combat this, the Bank of Spain ..."
        unnamed_body=re.compile(rf"\bthe (?:(?:{either('unnamed_bodies')})\b(?! (?:of|for|with|between)\b)"
                                rf"|(?:{either('unnamed_works')})\b"
                                rf"(?! (?:of|for|with|between|{either('work_compounds')})\b"
                                rf"| [A-Z0-9])"
                                rf"|(?:{either('unnamed_acts')})\b(?! (?:to|of|for|with|between)\b))"))


def timestamp(sentence: str, at: int) -> bool:
    """Whether the date at sentence[at:] only dates a report or a tally ("as of Sunday")."""
    return bool(rules().timestamp_before.search(sentence, max(0, at - 40), at))


# A quotation, or one left open to the sentence's end ('Giggs said: "It's my 50th cap ...').
_QUOTATION = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)')


def in_first_person(sentence: str) -> bool:
    """Whether someone says "I" outside quotation marks (see first_person in the data file).
    "World War I" and "the I-Man" are names, not a narrator. A quotation may have opened in
    the sentence before ('... and I would urge anyone to call", said Inspector Lund'): the
    words count only if they stand outside quotation marks however it is read."""
    if not rules().first_person_word.search(sentence):
        return False                # most sentences: no "I" anywhere, quoted or not
    readings = [sentence]
    if sentence.count('"') % 2:
        readings.append('"' + sentence)
    if "”" in sentence and sentence.find("“") not in range(0, sentence.index("”")):
        readings = ["“" + reading for reading in readings]
    return all(_narrator(" " + _QUOTATION.sub(" ", reading)) for reading in readings)


def _narrator(text: str) -> bool:
    for match in rules().first_person.finditer(text):
        before = match.group(1)
        if not before[:1].isupper() or before.endswith((".", ",", ":", ";")):
            return True
    return False


def without_connective(sentence: str) -> str:
    """'However, the harbour ...' -> 'The harbour ...': the link to the sentence before, which
    a cloze does not print, goes too, and so does a list item's dash."""
    return _without_opening(re.sub(r"^[-–—•*]\s+", "", sentence), rules().connective)    # "- Licensees who ..."


def without_linking_adverb(sentence: str) -> str:
    """'Meanwhile the number of sales dropped' -> 'The number of sales dropped', for a question built
    from the clause; but a sentence opened by "And" or "But" leans on the one before ("And the
    25-year-old fly-half will start"), and keeps its conjunction, so no question is made of it."""
    return _without_opening(sentence, rules().linking_adverb)


def _without_opening(sentence: str, opening: re.Pattern[str]) -> str:
    match = opening.match(sentence)
    if not match:
        return sentence
    rest = sentence[match.end():]
    return rest[:1].upper() + rest[1:]


# "Kessel Oil Corp - Initial offering of 2 mln shares ...", "August 17 - Faroe Islands v Cyprus": a line of
# a wire list or a fixture list, not a sentence.
_LISTING = re.compile(r"^(?:[A-Z][\w&.'/-]*(?: (?:[A-Z][\w&.'/-]*|and|of|the|&))*|_____) (?:-|--|\u2013) [A-Z]")


def cloze_stands_alone(prompt: str, names: frozenset[str] = frozenset(), blank_is_a_person: bool = False) -> bool:
    """The sentence names someone or something, and points at nothing only the story names.
    `names` are the story's people and places, which may open a sentence ("Cohen is ..."); a blank
    that hides a name may be whom a later "he" means ("defence lawyer _____ tried to distance his client")."""
    found = rules()
    if found.leaning_opener.match(prompt) or found.pointing.search(prompt) or found.unnamed_reporting.search(prompt) \
            or opens_with_bare_definite(prompt) or _LISTING.match(prompt):
        return False
    pronoun = _UNNAMED_PRONOUN.search(prompt)
    if pronoun:
        before = prompt[:pronoun.start()].split()
        named = any(_may_name_a_person(before, index) for index in range(1, len(before))) or bool(before) and (
            before[0].startswith("[") or _names_something(before[0], names)) or \
            blank_is_a_person and any(w.lstrip("[(\"“").startswith("_____") for w in before)
        if not named:
            return False            # "... within _____ years, he told his interviewer": who, the stem never says
    if prompt.count('"') % 2 or prompt.count("“") != prompt.count("”") or not prompt.rstrip('"”’)').endswith(
            (".", "!", "?")):
        return False                # a quotation cut open, or a fragment with no end
    words = prompt.split()
    before_blank = prompt.split("_____", 1)[0].split()[-1:]
    if before_blank and before_blank[0].lower() in found.dangling_before_blank:
        return False
    if not words or prompt.startswith("[") or _names_something(words[0], names):
        return True
    return any(word[:1].isupper() and word != "I" and not before.endswith((".", "!", "?", ":"))
               for before, word in zip(words, words[1:]))


def _may_name_a_person(words: list[str], index: int) -> bool:
    """A capitalised word that may be someone a "he" points back to: not "I", a month or weekday,
    nor a word of a body's name after "the" ("the International Rugby Board confirmed that he")."""
    word = words[index].lstrip("[(\"“").rstrip(",.;:")
    if not word[:1].isupper() or word == "I" or word in MONTHS or word in WEEKDAYS:
        return False
    start = index
    while start > 0 and words[start - 1][:1].isupper() and not words[start - 1].endswith((",", ".", ";", ":")):
        start -= 1
    return not (start > 0 and words[start - 1].lower() == "the")


def _names_something(first: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence's first word is a name: one the story uses, or a word no dictionary knows."""
    word = re.sub(r"(['’]s)?[,.;:]*$", "", first)
    if word in names:
        return True
    return word[:1].isupper() and word.lower() not in rules().not_names_at_start and not word_classes(word)


def precise_time(when: str) -> bool:
    """A date worth asking: a day, a month or a year ("Monday", "March 3", "1985"), not
    "a year ago", "last month" or "third quarter", where many phrases fit the blank."""
    words = set(re.findall(r"[A-Za-z]+", when))
    return bool(re.search(r"\d", when) or words & set(MONTHS) or words & set(WEEKDAYS))


def year_given_away(when: str, sentence: str) -> bool:
    """'1986 ... up from 477 million in ___': the year next to another the sentence shows."""
    years = {int(y) for y in _YEAR.findall(when)}
    others = {int(y) for y in _YEAR.findall(sentence.replace(when, " "))}
    return any(abs(y - o) == 1 for y in years for o in others)


_BOTH_ENDS = re.compile(r"\b(?:to [$£€]?\d[^,;]*\bfrom|from [$£€]?\d[^,;]*\bto) [$£€]?\d")


def gives_both_ends(text: str) -> bool:
    """ "to $51.2bn from $48.8bn": the figures a change runs between, so the change itself works out."""
    return bool(_BOTH_ENDS.search(text))


def calendar_count(value: object, unit: str) -> bool:
    """'12 months', '24 hours': the calendar's own numbers."""
    return isinstance(value, (int, float)) and value in rules().calendar_counts.get(unit.lower(), frozenset())


def match_detail(unit: str) -> bool:
    """'two searching crosses', '20 yards out': play-by-play, not news."""
    return unit.lower() in rules().match_details


def follows_a_name(sentence: str, at: int) -> bool:
    """What stands at `at` completes a name begun by the capitalised word before it
    ("Super Tuesday", "Half-Life 2"); the sentence's first word and months do not count."""
    before = sentence[:at].split()
    return len(before) > 1 and before[-1][:1].isupper() and before[-1][-1:].isalnum() and \
        not before[-1].endswith(("'s", "’s")) and before[-1] not in MONTHS


def runs_on(clause: str) -> bool:
    """A clause that runs past a semicolon or a dash ('How many people died; their ...')."""
    return any(mark in clause for mark in (";", " — ", " – ", " - "))


def reporting_period(sentence: str, at: int, unit: object) -> bool:
    """'in the first nine months of 1987': the span a report covers, not a fact to learn."""
    before = sentence[:at].split()[-1:]
    found = rules()
    return bool(before) and before[0].lower() in found.period_openers and str(unit).lower() in found.period_units


def points_back(stem: str) -> bool:
    """'this prorogation', 'During these _____ weeks', 'the two countries', 'the firm' with no firm
    named before it: what only the sentences before say. Quoted words are the speaker's and may point anywhere."""
    stem = _QUOTATION.sub(" ", stem)
    body = rules().unnamed_body.search(stem)
    before = stem[:body.start()].split() if body else []
    honorifics = word_set("honorifics")
    named = [at for at, w in enumerate(before) if w[:1].isupper() and w.rstrip(".") not in honorifics
             and not (at and before[at - 1].rstrip(".") in honorifics)]       # "Mr Ferguson" names no firm
    if body and not any(at or _names_something(before[0]) for at in named):
        return True                 # "In _____, the firm launched ...": which firm, only the story before says
    for match in rules().points_back.finditer(stem):
        following = match.group(1)
        if following in _function_words():
            continue                # the pronoun of "this was illegal", "increase this to": the sentence explains
        classes = set(word_classes(following)) if following and following != "_" else set()
        if not classes or {"NOUN", "ADJ"} & classes:
            return True
    return False


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    table = data_file("questions/verbs")
    return frozenset(str(w) for key in ("auxiliaries", "prepositions", "determiners", "clause_openers", "pronouns",
                                        "adverbs") for w in table[key])


def about_the_reporting(stem: str) -> bool:
    """'When did Reuters report ...', '... told Reuters general manager _____': the agency's work."""
    return bool(rules().agency.search(stem))
