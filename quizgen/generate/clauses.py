"""Questions built from a sentence's own words: its subject, verb and tense.

A fact's answer (a date, a number) stands somewhere in its sentence. The clause
that holds it is found, the answer taken out, and the clause turned into a
question the way English does it: "Britain takes over the presidency in July"
-> "does Britain take over the presidency". There is no parser, so the rules
are strict: where the clause is not plainly subject + verb + rest, nothing is
asked. Verb forms come from lemminflect's dictionary (lookup, not a model).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..extract.names import places
from ..lexicon import data_file, word_set
from ..numbers import parse_number
from .distractors import MONTHS, WEEKDAYS

MAX_SUBJECT_WORDS = 9
MAX_REST_WORDS = 16
_STRIP = ".,;:!?\"“”‘’()[]"
_DATE_PREPOSITIONS = {"in", "on", "at", "during"}
_CONVERSION = re.compile(r"\s*\([^()]*\d[^()]*\)")      # "(£48.5m)" beside a figure
_OBJECTS = {"them", "us", "him", "her", "me", "you", "ago", "i"}
_TWO_SENTENCES = re.compile(r"[a-z0-9%][.!?] [A-Z]")
_ATTRIBUTIVE_OPENERS = {"a", "an", "the", "its", "his", "her", "their", "our"}
_DATE_MODIFIERS = {"early", "late", "mid", "mid-", "earlier", "later"}
# A second time in a date question: a weekday, a month ("May" is a verb as often), a span.
_OTHER_TIME = re.compile(r"\b((this|last|next) (week|month|year)|yesterday|today|tomorrow|tonight|"
                         + "|".join([*WEEKDAYS, *(m for m in MONTHS if m != "May")])
                         + r"|(\d+|\w+-?\w*) (years|months|weeks|days))\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MAY_DAY = re.compile(r"\bMay \d{1,2}\b|\b\d{1,2} May\b")     # "May" left out of _OTHER_TIME: it is also a verb
_NEGATED = re.compile(r"\b(?:not|never|n't)\b")        # "When will X not compete?": when something did not happen
MAX_DATE_DISTANCE = 10      # words from the verb to the date: further off, it dates something else
_CHANGE_VERBS = {"rise", "fall", "increase", "decrease", "grow", "drop", "climb", "decline", "jump", "gain",
                 "slip", "slide", "surge", "ease", "dip", "shrink", "expand", "soar", "plunge", "tumble", "edge",
                 "widen", "narrow"}
_CHANGING_VERBS = {"raise", "cut", "lower", "boost", "reduce", "lift"}      # a change only with "by"


@dataclass(frozen=True)
class Asked:
    """A clause turned into the body of a question.

    `text` follows the question words: "did Britain take over the presidency of the EU"
    after "When", or "children live with foster families" after "How many".
    """

    text: str
    tense: str          # past, present or future: distractors keep to the same side of now


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    table = data_file("questions/verbs")
    return {key: frozenset(str(w) for w in values) for key, values in table.items()}


@lru_cache(maxsize=65536)
def word_classes(word: str) -> dict[str, tuple[str, ...]]:
    """The word classes a word can belong to, each with its lemmas: 'rose' -> NOUN rose, VERB rise."""
    from lemminflect import getAllLemmas      # a dictionary of some MB: loaded on first use
    return getAllLemmas(word)


@lru_cache(maxsize=65536)
def verb_tags(word: str) -> dict[str, str]:
    """The verb tags a word can carry, each with its lemma: 'rose' -> {'VBD': 'rise'}."""
    from lemminflect import getAllInflections
    word = word.lower()
    tags: dict[str, str] = {}
    for lemma in word_classes(word).get("VERB", ()):
        inflections = getAllInflections(lemma, upos="VERB")
        inflections.setdefault("VBN", inflections.get("VBD", ()))   # left out where it is the past form
        for tag, forms in inflections.items():
            if word in forms:
                tags.setdefault(tag, lemma)
    return tags


def is_noun(word: str) -> bool:
    return "NOUN" in word_classes(word.lower())


def is_word(word: str) -> bool:
    """A common word of English (not a name): 'Total' at a sentence's start may be written 'total'."""
    return bool(word_classes(word.lower()))


def _bare(token: str) -> str:
    return token.strip(_STRIP)


@dataclass
class _Tokens:
    """A sentence's words with their character offsets."""

    words: list[str]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> "_Tokens":
        found = list(re.finditer(r"\S+", text))
        return cls([m.group(0) for m in found], [m.start() for m in found])

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token indices [first, last) covering characters [start, end), or None when the answer
        does not stand as whole tokens (it is part of a word)."""
        first = next((i for i, s in enumerate(self.starts) if s == start or
                      (s < start < s + len(self.words[i]) and not self.words[i][:start - s].strip(_STRIP))), None)
        last = next((i + 1 for i, s in enumerate(self.starts) if s < end <= s + len(self.words[i])), None)
        if first is None or last is None or last <= first:
            return None
        tail = self.words[last - 1][end - self.starts[last - 1]:]
        if tail.strip(_STRIP + "'s") and not tail.startswith("-"):
            return None
        return first, last


def _finite(tokens: list[str], index: int) -> str:
    """'aux', 'past' or 'present' when tokens[index] can head the clause's verb group, else ''."""
    return _finite_between(tokens[index - 1] if index else "", tokens[index],
                           tokens[index + 1] if index + 1 < len(tokens) else "")


@lru_cache(maxsize=65536)
def _finite_between(before: str, token: str, after: str) -> str:
    """`_finite` reads only a word and its neighbours: asked once per triple."""
    word = _bare(token).lower()
    if not word or token[:1].isupper() and before:
        return ""
    if _bare(before).lower() in _words()["determiners"] or before.endswith(",") or \
            before.endswith(("'s", "’s")) and word not in _words()["auxiliaries"]:
        return ""               # "into Elan's accounts brought": after an owner comes a noun, not the verb
    if word in _words()["auxiliaries"]:
        return "aux"
    tags = verb_tags(word)
    if "VBD" in tags and not (is_noun(word) and set(verb_tags(_bare(after).lower())) & {"VBD"}
                              and not is_noun(_bare(after).lower())):
        return "past"               # not "Economic output declined": a noun, then the verb in the past
    if "VBZ" in tags and (not is_noun(word) or _bare(after).lower() in _words()["after_present"] or
                          before[:1].isupper() and _bare(before) not in places().demonyms) \
            and "VBD" not in verb_tags(_bare(after).lower()):
        return "present"            # not "US firms added": a verb in the past right after is the verb
    return ""


def _later_finite(tokens: list[str], start: int, end: int) -> bool:
    """Another verb group follows: the first 'verb' was a participle ('a man held in ...')."""
    for index in range(start, end):
        word = _bare(tokens[index]).lower()
        if word in _words()["clause_openers"] or tokens[index - 1].endswith((",", ";")):
            return False
        if word in _words()["auxiliaries"] or (_finite(tokens, index) == "present"):
            return True
    return False


def _clause_starts(tokens: list[str], before: int) -> list[int]:
    """Where a clause may begin before token `before`, innermost first."""
    return [start for start in _all_clause_starts(tuple(tokens)) if start < before]


@lru_cache(maxsize=4096)
def _all_clause_starts(tokens: tuple[str, ...]) -> tuple[int, ...]:
    """Every place a clause may begin in the sentence, last first: a sentence is asked about
    once per fact it holds, so this is worked out once."""
    openers = _words()["clause_openers"]
    starts = [0]
    seen_verb = False
    for index in range(1, len(tokens)):
        token = tokens[index - 1]
        word = _bare(token).lower()
        if not seen_verb and _finite(tokens, index - 1):
            seen_verb = True
        opens = word in openers and (word not in ("and", "but", "so") or seen_verb) and not (
            word == "and" and index >= 2 and tokens[index - 2][:1].isupper() and tokens[index][:1].isupper())
        # "a Richard and Judy book award": "and" between capitals joins one name, not two clauses
        if opens or token.endswith((",", ";", ":")) or token in ("-", "--", "—"):
            starts.append(index)
    return tuple(sorted(set(starts), reverse=True))


def _clause_end(tokens: list[str], after: int, answer: tuple[int, int] = (0, 0)) -> int:
    """The first token after `after` that begins something the question leaves out; the
    answer's own words (`answer`, taken out of the question) end the clause only with a comma."""
    for index in range(after, len(tokens)):
        if index in range(*answer):
            if index == answer[1] - 1 and tokens[index].endswith((",", ";", ":")):
                return answer[1]
            continue
        word = _bare(tokens[index]).lower()
        if word in ("and", "or") and _joins_one_phrase(tokens, index):
            continue
        if word in _words()["clause_closers"] or tokens[index] in ("-", "--", "—") or (
                word == "as" and index + 1 < len(tokens) and (tokens[index + 1][:1].isupper() or
                                                              _bare(tokens[index + 1]).lower() in _words()["pronouns"])):
            return index
        if tokens[index].endswith((",", ";", ":", "!", "?")):     # "." inside one sentence ends "U.K." only
            return index + 1
    return len(tokens)


@lru_cache(maxsize=1)
def _known_definites() -> frozenset[str]:
    return frozenset(map(str, data_file("questions/standalone")["known_definites"]))


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    return frozenset(map(str, data_file("questions/posts")["institution_words"])) | \
        frozenset(map(str, data_file("questions/standalone")["unnamed_capitalised"]))


def bare_definite(words: list[str]) -> bool:
    """'the department', 'the issue,': "the" and one common noun, a subject only the sentence
    before can name (questions/standalone.yaml); 'the police' is one every reader places."""
    if len(words) != 2 or words[0].lower() != "the":
        return False
    noun = _bare(words[1])
    if noun in _institutions() and noun.lower() not in _known_definites() and noun not in ("Senate", "Parliament"):
        return True             # "the Committee", "the Subcommittee": which, the sentence before named
    return noun.isalpha() and noun.islower() and noun not in _known_definites()


def opens_with_bare_definite(sentence: str) -> bool:
    """'The department estimated ...', 'The issue, for five ounces, ...', "The group's members met":
    the sentence's subject is a bare definite, followed by its verb or an aside, or owns the subject."""
    words = sentence.split()[:3]
    if len(words) >= 2 and words[1].endswith(("'s", "’s")) and bare_definite([words[0], words[1][:-2]]):
        return True             # "The group's members met ...": whose group, the sentence before says
    if len(words) < 3 or not bare_definite(words[:2]):
        return False
    return words[1].endswith(",") or _bare(words[2]).lower() in _words()["auxiliaries"] or \
        bool(verb_tags(_bare(words[2])).keys() & {"VBD", "VBZ", "VBP"})


def _joins_one_phrase(tokens: list[str], index: int) -> bool:
    """'Rock and Roll Hall of Fame', 'three or more insects', 'between 1989 and 2003': an 'and'
    or 'or' inside a name, an amount or a span, which a question cut there would leave half said."""
    if index == 0 or index + 1 >= len(tokens) or tokens[index - 1].endswith((",", ";", ":")):
        return False
    before, after = _bare(tokens[index - 1]), _bare(tokens[index + 1])
    return (before[:1].isupper() and after[:1].isupper() and not tokens[index - 1].endswith(("'s", "’s"))) \
        or after.lower() in ("more", "less", "fewer") or (before[:1].isdigit() and after[:1].isdigit())


def _subject(tokens: list[str]) -> str | None:
    """The subject's words as a question prints them, or None when it is a pronoun or not plain."""
    words = list(tokens)
    if words and words[-1].endswith(","):                  # "Mr Dahl, the minister," -> "Mr Dahl"
        opening = next(i for i, w in enumerate(words) if w.endswith(","))
        if opening == len(words) - 1:
            return None
        words = words[:opening + 1]
    if not words or len(words) > MAX_SUBJECT_WORDS or any(w.endswith((",", ";", ":")) for w in words[:-1]):
        return None
    text = " ".join(words).rstrip(",")
    if bare_definite(words):
        return None                 # "the department": which one, only the sentence before says
    if any(c in text for c in "\"“”()") or _OTHER_TIME.search(text):
        return None                 # "the duchy last year": the time belongs after the verb
    if _bare(words[0]).lower() in _words()["pronouns"] and (len(words) == 1 or _bare(words[1]).lower() == "and"):
        return None                 # "he", "he and three others": whom, the question cannot say
    first, lower = words[0], words[0].lower()
    if len(words) == 1 and first[:1].islower() and not first.endswith("s"):
        return None                 # "inquiry": a noun without its article is no subject
    last_word = _bare(words[-1])
    if last_word.lower() in _words()["determiners"] or (last_word.endswith("ly") and last_word.islower()) or (
            lower in ("this", "that", "these", "those") and (len(words) == 1 or
                                                              _bare(words[1]).lower() in _words()["prepositions"])):
        return None                 # "the originally", "those to Europe": no noun to ask about
    if _bare(lower) in _words()["prepositions"] | {"its", "his", "her", "their", "our"} or _finite(words, 0) == "aux":
        return None                 # "its seat load factor": whose, the question cannot say
    if first[:1].islower() and not (lower in _words()["determiners"] or first[:1].isdigit() or
                                    (is_noun(_bare(lower)) and not verb_tags(_bare(lower)).keys() & {"VBG", "VBN"})):
        return None                 # "according to figures ..." is no subject
    plural = is_noun(first) and first.lower() != first.lower().rstrip("s") and first[1:].islower() and \
        first not in places().country_of and first not in word_set("parties") and \
        not (len(words) > 1 and words[1][:1].isupper())             # "News Corp shares": a name's first word
    named_next = len(words) > 1 and words[1][:1].isupper() and words[1][1:].isalpha() and words[1][1:].islower()
    if len(words) > 1 and first[1:].islower() and not named_next and _describes(lower) and first not in places().demonyms:
        return None                 # "Unadjusted M-2 plus CDs": wire shorthand, its capital only the sentence's
    compound = "-" in first and first[1:] == first[1:].lower() and all(
        is_word(part) for part in _bare(lower).split("-"))             # "Goal-kickers Charlie Hodgson and ..."
    if lower in _words()["determiners"] | _words()["sentence_case_openers"] or plural or compound or \
            parse_number(lower) is not None or (
            len(words) > 1 and first[:1].isupper() and first[1:].islower() and all(w[:1].islower() for w in words[1:])
            and first not in places().country_of and (is_word(lower) or parse_number(lower) is not None)):
        text = lower + text[len(first):]
    return text


def _describes(word: str) -> bool:
    """An adjective or adverb no name is spelt like: "unadjusted", "seasonally" (not "Brown" or "Rose")."""
    classes = set(word_classes(word)) or (set(word_classes(word[2:])) if word.startswith("un") else set())
    return bool(classes) and "NOUN" not in classes and "PROPN" not in classes and classes <= {"ADJ", "ADV", "VERB"}


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    words = _words()
    return frozenset().union(*(words[key] for key in ("prepositions", "determiners", "adverbs", "clause_openers",
                                                      "pronouns", "auxiliaries")))


def has_a_finite_verb(sentence: str) -> bool:
    """A sentence, not a line of a list ("X AG's 100 mln dlrs of nine pct guaranteed eurobonds due 1997"):
    some word can head a verb group, and is not a participle describing the noun after it."""
    tokens = [_bare(token) for token in _Tokens.of(sentence).words]
    for index, token in enumerate(tokens):
        word = token.lower()
        if word in _words()["auxiliaries"]:
            return True
        tags = verb_tags(word) if token[:1].islower() else {}
        if not {"VBD", "VBZ", "VBP"} & set(tags):
            continue
        before = tokens[index - 1].lower() if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if following.isalpha() and following.islower() and not verb_tags(following) and \
                following not in _function_words() and (before in ("percent", "pct") or before[:1].isdigit()):
            continue                # "nine percent guaranteed eurobonds": a participle before its noun
        return True
    return False


def _participle_phrase(tokens: list[str], start: int, verb: int, subject: str, end: int) -> bool:
    """'the operation launched into Iraq', ', a rise compared with ...': a participle, not the clause's verb;
    but 'the harbour reopened on Tuesday' is a clause (not 'down on the record high set in October', nor
    'the paper issued in March raised 147 million', whose verb comes later, nor 'the plan launched in July by',
    nor 'the 1.97 billion dollars spent in 1986': an amount does nothing)."""
    tags = verb_tags(_bare(tokens[verb]))
    if not ({"VBD", "VBN"} <= tags.keys()):
        return False
    after_comma = start > 0 and tokens[start - 1].endswith(",") and any(_finite(tokens, i) for i in range(start))
    following = _bare(tokens[verb + 1]).lower() if verb + 1 < len(tokens) else ""
    later = [_bare(t).lower() for t in tokens[verb + 2:end]]
    words = subject.split()
    adjunct = following in _words()["adjunct_prepositions"] and (
        words[0] in ("the", "a", "an") or any(w[:1].isupper() for w in words[1:])) and \
        not any(c.isdigit() for c in subject) and "by" not in later and not any("VBD" in verb_tags(word) and before != "to"
                                      for before, word in zip([following, *later], later))
    return after_comma or (subject[:1].islower() and following in _words()["prepositions"] and not adjunct)


def _verb_group(tokens: list[str], verb: int, kind: str) -> tuple[str, list[str], str, int] | None:
    """The word that goes before the subject, the words that stay after it, the tense, and how
    many words after the verb the group took in."""
    word = _bare(tokens[verb]).lower()
    if kind == "aux":
        following = _bare(tokens[verb + 1]).lower() if verb + 1 < len(tokens) else ""
        participle = verb_tags(following).get("VBN")
        if word in ("has", "have", "had") and participle and following != "been":
            return "did", [participle], "past", 1          # "When did X warn ...?", not "When had X warned ...?"
        if word in ("do", "does", "did") and "VB" in verb_tags(following):
            return word, [], "past" if word == "did" else "present", 0     # "does reach": "does X reach"
        if word in ("has", "have", "had", "do", "does", "did") and not (
                following in _words()["adverbs"] or following in ("been", "not") or "VBN" in verb_tags(following)):
            lexical = {"has": ("does", "have"), "have": ("do", "have"), "had": ("did", "have"),
                       "do": ("do", "do"), "does": ("does", "do"), "did": ("did", "do")}[word]
            return lexical[0], [lexical[1]], "past" if word in ("had", "did") else "present", 0
        tense = "past" if word in ("was", "were", "had", "did", "could", "would", "might") else (
            "future" if word in ("will", "shall") else "present")
        if word in ("is", "are") and following in ("due", "set", "expected", "scheduled", "to"):
            tense = "future"
        if word in ("would",) and following in ("be",) and tokens[verb + 2:verb + 3] == ["due"]:
            tense = "future"
        return word, [], tense, 0
    lemma = verb_tags(word).get("VBD" if kind == "past" else "VBZ")
    if not lemma:
        return None
    return ("did" if kind == "past" else "does"), [lemma], "past" if kind == "past" else "present", 0


def _invert(tokens: list[str], start: int, drop: tuple[int, int]) -> Asked | None:
    """The clause that starts at tokens[start], with tokens[drop] taken out, as an inverted question body."""
    if start >= len(tokens):
        return None             # "KESSEL MARKETS CLOSE - April 7": the date is all there is
    if _finite(tokens, start) == "aux" or _bare(tokens[start]).lower() in _words()["prepositions"] or \
            start and _bare(tokens[start - 1]).lower() in _words()["hypothetical"]:
        return None             # "If the song does reach number one on Sunday": it may not
    verb = next((i for i in range(start + 1, min(len(tokens), start + MAX_SUBJECT_WORDS + 1))
                 if i not in range(*drop) and _finite(tokens, i)), None)
    if verb is None or (start < drop[0] < verb and verb != drop[1]):
        return None             # the answer must follow the verb, or stand just before it ("X on Monday said")
    end = _clause_end(tokens, verb + 1, drop)
    if end < len(tokens) and tokens[end - 1].endswith(",") and _bare(tokens[end])[:1].isdigit():
        return None             # "in a time of one minute, 47.97 seconds": a figure cut in two
    subject_tokens = [t for i, t in enumerate(tokens[start:verb], start) if i not in range(*drop)]
    adverbs = []
    while subject_tokens and _bare(subject_tokens[-1]).lower() in _words()["adverbs"]:
        adverbs.insert(0, subject_tokens.pop())      # "He also declares" -> "does he also declare"
    if any(_bare(t).lower() in _words()["clause_closers"] - {"and"} for t in subject_tokens):
        return None
    if any(_bare(token) == "to" and following.islower() and "VB" in verb_tags(_bare(following))
           and not is_noun(_bare(following)) for token, following in zip(subject_tokens, subject_tokens[1:])):
        return None             # "officials to discuss ... alleged": an infinitive, so the verb found is not the clause's
    subject = _subject(subject_tokens)
    if subject is None:
        return None
    if "VBN" in verb_tags(_bare(tokens[verb])) and _later_finite(tokens, verb + 1, end):
        return None
    group = _verb_group(tokens, verb, _finite(tokens, verb))
    if group is None:
        return None
    moved, kept, tense, took = group
    rest = [t for i, t in enumerate(tokens[verb + 1 + took:end], verb + 1 + took) if i not in range(*drop)]
    verb_word = (kept or [moved])[-1]
    said_where = bool(rest) and len(rest) <= 4 and _bare(rest[0]).lower() in _words()["prepositions"] and \
        verb_word in _words()["saying"]                                         # "say in a statement"
    if len(rest) > MAX_REST_WORDS or (not rest and verb_word in _words()["reporting"]) or said_where or \
            (kept or [moved])[-1] in _words()["telling"]:
        return None             # "When did X warn?", "When did Boeing say in a statement?", "When did Macron
                                # tell the world?": what was said is the point, and it is left out
    if rest and _bare(rest[-1]).lower() in _words()["prepositions"] | _words()["determiners"] | \
            _words()["auxiliaries"] or "between" in rest:
        return None             # "... revise its forecast up to between 2.4": the clause was cut short
    if _participle_phrase(tokens, start, verb, subject, end):
        return None
    words = [moved, subject, *adverbs, *kept, *rest]
    text = _CONVERSION.sub("", " ".join(w for w in words if w)).rstrip(",;:.")
    if not _balanced(text):
        return None
    return Asked(text, tense)


def _locate(sentence: str, start: int, end: int) -> tuple[list[str], int, int] | None:
    """The sentence's words and the answer's first and last-plus-one word, or None."""
    tokens = _Tokens.of(sentence)
    span = tokens.span(start, end)
    return None if span is None else (tokens.words, *span)


def ask_when(sentence: str, start: int, end: int) -> Asked | None:
    """The question body for 'When ...?' about the date at sentence[start:end], or None."""
    located = _locate(sentence, start, end)
    if located is None:
        return None
    words, first, last = located
    if words[last - 1].endswith(("'s", "’s")):
        return None                 # "miss Saturday's game": the date names the game, cut out it leaves "miss game"
    following = [_bare(w) for w in words[last:last + 2]]
    if words[last - 1].endswith(",") and following[:1] and following[0] in (*MONTHS, *WEEKDAYS) or \
            following[:1] == ["and"] and following[1:] and following[1] in (*MONTHS, *WEEKDAYS):
        return None                 # "rises in June, August, September and November": which one?
    while first > 0 and _bare(words[first - 1]).lower() in _DATE_MODIFIERS:
        first -= 1
    right_after_a_verb = first > 0 and bool(verb_tags(_bare(words[first - 1]).lower()))
    if first > 1 and _bare(words[first - 1]).lower() in _DATE_PREPOSITIONS and _from_a_figure(words[max(0, first - 5):first - 1]):
        return None                 # "rose to 53.51 bln from 53.17 bln in December": the old figure's month
    if first > 0:
        before = _bare(words[first - 1]).lower()
        if before in _DATE_PREPOSITIONS:
            first -= 1
            if first > 0 and _bare(words[first - 1]).lower() in _DATE_MODIFIERS:
                return None                 # "early in 1987": a time of something else in the clause
        elif before in _words()["prepositions"] | {"till", "ended", "ending", "than", "and", "or", "around", "circa"} \
                or words[first - 1].endswith("'s") or verb_tags(before).keys() & {"VBD", "VBZ", "VBP", "VB"} and \
                next(iter(verb_tags(before).values())) in ("spend", "take", "last", "wait", "need", "give"):
            return None                     # "spent last week meeting ...": the time is what was spent
    if any(_bare(w)[:1].isdigit() for w in words[last:last + 1]):
        return None                                    # "in 1998 20 people ..."
    if last < len(words) and words[last - 1] == _bare(words[last - 1]) and (
            words[last] == "of" or words[last] == "as" and right_after_a_verb):
        return None                                    # "approval on March 5 of a loan", "designated 2 May as":
                                                       # the date is a noun's, or the verb's object
    if first > 0 and _bare(words[first - 1]).lower() in _ATTRIBUTIVE_OPENERS and last < len(words) \
            and words[first - 1] == _bare(words[first - 1]) and words[last].islower() and is_noun(_bare(words[last])):
        return None                                    # "a September 1986 agreement": the date names the thing
    ends_clause = words[last - 1].endswith(",")
    if first == 0 or (first > 0 and words[first - 1].endswith(",")) and ends_clause:
        # The date opens the clause ("On Monday, a delegation visited ..."): the clause follows it.
        if first > 0 and {"VBN", "VBG"} & set(verb_tags(_bare(words[0]).lower())):
            return None             # "Born in Luton, on 5 April 1920, Hailey was the only child": the date is
                                    # the opening phrase's, not the clause's
        return _one_time(_invert(words, last, (last, last)), sentence[start:end])
    for clause_start in _clause_starts(words, first):
        if clause_start == first:
            continue
        between = words[clause_start:first]
        if any(_bare(w).lower().endswith("ing") and verb_tags(_bare(w)).get("VBG") for w in between[1:]):
            return None
        if _dates_something_else(words, clause_start, first, last):
            return None
        asked = _invert(words, clause_start, (first, last))
        if asked is not None:
            return _one_time(_no_verb_between(words, clause_start, first, asked), sentence[start:end])
    return None


def _after_preposition(words: list[str], index: int) -> bool:
    """ "in Northampton's defeat", "after the match": a noun in a phrase of its own, not the verb's object."""
    for back in range(index - 1, max(index - 5, -1), -1):
        word = _bare(words[back]).lower()
        if word in _words()["adjunct_prepositions"] or word in ("following", "ahead"):
            return True
        if words[back] != _bare(words[back]) or not (word in _words()["determiners"] or words[back].endswith("'s")
                                                     or not verb_tags(word)):
            return False
    return False


def _dates_something_else(words: list[str], clause_start: int, first: int, last: int) -> bool:
    """The date is an event's named before it ("in Northampton's defeat by Saracens on 5 February"), or the
    subject's ("Floods in 1938 saw it put back"), not the clause verb's."""
    for index in range(clause_start + 1, first):
        heads_its_phrase = index + 1 == first or _bare(words[index + 1]).lower() in _words()["prepositions"]
        if _bare(words[index]).lower() in _words()["event_nouns"] and heads_its_phrase and \
                _after_preposition(words, index):
            return True                 # not "Nokia's N-Gage game phone": "game" names no event there
    verb_before = any(_finite(words, i) for i in range(clause_start + 1, first))
    if not verb_before or last >= len(words) or words[last - 1] != _bare(words[last - 1]):
        return False
    after = _finite(words, last)
    return after == "aux" or after == "past" and "VBN" not in verb_tags(_bare(words[last]).lower())   # not "compared"


def _from_a_figure(words: list[str]) -> bool:
    """ "from 53.17 billion dollars": the words end on a figure that "from" opens."""
    bare = [_bare(w).lower() for w in words]
    if "from" not in bare:
        return False
    after = bare[len(bare) - 1 - bare[::-1].index("from") + 1:]
    return bool(after) and after[0][:1].isdigit() and all(w == _bare(w) for w in words[-len(after):])


def _one_time(asked: Asked | None, answer: str) -> Asked | None:
    """No second time in the question ("In what year would inflation this year be lower?", "When will
    the dividend be paid on May 13 ...?")."""
    if asked is None or _OTHER_TIME.search(asked.text) or _MAY_DAY.search(asked.text) or _NEGATED.search(asked.text) or (YEAR.search(answer) and (
            YEAR.search(asked.text) or re.search(r"\byear\b", asked.text))):
        return None             # "In what year did gadgets have a phenomenal year?"
    if bare_definite(asked.text.split()[-2:]):
        return None             # "When did he leave the club?": which club, the story said before
    if asked.text.endswith("for the first time"):
        return None             # "... for the first time [since November]": the clause cut what made it true
    return asked


def _no_verb_between(words: list[str], start: int, answer: int, asked: Asked) -> Asked | None:
    """The date belongs to the clause's verb, not to a later one ('found guilty of raping ... in 2014',
    'the detainees freed last month')."""
    verb = next((i for i in range(start + 1, answer) if _finite(words, i)), answer)   # or "X on Monday said"
    if answer - verb > MAX_DATE_DISTANCE:
        return None
    index = verb + 1
    while index < answer and _bare(words[index]).lower() in _words()["adverbs"] | {"be", "been", "being", "not"}:
        index += 1
    if index < answer and {"VBN", "VBG"} & set(verb_tags(_bare(words[index]))):
        index += 1                      # the verb group's own participle: "was released", "is seeking"
    elif index < answer and _bare(words[index]).lower() in ("due", "expected", "set", "scheduled") and \
            index + 2 < answer and _bare(words[index + 1]).lower() == "to":
        index += 3                      # "is due to meet"
    elif (_bare(words[verb]).lower() in ("is", "are", "was", "were") or _bare(words[index - 1]).lower() in ("been", "be")) \
            and index < answer:
        return None                     # "When is X the first of ...?", "When will X be at home?": a copula asks about no event
    for position in range(index, answer):
        word = _bare(words[position]).lower()
        tags = verb_tags(word)
        if word in _words()["clause_openers"] and not (word in ("and", "or") and _joins_one_phrase(words, position)) \
                or {"VBD", "VBN", "VBG"} & set(tags) and word != "during":
            return None
        if word == "to" and position + 1 < answer and "VB" in verb_tags(_bare(words[position + 1])):
            return None
    return asked


@dataclass(frozen=True)
class NumberAsked:
    """Where a number stood and what the question keeps of its phrase."""

    asked: Asked
    position: str       # "subject", "object" or "change" (after 'rose', 'fell')
    counted: str        # the counted words that follow "How many": "U.S. troops"


def ask_about_number(sentence: str, start: int, end: int, unit_words: int, unit: str) -> NumberAsked | None:
    """The question body for 'How many / How much ...?' about the number at sentence[start:end].

    `unit_words` is how many words after the number belong to the answer (currency words
    such as "dollars", "percent"); the counted noun (`unit`) moves to the front of the question.
    """
    located = _locate(sentence, start, end)
    if located is None:
        return None
    words, first, last = located
    if any(_bare(w).lower() in _words()["narrowing"] for w in words[:first]):
        return None                 # "Excluding defense, orders fell 0.2 pct": not orders as a whole
    last = min(len(words), last + unit_words)
    if first > 0 and _bare(words[first - 1]).lower() in _words()["hedges"]:
        first -= 1
        if first > 0 and _bare(words[first - 1]).lower() in ("an", "than", "to", "at"):
            return None
    existential = first >= 2 and _bare(words[first - 2]).lower() == "there" and \
        _bare(words[first - 1]).lower() in ("is", "are", "was", "were")
    if existential:
        return _existential(words, first - 2, last, unit)
    intro = words[:first - 1] if first and words[first - 1].endswith(",") else None
    opening = first == 0 or _bare(words[first - 1]).lower() in ("that", "said", "says") or (
        intro is not None and len(intro) < 5 and not any(_finite(words, i) for i in range(first)) and
        not any(c.isdigit() or c in "()" for c in " ".join(intro)))          # "In addition, £13.4m will come ..."
    if opening:
        verb = next((i for i in range(last, min(len(words), last + 6)) if _finite(words, i) or
                     ("VBP" in verb_tags(_bare(words[i])) and _bare(words[i - 1]).lower() == unit.lower()
                      and not words[i][:1].isupper())), None)
        if verb is None or any(w.endswith(",") for w in words[last:verb]) or \
                ("VBN" in verb_tags(_bare(words[verb])) and _later_finite(words, verb + 1, len(words))):
            return None             # "$2bn damage caused by hurricanes was ...": a participle, not the verb
        end_at = _clause_end(words, verb + 1)
        counted, rest = words[last:verb], words[verb:end_at]
        text = " ".join(rest).rstrip(",;:.")
        plain = all(re.fullmatch(r"[\w'.-]+", w) and _bare(w).lower() not in _words()["pronouns"] | _OBJECTS
                    for w in counted)
        if not _balanced(text) or len(rest) > MAX_REST_WORDS or len(rest) < 2 or len(counted) > 6 or not plain or \
                _bare(rest[-1]).lower() in _words()["auxiliaries"] | _words()["prepositions"]:
            return None             # "Two years ago I decided ...", "(£2.8bn) it supposedly held ..."
        group = _verb_group(words, verb, _finite(words, verb) or "past")
        return NumberAsked(Asked(text, group[2] if group else "present"), "subject",
                           " ".join(counted))
    for clause_start in _clause_starts(words, first):
        if clause_start >= first:
            continue
        verb = next((i for i in range(clause_start + 1, first) if _finite(words, i)), None)
        if verb is None:
            continue
        between = [_bare(w).lower() for w in words[verb + 1:first]]
        lemma = next(iter(verb_tags(_bare(words[verb])).values()), "")
        if (lemma in _CHANGE_VERBS and between == []) or (lemma in _CHANGE_VERBS | _CHANGING_VERBS and between == ["by"]):
            if last < len(words) and unit and _bare(words[last]).lower() == unit.lower():
                return None         # "rose 225 points": "By how much did it rise points?" is no question
            asked = _invert(words, clause_start, (verb + 1, last))
            return NumberAsked(asked, "change", "") if asked else None
        if between or lemma in _CHANGE_VERBS or lemma in ("be", "say"):
            return None
        noun_end = _of_phrase(words, next((i + 1 for i in range(last, min(len(words), last + 4))
                                            if unit and _bare(words[i]).lower() == unit.lower()), last))
        following = _bare(words[noun_end]).lower() if noun_end < len(words) else ""
        if following == "ago" or verb_tags(following).keys() & {"VBN", "VBG"}:
            return None             # "observed 12 proteins found only in ...", "set 1,000 years ago"
        asked = _invert(words, clause_start, (first, noun_end))
        return NumberAsked(asked, "object", " ".join(words[last:noun_end]).rstrip(",;:.")) if asked else None
    return None


def _existential(words: list[str], there: int, last: int, unit: str) -> NumberAsked | None:
    """'There are some 37,000 U.S. troops stationed in South Korea' -> 'U.S. troops are stationed in ...'."""
    noun_end = next((i + 1 for i in range(last, min(len(words), last + 4))
                     if unit and _bare(words[i]).lower() == unit.lower()), None)
    if noun_end is None or words[noun_end - 1].endswith(","):
        return None
    end_at = _clause_end(words, noun_end)
    rest = words[noun_end:end_at]
    if not rest or len(rest) > MAX_REST_WORDS:
        return None
    be = _bare(words[there + 1]).lower()
    text = " ".join([be, *rest]).rstrip(",;:.")
    if not _balanced(text):
        return None
    tense = "past" if be in ("was", "were") else "present"
    return NumberAsked(Asked(text, tense), "subject", " ".join(words[last:noun_end]))


def _of_phrase(words: list[str], end: int) -> int:
    """'tonnes' -> 'tonnes of butter', 'games' -> 'games developers': what is counted goes with the question word."""
    while end < len(words) and not words[end - 1].endswith((",", ";", ":")) and words[end][:1].islower() and \
            is_noun(_bare(words[end])) and not verb_tags(_bare(words[end])) and \
            _bare(words[end]).lower() not in _words()["prepositions"] | _words()["clause_closers"]:
        end += 1
    if end >= len(words) or _bare(words[end]).lower() != "of" or words[end - 1].endswith(","):
        return end
    for index in range(end + 1, min(len(words), end + 5)):
        word = _bare(words[index]).lower()
        if word in _words()["prepositions"] or word in _words()["clause_closers"] or _finite(words, index):
            return index if index > end + 1 else end
        if words[index].endswith((",", ";", ":")) or index == len(words) - 1:
            return index + 1
    return end


def _balanced(text: str) -> bool:
    """Quotes closed, and one sentence only (the extractor's 'sentence' is sometimes two)."""
    if _TWO_SENTENCES.search(text) or text.count("(") != text.count(")"):
        return False
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0
