"""The interface every fact kind's phrasing keeps, and the helpers they share.

A phrasing turns one fact into placeholder values for its templates (from the
fact's own words), says whether a template's condition holds, which answers are
also true, and which value the story rules out for a false statement. The words
of the questions stay in the template files.
"""
from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ...extract.names import places
from ...lexicon import data_file, word_set
from ...models import Fact
from ..clauses import word_classes
from ..distractors import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from ..context import StoryContext
    from ..templates import Template

_THE_COUNTRIES = ("United ", "Soviet ", "Netherlands", "Philippines", "Czech Republic", "European ", "Vatican",
                  "Republic of ")
_FUTURE = re.compile(r"\b(will|shall|is to|are to|is due to|are due to|is expected to|are expected to|"
                     r"is scheduled to|plans to|is set to|are set to|is planning to|intends to)\b", re.IGNORECASE)


class Phrasing:
    """One fact kind in words; subclasses override what their kind needs."""

    fact_type = ""
    derived: tuple[str, ...] = ()        # placeholders it adds to the fact's slots
    conditions: tuple[str, ...] = ()     # template `when:` names it understands

    def values(self, fact: Fact, context: "StoryContext") -> dict[str, str] | None:
        """Placeholder values for this fact, or None when it cannot be put into good words."""
        return {k: text(v) for k, v in fact.slots.items()}

    def holds(self, condition: str, fact: Fact, values: dict[str, str], context: "StoryContext") -> bool:
        return False

    def also_true(self, fact: Fact, template: "Template", values: dict[str, str],
                  context: "StoryContext") -> tuple[str, ...]:
        """Answers the story also makes true for the same stem: never offered as wrong."""
        return ()

    def implausible(self, fact: Fact, template: "Template", values: dict[str, str],
                    context: "StoryContext") -> tuple[str, ...]:
        """Wrong answers no reader would weigh (the US President for Tehran's prosecutor): never offered."""
        return ()

    def ruled_out(self, fact: Fact, template: "Template", values: dict[str, str], context: "StoryContext",
                  rng: random.Random) -> dict[str, str] | None:
        """Values that make the template's statement one the story rules out, or None."""
        return None

    def matching_pair(self, fact: Fact, context: "StoryContext") -> tuple[str, str] | None:
        """The fact as one row of a matching question (person, what they are matched to), or None."""
        return None


def text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def in_full(clause: str, people: Iterable[str]) -> str:
    """'was Robert killed' -> 'was Robert F. Kennedy killed': a stand-alone question names in
    full someone the story calls by first name alone (and no one else by that word)."""
    words = clause.split()
    for index, word in enumerate(words):
        if not (word.isalpha() and word[:1].isupper()) or (index and words[index - 1][:1].isupper()) or \
                words[index + 1:index + 2] and words[index + 1][:1].isupper():
            continue
        full = {p for p in people if len(p.split()) > 1 and p.split()[0] == word}
        if len(full) == 1 and not any(p.split()[-1] == word for p in people):
            words[index] = full.pop()
    return " ".join(words)


def titled(name: str, sentence: str) -> str:
    """'Francis' -> 'Pope Francis', as the sentence names him: one word alone names nobody in a stem."""
    if " " in name:
        return name
    match = re.search(rf"\b([A-Z][a-z]+)\.? {re.escape(name)}\b", sentence)
    return f"{match.group(1)} {name}" if match and match.group(1) in _titles_before_names() else name


@lru_cache(maxsize=1)
def _titles_before_names() -> frozenset[str]:
    return word_set("honorifics") | word_set("surname_titles")


def with_article(name: str) -> str:
    """'United Kingdom' -> 'the United Kingdom'; 'China' stays 'China'."""
    return f"the {name}" if name.startswith(_THE_COUNTRIES) else name


def is_country(name: str) -> bool:
    table = places()
    return name in set(table.country_of.values()) or table.names.get(name) not in (None, name)


def when_phrase(when: object) -> str:
    """' on Friday', ' in March', ' last week' or '' for a time the stem cannot carry."""
    if not when:
        return ""
    when = str(when)
    words = when.split()
    if words[0] in WEEKDAYS or (words[0] in MONTHS and len(words) > 1 and re.fullmatch(r"\d{1,2},?", words[1])) or (
            re.fullmatch(r"\d{1,2}", words[0]) and len(words) > 1 and words[1] in MONTHS):     # "5 October"
        return f" on {when}"
    if words[0] in MONTHS or re.fullmatch(r"\d{4}", when):
        return f" in {when}"
    if words[0].lower() in ("last", "next", "this", "earlier", "later"):
        return " " + " ".join([words[0].lower(), *words[1:]])     # "last September", not "last september"
    return ""


def sentence_tense(sentence: str, when: object = "") -> str:
    """'future' when the sentence speaks of what will happen, or the fact's time is ahead ("next
    week", "tomorrow"), else 'past' (always for a time behind: "last year", "two weeks ago")."""
    when = str(when or "").lower()
    if when.startswith(("last ", "yesterday", "earlier ")) or when.endswith(" ago"):
        return "past"                        # "will travel ... as he did last year": the fact's time is behind
    ahead = when.startswith(("next ", "tomorrow", "coming ", "later this"))
    return "future" if ahead or _FUTURE.search(sentence) else "past"


_DASHES = ("-", "--", "–", "—")


def trim_words(value: str, limit: int) -> str:
    """At most `limit` words, cut where a clause ends if one ends in the second half, else not
    on a word that needs more ("... lose this case in…" reads as a mistake)."""
    words = str(value).split()
    if len(words) <= limit:
        return str(value)
    kept = words[:limit]
    ends = [i for i, word in enumerate(kept) if word.endswith((",", ";", ":")) and i + 1 >= limit // 2
            and word.lower().strip(",;:") not in _needs_more()]        # not "... -- that is, ...": "that is…"
    joins = [i for i, word in enumerate(kept[:-1]) if word.lower() in ("and", "but") and i >= limit // 2
             and kept[i + 1].lower() in _clause_subjects()]
    if ends:
        kept = kept[:ends[-1] + 1]
    elif joins:
        kept = kept[:joins[-1]]              # "... Korea and Thailand and this upgrade…": before the new clause
    else:
        while len(kept) > limit // 2 and (kept[-1].lower().strip(",;:") in _needs_more() or kept[-1] in _DASHES
                                          or _modifies_the_next(kept)):
            kept.pop()
    return " ".join(kept).rstrip(",;:") + "…"


@lru_cache(maxsize=1)
def _clause_subjects() -> frozenset[str]:
    """Words that open a clause's subject after "and" ("and this upgrade", "and we")."""
    table = data_file("questions/verbs")
    return frozenset(str(w) for w in table["pronouns"]) | {"the", "its", "his", "her", "their", "our", "my"}


def _modifies_the_next(words: list[str]) -> bool:
    """ "did not add up to a feasible…", "is fairly…": a word that only leads into the next."""
    last = words[-1].lower()
    if last.endswith("ly") and last.isalpha() and set(word_classes(last)) == {"ADV"}:
        return True
    return len(words) > 1 and words[-2].lower() in ("a", "an", "the") and ("NOUN" not in word_classes(last)
                                                                         or last in ("one", "same", "other"))


@lru_cache(maxsize=1)
def _needs_more() -> frozenset[str]:
    """Words a quotation cannot stop on: prepositions, determiners, auxiliaries, clause openers."""
    table = data_file("questions/verbs")
    return frozenset(str(w) for key in ("prepositions", "determiners", "auxiliaries", "clause_openers")
                     for w in table[key]) | {"be", "been", "being", "not"}
