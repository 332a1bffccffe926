"""Wire copy made fit to print: a question never carries a dateline, "dlrs" or "the U.S. Was".

Only what a student reads is tidied (stems, clozes, statements); a question's `source`
stays the story's own text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import data_file, word_set
from ..numbers import parse_number
from ..stories import dateline_length, strip_markup
from .clauses import word_classes
from .distractors import MONTHS, WEEKDAYS

_PLACE_DATELINE = re.compile(r"^[A-Z][A-Z.']+(?: [A-Z][A-Z.']+){0,3} (?:-|--|\u2013|\u2014) (?=[A-Z])")
_MIXED_DATELINE = re.compile(r"^[A-Z][A-Za-z.' ]{1,30}, (?:[A-Z][a-z]{2,8}\.?) \d{1,2} *(?:-|--|\u2013|\u2014) ")
_ALSO_NAMES = {"May", "Will"}
_BEFORE_NAMES = {"in", "of", "since", "until", "by", "during", "from", "to", "early", "late", "mid", "next", "last",
                 "this", "and", "or", "for", "before", "after", "through", "till"}
_CLAUSE_END = (":", "“", '"', "(", "!", "?")   # inside one sentence, "." ends "U.S." and not the sentence


@lru_cache(maxsize=1)
def _abbreviations_before_nouns() -> frozenset[str]:
    return frozenset(map(str, data_file("questions/wire")["abbreviations_before_nouns"]))


@lru_cache(maxsize=1)
def _names_after_abbreviations() -> frozenset[str]:
    return frozenset(map(str, data_file("questions/wire")["names_after_abbreviations"]))


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    table = data_file("questions/wire")
    words = {str(k).lower(): str(v) for k, v in table["words"].items()}
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    return pattern, words, frozenset(str(w) for w in table["lower_inside"])


def strip_dateline(sentence: str) -> str:
    """'WASHINGTON, Oct 19 - Saudi Arabia's ...' -> 'Saudi Arabia's ...' (also 'New York, Oct 19 - ',
    'BUENOS AIRES - '), and the stray ': ' a layout left before a sentence."""
    cut = dateline_length(sentence)
    if not cut:
        match = _MIXED_DATELINE.match(sentence) or _PLACE_DATELINE.match(sentence)
        cut = match.end() if match else 0
    return (sentence[cut:] if cut else sentence).lstrip(":; ")


@lru_cache(maxsize=16384)
def plain_words(text: str) -> str:
    """'2.6 pct' -> '2.6 percent', '310 mln Dlrs' -> '310 million dollars'."""
    pattern, words, _ = _tables()
    return pattern.sub(lambda m: words[m.group(1).lower()], text)


def lower_inside(text: str) -> str:
    """Function words capitalised mid-sentence by wire copy, written in lower case."""
    _, _, lower = _tables()
    tokens = text.split(" ")
    for index in range(1, len(tokens)):
        before = tokens[index - 1]
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        if tokens[index] in _ALSO_NAMES and (not (after[:1].islower() and before.lower() not in _BEFORE_NAMES)
                                             or before in word_set("female_names")):
            continue                # "in May alone", "Will Smith", "Theresa May stepped down": a month or a name
        if tokens[index] in lower and before in _abbreviations_before_nouns():
            tokens[index] = tokens[index].lower()           # "U.S. And Chinese soybeans": wire copy's capital
            continue
        if after[:1].isupper() or tokens[index] == "A" and before[:1].isupper():
            continue                # "The Passion of the Christ", "Do They Know It's": a title in capitals;
                                    # "Serie A", "Group A on Saturday": a letter, not an article
        if tokens[index] in lower and before and not before.endswith(_CLAUSE_END) and \
                not (before.isalpha() and before.isupper() and len(before) > 3):     # a headline in capitals stays as it is
            tokens[index] = tokens[index].lower()
        elif before in _abbreviations_before_nouns() and after[:1].islower() and _common_noun(tokens[index]):
            tokens[index] = tokens[index].lower()           # "the U.S. Economy continued"
    return " ".join(tokens)


def _common_noun(word: str) -> bool:
    """A capitalised word a dictionary knows in lower case, and not a body's name ("Treasury")."""
    return (word.isalpha() and word[:1].isupper() and word[1:].islower() and word not in _names_after_abbreviations()
            and word not in MONTHS and word not in WEEKDAYS and bool(word_classes(word.lower())))


_ARTICLE = re.compile(r"\b([Aa]n?) ([A-Za-z][\w'-]*|\d+)")


@lru_cache(maxsize=1)
def _article_sounds() -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    table = data_file("questions/wire")
    return (str(table["vowel_sound_letters"]), tuple(map(str, table["article_consonant_sound"])),
            tuple(map(str, table["article_vowel_sound"])))


def fit_articles(text: str) -> str:
    """'a excellent chance' -> 'an excellent chance', 'a NBA star' -> 'an NBA star' (see wire.yaml),
    'an 17.2 pct rise' -> 'a 17.2 pct rise' (eight, eleven and eighteen are said with a vowel)."""
    letters, consonant_sound, vowel_sound = _article_sounds()

    def fitted(match: re.Match[str]) -> str:
        article, word = match.groups()
        if word.lower() in ("a", "an") or article[0] == "A" and match.start():
            return match.group(0)           # "Plan A is", "Grade A": a letter, not an article; "a a": a typo
        if word.isdigit():
            vowel = word.startswith("8") or word in ("11", "18")
        elif word.isupper() and len(word) > 1:
            vowel = word[0] in letters
        elif word[:1].islower():
            lower = word.lower()
            vowel = (lower[0] in "aeiou" and not lower.startswith(consonant_sound)) or lower.startswith(vowel_sound)
        else:
            return match.group(0)           # "a Ugandan", "an Irish": names are left as written
        wanted = "an" if vowel else "a"
        return f"{article[0]}{wanted[1:]} {word}" if article.lower() != wanted else match.group(0)

    return _ARTICLE.sub(fitted, text)


@lru_cache(maxsize=4096)
def tidy(text: str) -> str:
    """A story's sentence as a question may print it."""
    return _SPACE_BEFORE_STOP.sub(r"\1", fit_articles(lower_inside(plain_words(mend_typing(
        strip_markup(strip_dateline(text)))))))


_SHIFT_SLIP = re.compile(r"\b([A-Z])([A-Z])(?!s\b)([a-z]+)\b")     # "MArch", "PUblishing", "INc"; not "PCs"
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
_DAY_IN_WORDS = re.compile(r"\b(" + "|".join(MONTHS) + r") (One|Two|Three|Four|Five|Six|Seven|Eight|Nine)\b")


def mend_typing(text: str) -> str:
    """Slips of the wire's keyboard: a second capital held too long ("MArch", "INc"), a full
    stop typed twice, and a day written as a word after its month ("April One")."""
    if _SHIFT_SLIP.search(text):
        text = _SHIFT_SLIP.sub(_unshifted, text)
    if ".." in text:
        text = _DOUBLE_STOP.sub(".", text)              # "in the US.." ("U.S." ending a sentence); not "..."
    if _DAY_IN_WORDS.search(text):
        text = _DAY_IN_WORDS.sub(lambda m: f"{m.group(1)} {int(parse_number(m.group(2)) or 0)}", text)
    return text


def _unshifted(match: re.Match[str]) -> str:
    mended = match.group(1) + match.group(2).lower() + match.group(3)
    known = mended in MONTHS or mended in word_set("abbreviations") or bool(word_classes(mended.lower()))
    return mended if known else match.group(0)


_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])(?=\s|$)")      # wire copy's "3.75 dlrs per share ."
