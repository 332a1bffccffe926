"""Quotes: 'Who said: “...”?' for a whole statement, 'Who described the US as “...”?' for a fragment."""
from __future__ import annotations

import random
import re

from ...answers import find_span, normalize, surname
from ...lexicon import word_set
from ..clauses import verb_tags
from ..wire import plain_words, tidy
from .base import Phrasing, trim_words

QUOTE_WORDS = 25
SHORT_QUOTE_WORDS = 8          # under this, a quotation that speaks of "they" or "him" says too little alone
MATCHING_WORDS = 12
MATCHING_MIN_WORDS = 4
FRAME_WORDS = 12
_OPEN = "\"“"
_END_STOP = re.compile(r"[.,;:]+(['’]?)$")
_REPORTED = re.compile(r"(He|She|They|It|We) (said|says|added|told|stressed|noted|argued)\b")
_PERSONAL = {"he", "she", "they", "them", "him", "her", "it", "we", "us", "i", "you"}
_THIRD_PERSON = {"he", "she", "they", "them", "him", "her", "his", "their", "it"}
_CUT_AFTER = {"a", "an", "the", "of", "to", "and", "or", "but", "like", "i.e", "e.g", "with", "for", "in", "on", "at",
              "by", "that", "which", "is", "are", "was", "were", "my", "our", "their", "his", "her", "its"}


class QuotePhrasing(Phrasing):
    fact_type = "quote"
    derived = ("quote", "frame")
    conditions = ("full_quote", "framed_quote")

    def values(self, fact, context):
        values = super().values(fact, context)
        if _REPORTED.match(str(fact.slots["text"]).lstrip(_OPEN)):
            return None                     # "He said the 16.51 percent drop ...": the reporter's words
        values["person"] = fact.slots["speaker"]
        # No full stop or comma before the closing mark: 'Who said: “... our plants”?', not 'plants.”?'.
        values["quote"] = _END_STOP.sub(r"\1", trim_words(str(fact.slots["text"]).strip(), QUOTE_WORDS))
        values["frame"] = frame(fact) or ""
        return values

    def holds(self, condition, fact, values, context):
        words = str(fact.slots["text"]).split()
        name = surname(fact.slots["speaker"]) or fact.slots["speaker"]
        names_speaker = normalize(name) in normalize(fact.slots["text"]).split()
        if condition == "full_quote":        # a statement, not a fragment, that does not name its speaker
            whole = words[-1].strip(".,!?\"'”").lower() not in _CUT_AFTER if words else False
            vague = len(words) < SHORT_QUOTE_WORDS and any(
                w.strip(".,!?;:\"'“”").lower() in _THIRD_PERSON for w in words)    # "If they want to, that's fine"
            return len(words) >= 5 and words[0][:1].isupper() and not names_speaker and whole and not vague \
                and _has_a_verb(words)
        if condition == "framed_quote":      # a fragment, with the words that frame it
            return bool(values["frame"]) and not (len(words) >= 5 and words[0][:1].isupper()) and not names_speaker
        return False

    def matching_pair(self, fact, context):
        """A speaker and the start of what they said; a word or two ("scorching") is no statement, and
        a fragment of reported speech ("acted in a racist way", of "no one felt he had ...") needs its frame."""
        text = str(fact.slots["text"])
        if len(text.split()) < MATCHING_MIN_WORDS or text[:1].islower() or self.values(fact, context) is None:
            return None
        return str(fact.slots["speaker"]), plain_words(trim_words(text, MATCHING_WORDS))

    def also_true(self, fact, template, values, context):
        """The speaker, and anyone the quotation names: "Corbyn wants to cancel ..." is not Corbyn's."""
        return (values["person"], *_named_in(str(fact.slots.get("text") or ""), context.pools.people))

    def ruled_out(self, fact, template, values, context, rng: random.Random):
        """Another person of the story, whom the quotation cannot give away: not anyone it names or
        speaks of ("with Alfonso", "approached him" after "When Mr Blair came in"), nor anyone whose
        side it names ("Arsenal are capable of scoring against us" is not Arsenal's manager's)."""
        speaker = normalize(surname(fact.slots["speaker"]) or fact.slots["speaker"])
        text = str(fact.slots["text"])
        spoken_of = _named_in(f"{context.sentence_before(fact)} {fact.sentence}", context.pools.people)
        words = f" {normalize(text)} "
        sides = {str(f.slots["person"]) for f in context.facts if f.type == "role" and f.slots.get("org")
                 and f" {normalize(str(f.slots['org']))} " in words}
        if _SHE.search(text):            # "If she were to change her tactics": not a woman of the story's
            spoken_of |= {p for p in context.pools.people if p.split()[0] in word_set("female_names")}
        others = [p for p in context.pools.people_with_roles or context.pools.people
                  if normalize(surname(p) or p) != speaker and p not in spoken_of and p not in sides]
        return {"speaker": rng.choice(sorted(set(others)))} if others else None


_SHE = re.compile(r"\b(?:[Ss]he|her|herself)\b")


def _named_in(text: str, people: list[str]) -> set[str]:
    """The people any of whose names the text uses: the surname, or the given name alone ("Alfonso")."""
    words = set(normalize(text).split())
    return {p for p in people if any(len(w) > 2 and w in words for w in normalize(p).split())}


def _has_a_verb(words: list[str]) -> bool:
    """ "Syria's role in steadfastness and liberation" is a phrase the speaker used, not a statement:
    a statement has a finite verb (a contraction counts: "It's over", "we'll see")."""
    for word in words:
        bare = word.strip(".,!?;:\"'“”‘’()").lower().replace("’", "'")
        if bare.endswith(_CONTRACTED_VERBS) or bare in _VERB_S or bare in _MODALS or \
                {"VBD", "VBZ", "VBP"} & verb_tags(bare).keys():
            return True
    return False


_MODALS = {"will", "would", "can", "could", "may", "might", "shall", "should", "must"}
_CONTRACTED_VERBS = ("n't", "'re", "'ve", "'ll", "'m", "'d")
_VERB_S = {"it's", "that's", "there's", "here's", "what's", "he's", "she's", "who's", "where's", "let's"}  # not "Syria's"


def frame(fact) -> str | None:
    """The words between the speaker and a quoted fragment, when the speaker opens the sentence:
    'Mr Lloyd called the announcement "hugely disappointing"' -> 'called the announcement'."""
    sentence = tidy(fact.sentence)
    quote = str(fact.slots["text"]).strip()
    at = sentence.find(quote)
    if at < 1 or sentence[at - 1] not in _OPEN:
        return None
    head = sentence[:at - 1].rstrip()
    name = surname(fact.slots["speaker"]) or fact.slots["speaker"]
    named = find_span(head, name)
    if named < 0 or any(c in head[:named] for c in ",;:\"“”"):
        return None
    words = head[named + len(name):].split()
    if not words or len(words) > FRAME_WORDS or any(c in " ".join(words) for c in ",;:\"“”()"):
        return None
    if "VBD" not in verb_tags(words[0]) and "VBZ" not in verb_tags(words[0]):
        return None                      # the speaker is not the subject of a verb that follows
    if any(w.lower() in _PERSONAL for w in words) or words[0].lower() in ("is", "was", "are", "were"):
        return None                      # "Who told them ...", "Who is “trying ...”": whom or what, unclear
    after = sentence[at + len(quote):].lstrip("\"”'’ ")
    if after and after[0] not in ".,;:!?":
        return None                      # the fragment does not end its phrase
    return " ".join(words)


PHRASING = QuotePhrasing()
