"""What phrasing, conditions and distractors need to know about the whole story."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..answers import normalize, surname
from ..extract.names import places
from ..lexicon import data_file, word_set
from ..models import Fact, Story
from .clauses import verb_tags, word_classes
from .distractors import StoryPools


@dataclass
class StoryContext:
    story: Story
    facts: list[Fact]
    pools: StoryPools
    titles_by_person: dict[str, set[str]] = field(default_factory=dict)
    holders_by_title: dict[str, set[str]] = field(default_factory=dict)
    partners: dict[str, set[str]] = field(default_factory=dict)
    meetings: dict[str, list[Fact]] = field(default_factory=dict)
    destinations: dict[str, set[str]] = field(default_factory=dict)
    _records: dict[int, dict] = field(default_factory=dict)

    @classmethod
    def build(cls, story: Story, facts: list[Fact]) -> "StoryContext":
        context = cls(story, facts, StoryPools.from_facts(facts, looks_like_person))
        for fact in facts:
            s = fact.slots
            if fact.type == "role":
                context.titles_by_person.setdefault(s["person"], set()).add(s["title"])
                context.holders_by_title.setdefault(normalize(s["title"]), set()).add(s["person"])
            elif fact.type == "meeting":
                for person in s["people"]:
                    context.partners.setdefault(person, set()).update(p for p in s["people"] if p != person)
                    context.meetings.setdefault(person, []).append(fact)
            elif fact.type == "visit":
                context.destinations.setdefault(s["person"], set()).add(s["place"])
        return context

    @cached_property
    def names(self) -> frozenset[str]:
        """The story's people (whole, first and last words), places and organisations, as a
        sentence may open with them."""
        found: set[str] = set(self.pools.places)
        for person in self.pools.people:
            words = person.split()
            found.update({person, words[0], words[-1]})
        found.update(str(f.slots["org"]) for f in self.facts if f.type == "role" and f.slots.get("org"))
        return frozenset(found)

    @cached_property
    def given_names(self) -> dict[str, set[str]]:
        """Each capitalised word the story writes after another: "Hendrix" -> {"Jimi", "Janie"} (read
        once per story). Words the story also writes in lower case are no given names ("But Ferguson")."""
        text = self.story.text
        found: dict[str, set[str]] = {}
        for given, name in _NAME_PAIR.findall(text):
            if f" {given.lower()} " not in text:
                found.setdefault(name, set()).add(given)
        return found

    @cached_property
    def _leaving_sentences(self) -> list[str]:
        """The sentences that speak of a death or a departure at all: most stories have none."""
        mention = _leaving_mention()
        return [sentence.text for sentence in self.story.sentences if mention.search(sentence.text)]

    def out_of_post(self, person: str) -> bool:
        """Whether the story reports `person` dead or gone ("Soleimani was killed", "the death of
        Bashir", "Volker, the envoy, resigned"): their posts are past, so the present-tense role
        questions are not asked of them."""
        name = surname(person) or person
        texts = [_RELATIVE_ASIDE.sub(",", text) for text in self._leaving_sentences if name in text]
        if not texts:
            return False
        verbs, nouns = _leaving_patterns()
        name = re.escape(name)
        after = re.compile(rf"\b{name}\b(?:(?!{_NEW_CLAUSE})[^.;]){{0,80}}?\b(?:{verbs})\b")
        before = re.compile(rf"\b(?:{nouns})\s+(?:of\s+)?(?:[A-Z][\w.'-]*\s+){{0,3}}{name}\b")
        return any(after.search(text) or before.search(text) for text in texts)

    def record(self, fact: Fact) -> dict:
        """The fact's bank form (with its id), computed once: every question of the fact keeps a copy."""
        if id(fact) not in self._records:
            self._records[id(fact)] = fact.to_dict()
        return self._records[id(fact)]

    def sentence_before(self, fact: Fact) -> str:
        """The story's sentence before the fact's: a quotation often speaks of whom it names."""
        before = ""
        for sentence in self.story.sentences:
            if sentence.start >= fact.start:
                return before
            before = sentence.text
        return ""

    def named_with(self, person: str) -> set[str]:
        """People named in a sentence that also names `person`: a false statement never pairs
        them, because the story may well say they met, spoke or travelled together."""
        keys = {normalize(person), normalize(surname(person) or person)}
        near: set[str] = set()
        for sentence in self.story.sentences:
            padded = f" {normalize(sentence.text)} "
            if any(f" {k} " in padded for k in keys if k):
                near.update(p for p in self.pools.people if f" {normalize(surname(p) or p)} " in padded)
        return near


_CAMEL = re.compile(r"^(?!Mc|Mac|O'|De|Di|Le|La|Van|Von)[A-Z][a-z]+[A-Z]")


_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+) (?=([A-Z][\w'’-]*)\b)")

# Between a name and "died" or "resigned", a word that opens another clause gives the verb another
# subject: "Minnis said that twenty people were killed", "Johnson ... after May stepped down".
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose)\b[^,]*,")    # "Tellier, who was also president, left"
_NEW_CLAUSE = r"\b(?:said|says|told|that|who|which|when|after|before|because|while|as|and|but)\b"


@lru_cache(maxsize=1)
def _leaving_mention() -> re.Pattern[str]:
    verbs, nouns = _leaving_patterns()
    return re.compile(rf"\b(?:{verbs}|{nouns})\b")


@lru_cache(maxsize=1)
def _leaving_patterns() -> tuple[str, str]:
    table = data_file("questions/posts")
    return ("|".join(re.escape(str(w)) for w in table["leaving_verbs"]),
            "|".join(re.escape(str(w)) for w in table["leaving_nouns"]))


@lru_cache(maxsize=1)
def _not_person_words() -> frozenset[str]:
    return word_set("questions/not_person_words")


def looks_like_person(name: str) -> bool:
    """'Madeleine Albright', not 'Exporting Countries' or 'Fair Trials Abroad'."""
    words = str(name).split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w.lower() not in ("de", "van", "von", "al", "bin")):
        return False
    if any(w.strip(".,") in _not_person_words() or w.strip(".,") in word_set("organisations") for w in words) \
            or str(name) in places().names:
        return False
    if any(_CAMEL.search(w) for w in words):
        return False                    # "ClearView Economics", "PaineWebber": a firm
    first = words[0].lower()
    if "VBG" in verb_tags(first):
        return False                    # "Ending Clergy Abuse": a campaign, not a person
    return len(first) < 6 or set(word_classes(first)) != {"ADJ"}   # "Defiant Matt Williams", not "Matt Williams"
