"""Names and mentions: who and where each sentence talks about.

Every fact kind needs the same thing first: the people and places in a
sentence, with later mentions ("Albright", "Mr Straw", "Tang's", "she")
resolved to the full name the story gives somewhere. This module reads each
story once and hands the fact extractors a `StoryAnalysis`.

People are found by rules, not a name list: a capitalised run of words is
split into the lexicon words it holds (titles, honorifics, places,
organisation words, common words: all data files) and what is left over; two
to four leftover words in a row are a full name. A single leftover word (or
an honorific and a word) refers back to a full name by its last or first word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from ..lexicon import data_file, word_set
from ..models import Fact, Sentence, Story
from ..stories import dateline_length

# Latin letters with their accents ("Matovič", "Sulík", "Løkke", "Šefčovič"): upper case, then any case.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).isupper())
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# A capitalised word: "Albright", "O'Neill", "Murphy-O'Connor", "McDonald", "Jong-il", "U.S.", "Sen.", "al-Assad".
_WORD = (rf"(?:(?:al|el|bin|ibn)-)?[{_UPPER}][{_LOWER}]*(?:'[{_UPPER}])?[{_UPPER}{_LOWER}]*"
         rf"(?:-[{_UPPER}{_LOWER}][{_LOWER}]*(?:'[{_UPPER}][{_LOWER}]+)?)*")
_DOTTED = r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.(?=[ \t]+[A-Z])"       # "U.S.", "Sen. Dole", "James A. Baker"
_PARTICLE = r"(?:de|da|di|du|van|von|der|den|la|le|bin|ibn|al|el|dos|das|del)"
_TOKEN = rf"(?:{_DOTTED}|{_WORD})"
# A run of capitalised words (particles allowed inside), with an optional possessive. The
# lookahead on a run's possible first letters lets the engine skip other positions at C speed.
_RUN_BODY = (rf"(?<![\w'\-])(?P<run>{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN})*)"
             rf"(?P<poss>['\u2019]s?(?![{_UPPER}{_LOWER}]))?")
RUN = re.compile(rf"(?=[{_UPPER}aeib]){_RUN_BODY}")
# Most sentences hold no "al-", "el-", "bin-" or "ibn-" name: runs there start with a capital,
# and not trying every "a", "in" and "by" halves the scan.
_CAPITALISED_RUN = re.compile(rf"(?=[{_UPPER}]){_RUN_BODY}")
_LOWER_PREFIX_ENDS = ("l-", "n-")
_NAME_PREFIXES = ("al-", "el-", "bin-", "ibn-")
_TOKEN_SPLIT = re.compile(r"\S+")
PRONOUN = re.compile(r"(?:H(?<=\bH)e|h(?<=\bh)e|S(?<=\bS)he|s(?<=\bs)he)\b")   # "he", "She": letter first scans fastest

MAX_NAME_WORDS = 4
MAX_TITLE_HOLDERS = 8          # people sharing one title before "the <title>" means no one
MAX_SENTENCE_CHARS = 1000      # news sentences run to a few hundred characters; 2 in 165,000 are longer


@dataclass(slots=True)
class Mention:
    """A person or place named in a sentence; offsets are within the sentence text."""

    start: int
    end: int
    name: str            # full name of the person, or the place's canonical name
    kind: str            # "person" or "place"
    surface: str         # the words as written ("Albright", "she", "Beijing")
    possessive: bool = False
    pronoun: bool = False


@dataclass
class SentenceView:
    """One sentence with the people and places it mentions, in text order."""

    sentence: Sentence
    text: str = ""           # the sentence's text: read some 600,000 times over an archive, so a plain field
    persons: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    body_start: int = 0      # past the dateline, in the first sentence of a wire story
    whens: list[Any] | None = None   # time expressions, found once for all extractors (dates.py)
    subject_mention: Mention | None = None   # `subject()`, worked out once by analyse for all extractors

    def subject(self) -> Mention | None:
        """The first person named (not as a possessor, nor inside a quotation or as an object);
        but the speaker of a sentence that ends "..., Haggard said.": the "he said" after it is his."""
        last = self.persons[-1] if self.persons else None
        if last is not None and not last.pronoun and _SAID_AT_END.match(self.text, last.end):
            return last
        for mention in self.persons:
            if not mention.possessive and may_be_subject(self.text, mention):
                return mention
        quoted = '"' in self.text or "\u201c" in self.text or "\u201d" in self.text
        for mention in self.persons:
            if not mention.possessive and not (quoted and inside_quote(self.text, mention.start)):
                return mention          # the object of "told"; never a name the speaker says
        return None if quoted else (self.persons[0] if self.persons else None)


@dataclass
class StoryAnalysis:
    """A story read once for all extractors: its sentences with resolved mentions."""

    story: Story
    views: list[SentenceView]
    persons: list[str]               # full names, in order of first mention
    dateline_place: str | None = None
    shared: dict[str, Any] = field(default_factory=dict)   # what one extractor works out and others reuse

    def fact(self, kind: str, slots: dict[str, Any], view: SentenceView,
             confidence: float = 1.0) -> Fact:
        clean = {k: v for k, v in slots.items() if v not in (None, "", [])}
        return Fact(type=kind, slots=clean, story=self.story.file,
                    sentence=view.sentence.text, start=view.sentence.start,
                    end=view.sentence.end, confidence=confidence)


@dataclass(frozen=True)
class Places:
    """Place names, demonyms and cities from `data/places.yaml`, to a canonical name."""

    names: dict[str, str]       # "U.S." -> "United States", "Beijing" -> "Beijing"
    country_of: dict[str, str]  # any place word or demonym -> its country
    demonyms: frozenset[str]
    nations: frozenset[str]     # "Wales": a part of a country that keeps its own name on a post
    longest: int                # most words in one entry
    first_words: frozenset[str]  # first words of all entries: a word not here starts none


@lru_cache(maxsize=1)
def places() -> Places:
    names: dict[str, str] = {}
    country_of: dict[str, str] = {}
    demonyms: set[str] = set()
    nations: set[str] = set()
    for country, entry in (data_file("places") or {}).items():
        entry = entry or {}
        nations.update(map(str, entry.get("nations") or []))
        for name in [*(entry.get("names") or []), *(entry.get("nations") or [])]:
            names[str(name)] = country
            country_of[str(name)] = country
        for city in entry.get("cities") or []:
            names[str(city)] = str(city)
            country_of[str(city)] = country
        for demonym in entry.get("demonyms") or []:
            demonyms.add(str(demonym))
            country_of.setdefault(str(demonym), country)
    longest = max((len(k.split()) for k in list(names) + list(demonyms)), default=1)
    first_words = frozenset(k.split(" ")[0] for k in list(names) + list(demonyms))
    return Places(names, country_of, frozenset(demonyms), frozenset(nations), longest, first_words)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Lower-case single words that belong to titles ("minister", "foreign", "vice")."""
    words = set(word_set("title_modifiers"))
    for title in word_set("titles"):
        words.update(title.lower().replace("-", " ").split())
        words.add(title.lower())
    return frozenset(words)


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return word_set("honorifics")


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    """Words that end an organisation's name (the union is built once, not per run)."""
    return word_set("organisations") | word_set("parties")


def _classify(tokens: list[str]) -> list[tuple[str, int, int, str]]:
    """Split a capitalised run into (kind, first, last+1, canonical) chunks.

    Kinds: place, demonym, honorific, title, org, stop, name. Longest place
    entries win, so "South Korea" is one place and not "South" + "Korea".
    """
    table = places()
    not_names = word_set("not_names")
    org_words = _organisation_words()
    titles = _title_words()
    honorifics = _honorifics()
    chunks: list[tuple[str, int, int, str]] = []
    i, count = 0, len(tokens)
    while i < count:
        found = False
        # Most words start no place entry: the set test skips joining phrases for them.
        longest = min(table.longest, count - i) if tokens[i] in table.first_words else 0
        for size in range(longest, 0, -1):
            phrase = " ".join(tokens[i:i + size])
            if phrase in table.names:
                chunks.append(("place", i, i + size, table.names[phrase]))
            elif phrase in table.demonyms:
                chunks.append(("demonym", i, i + size, table.country_of[phrase]))
            else:
                continue
            i += size
            found = True
            break
        if found:
            continue
        token = tokens[i]
        bare = token.rstrip(".")
        if len(token) == 2 and token[0].isupper() and token[1] == "." and chunks and chunks[-1][0] == "name" \
                and i + 1 < count and tokens[i + 1][:1].isupper() and tokens[i + 1].rstrip(".") not in not_names:
            chunks.append(("name", i, i + 1, token))       # "James A. Baker": a middle initial
            i += 1
            continue
        if bare in honorifics:
            kind = "honorific"
        elif token.lower() in titles or bare.lower() in titles:
            kind = "title"
        elif bare in org_words:
            kind = "org"
        elif bare in not_names or "." in token or (token.isupper() and len(token) > 1):
            kind = "stop"
        elif token[0].islower() and not token.startswith(_NAME_PREFIXES):
            kind = "particle"               # "de", "van"; but "al-Jibouri" is a name word
        else:
            kind = "name"
        chunks.append((kind, i, i + 1, token))
        i += 1
    return chunks


@dataclass(slots=True)
class _Candidate:
    """A name-like span found in the first pass, before mentions are resolved."""

    start: int
    end: int
    words: tuple[str, ...]
    possessive: bool
    honorific: str           # the honorific or title word right before, if any ("Mrs", "title")
    kind: str                # "full", "single" or "place"
    place: str = ""


def capitalised_runs(text: str) -> Iterator[re.Match[str]]:
    """RUN's matches in the sentence, scanned by the faster pattern where it finds the same."""
    return (RUN if any(end in text for end in _LOWER_PREFIX_ENDS) else _CAPITALISED_RUN).finditer(text)


def _candidates(text: str) -> list[_Candidate]:
    """Full names, single name words and places in one sentence, in text order."""
    found: list[_Candidate] = []
    for match in capitalised_runs(text):
        base = match.start("run")
        opens = base <= 3 and not text[:base].strip(" \"'\u201c\u2018(")
        for cand in _parse_run(match.group("run"), bool(match.group("poss")), opens):
            found.append(_Candidate(cand.start + base, cand.end + base, cand.words, cand.possessive,
                                    cand.honorific, cand.kind, cand.place))
    return found


@lru_cache(maxsize=65536)
def _parse_run(run: str, possessive_run: bool, opens_sentence: bool) -> tuple[_Candidate, ...]:
    """The names and places in one capitalised run, offsets relative to the run.

    Cached: news repeats the same runs ("Mr Blair", "The", "Downing Street")
    many times, and classifying a run is the costliest step of reading a story.
    """
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN_SPLIT.finditer(run)]
    tokens = [s[2] for s in spans]
    if tokens and tokens[-1].endswith(".") and len(tokens[-1]) > 2 and "." not in tokens[-1][:-1]:
        tokens[-1] = tokens[-1][:-1]          # sentence-final "Tang."
        spans[-1] = (spans[-1][0], spans[-1][1] - 1, tokens[-1])
    chunks = _surnames_after_given_names(_classify(tokens))
    found: list[_Candidate] = []
    for kind, first, last, canonical in chunks:
        if kind == "place":
            found.append(_Candidate(spans[first][0], spans[last - 1][1], tuple(tokens[first:last]),
                                    possessive_run and last == len(tokens), "", "place", canonical))
    # Runs of name words (particles allowed inside) make names.
    i = 0
    while i < len(chunks):
        if chunks[i][0] != "name":
            i += 1
            continue
        j = i
        while j + 1 < len(chunks) and (chunks[j + 1][0] == "name" or (
                chunks[j + 1][0] == "particle" and j + 2 < len(chunks)
                and chunks[j + 2][0] == "name")):
            j += 1
        first, last = chunks[i][1], chunks[j][2]
        after = chunks[j + 1][0] if j + 1 < len(chunks) else ""
        before = chunks[i - 1] if i > 0 else None
        i = j + 1
        words = tuple(tokens[first:last])
        if after == "org" or len(words) > MAX_NAME_WORDS or " ".join(words) in word_set("not_people"):
            continue                      # "Golden Temple", "Standard Oil", "Morgan Stanley"
        if len(words) >= 2 and opens_sentence and first == 0 and words[0].endswith(_VERB_ENDINGS):
            words = words[1:]             # "Allowing Chen to stay ...": a verb, then a name
            first += 1
        honorific = ""
        if before is not None and before[0] == "honorific":
            honorific = tokens[before[1]].rstrip(".")
        elif before is not None and before[0] == "title":
            title = tokens[before[1]]
            honorific = title if title in word_set("surname_titles") else "title"   # "President Reagan"
        found.append(_Candidate(spans[first][0], spans[last - 1][1], words,
                                possessive_run and last == len(tokens), honorific,
                                "full" if len(words) >= 2 else "single"))
    found.sort(key=lambda c: c.start)
    return tuple(found)


_VERB_ENDINGS = ("ing", "ed", "ly")


def _surnames_after_given_names(chunks: list[tuple[str, int, int, str]]) -> list[tuple[str, int, int, str]]:
    """ "Theresa May", "Louise Christian": a common word right after a given name is her surname; so is
    a title word that is also a surname, ending the run ("Julian White", "Jim Press")."""
    given = word_set("female_names")
    surnames = name_context()[2]
    for index in range(len(chunks) - 1):
        kind, first, last, word = chunks[index + 1]
        if chunks[index][0] != "name" or not word.istitle() or (index and chunks[index - 1][0] == "name"):
            continue
        ends_run = index + 2 == len(chunks)
        if (chunks[index][3] in given and kind == "stop" and (ends_run or chunks[index + 2][0] != "name")) \
                or (kind == "title" and word in surnames and ends_run):
            chunks[index + 1] = ("name", first, last, word)     # "Julian White": not the "White" of "White House"
    if len(chunks) == 1 and chunks[0][0] == "title" and chunks[0][3] in surnames:
        chunks[0] = ("name", *chunks[0][1:])     # "White" alone: his surname, if the story names a Julian White
    return chunks


_AND_COMPANY = re.compile(r"\s+(?:and|&)\s+(?:Co|Company|Sons|Partners)\b")
_LINKS = frozenset({"of", "for", "and", "the", "at", "to", "in"})
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_BETWEEN_ORG_AND_PERSON = re.compile(r"\s+((?:[a-z][\w\-]*\s+){1,3}?)(?:of\s+[a-z]+\s+)?$")   # "director of rugby"


def _drop_organisations(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """ "Fair Trials Abroad director Stephen Jakobi", "Carroll McEntee and McGinley analyst Denis Karnosky",
    "Sale Sharks director of rugby Philippe Saint-Andre": a name before a title and a person is an organisation;
    so is "Mac Format" in "UK magazine Mac Format", and "Star Wars" in "the Star Wars movie" is a work."""
    titles = _title_words()
    kinds, works, _ = name_context()
    keep = []
    for index, cand in enumerate(candidates):
        if cand.kind == "full" and _AND_COMPANY.match(text, cand.end):
            continue                            # "James Capel and Co analyst Tom Murtha": a firm
        if cand.kind != "place" and not cand.honorific:
            before, after = text[:cand.start].rsplit(None, 2)[-2:], text[cand.end:].split(None, 1)[:1]
            if len(before) == 2 and before[1] in kinds and before[0][:1].isupper() or \
                    after and after[0] in works and not cand.possessive:
                continue
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if cand.kind == "full" and following is not None and following.kind in ("full", "single"):
            end = cand.end
            if text[end:following.start] == " and " and index + 2 < len(candidates) and \
                    candidates[index + 2].kind in ("full", "single"):
                end, following = following.end, candidates[index + 2]   # "Carroll McEntee and McGinley analyst X"
            between = _BETWEEN_ORG_AND_PERSON.match(text[end:following.start] + " ")
            words = between.group(1).split() if between else []
            if words and all(w in titles for w in words) and (
                    not all(w in _LINKS for w in words) or _THE_BEFORE.search(text, 0, cand.start)):
                continue                        # "The Boys Choir of Harlem"; not "Andrew Kim of Eberstadt Fleming"
        keep.append(cand)
    return keep


@lru_cache(maxsize=1)
def name_context() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Kinds of body ("UK magazine Mac Format"), of work ("the Star Wars movie"), and title words
    that are surnames ("Julian White"): name_context.yaml."""
    table = data_file("name_context")
    return frozenset(table["kind_nouns"]), frozenset(table["work_nouns"]), frozenset(table["surnames"])


def clear_caches() -> None:
    """Forget cached run readings (benchmarks use it so every pass pays full price)."""
    _parse_run.cache_clear()


def _variant(a: str, b: str) -> bool:
    """One spelling slip apart ("Jung-il" / "Jong-il")."""
    if a == b or len(a) != len(b) or len(a) < 4:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


class _Registry:
    """The story's people: full names, and how a single word refers back to one."""

    def __init__(self, full_names: list[tuple[str, ...]]) -> None:
        counts: dict[tuple[str, ...], int] = {}
        for words in full_names:
            counts[words] = counts.get(words, 0) + 1
        self.canonical: dict[tuple[str, ...], str] = {}
        ordered = list(counts)
        for words in ordered:
            self.canonical[words] = " ".join(words)
        # Spelling variants of one name: same words but the last, and that one letter off.
        # Only names that share all but the last word are compared, so this stays linear.
        groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for words in ordered:
            groups.setdefault(words[:-1], []).append(words)
        for group in groups.values():
            for index, words in enumerate(group):
                for other in group[index + 1:]:
                    if _variant(words[-1], other[-1]):
                        keep = other if counts[other] >= counts[words] else words
                        self.canonical[words] = self.canonical[other] = " ".join(keep)
        self.order = list(dict.fromkeys(self.canonical[w] for w in ordered))
        self.by_last: dict[str, list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        for words in ordered:
            name = self.canonical[words]
            self.by_last.setdefault(words[-1], []).append(name)
            self.by_first.setdefault(words[0], []).append(name)
        self.recent: dict[str, int] = {}

    def full(self, words: tuple[str, ...]) -> str:
        return self.canonical.get(words, " ".join(words))

    def refer(self, word: str) -> str | None:
        """The full name a single word points to: by last word first, then first word."""
        for table in (self.by_last, self.by_first):
            names = table.get(word)
            if names:
                unique = list(dict.fromkeys(names))
                return max(unique, key=lambda n: self.recent.get(n, -1))
        return None


def inside_quote(text: str, position: int) -> bool:
    """Whether a position is inside quotation marks, also for quotes opened in an earlier sentence.

    Words inside a quotation are the speaker's, not the story's: a cue there has
    the speaker as its subject, a date there may not be the story's event.
    """
    before = text[:position]
    if "\u201c" in text or "\u201d" in text:
        return before.count("\u201c") > before.count("\u201d") or (
            text.find("\u201d", position) >= 0 and text.find("\u201d", position) < _find(text, "\u201c", position))
    first = _STRAIGHT_QUOTE.search(text)
    if first is None:
        return False
    # A sentence whose first mark closes a quote began inside one (opened in an earlier sentence).
    starts_inside = _closes(text, first.start())
    return (len(_STRAIGHT_QUOTE.findall(before)) + starts_inside) % 2 == 1


# A straight quote mark, but not one inside a word (wire copy writes "the ADB"s founders").
_STRAIGHT_QUOTE = re.compile(r'(?<![A-Za-z])"|"(?![A-Za-z])')


def _closes(text: str, index: int) -> bool:
    """Whether the straight quote mark at `index` closes a quotation (it follows a word)."""
    after_word = index > 0 and not text[index - 1].isspace() and text[index - 1] not in "([:"
    before_word = index + 1 < len(text) and text[index + 1].isalnum()
    return after_word and not before_word


def _find(text: str, mark: str, start: int) -> int:
    found = text.find(mark, start)
    return found if found >= 0 else len(text)


FEMALE_HONORIFICS = frozenset("Mrs Ms Miss Mme Lady Dame Baroness Queen Princess Sister".split())
MALE_HONORIFICS = frozenset("Mr Messrs Sir Lord King Prince Father Brother".split())
FOCUS_SIZE = 4          # how many recent subjects a pronoun may point back to


def analyse(story: Story) -> StoryAnalysis:
    """Read the story once: mentions per sentence, resolved to full names."""
    # Over-long "sentences" are tables or run-on lines, not prose: rules would only slow down on them.
    sentences = [s for s in story.sentences if len(s.text) <= MAX_SENTENCE_CHARS]
    # Organisations go first: "Sale" must not refer back to the "Sale Sharks" of "Sale Sharks director X".
    per_sentence = [_drop_organisations(s.text, _candidates(s.text)) for s in sentences]
    registry = _Registry([c.words for cands in per_sentence for c in cands if c.kind == "full"])
    female = word_set("female_names")
    gender: dict[str, str] = {}
    views: list[SentenceView] = []
    focus: list[str] = []               # recent subjects, most recent first
    descriptions: dict[str, set[tuple[str, str]]] = {}   # "prime minister" -> {(name, country)}
    mentions: dict[str, int] = {}       # how often each person was named so far
    counter = 0
    skip = dateline_length(story.text) if story.dateline else 0
    spoken_of: set[str] = set()         # people a quotation still open from the sentence before names
    quote_open = False                  # the sentence before ended inside a quotation
    for sentence, candidates in zip(sentences, per_sentence):
        view = SentenceView(sentence, sentence.text, body_start=skip if sentence.start == 0 else 0)
        unnamed_subject = False         # "Federer admitted he ...", Federer never named in full
        for cand in candidates:
            surface = sentence.text[cand.start:cand.end]
            if cand.kind == "place":
                view.places.append(Mention(cand.start, cand.end, cand.place, "place", surface,
                                           cand.possessive))
                continue
            if cand.kind == "full":
                name = registry.full(cand.words)
                if cand.words[0] in female:
                    gender.setdefault(name, "f")
            else:
                titled = cand.honorific == "title" or cand.honorific in word_set("surname_titles")
                title = _title_right_before(sentence.text, cand.start) if titled else ""
                name = _holder(title, cand.words[0], descriptions) or registry.refer(cand.words[0])
                if name is None and cand.honorific and cand.honorific != "title" and len(cand.words[0]) > 1:
                    name = cand.words[0]        # "Mr Straw" with no full name in the story; not "President E."
                if name is None and cand.words[0] in mentions:
                    name = cand.words[0]        # "Reagan" after "President Reagan"
                if name is None:
                    unnamed_subject = unnamed_subject or _opens_with_unnamed(sentence.text, cand, view.body_start)
                    continue
            if cand.honorific in FEMALE_HONORIFICS:
                gender[name] = "f"
            elif cand.honorific in MALE_HONORIFICS:
                gender[name] = "m"
            counter += 1
            registry.recent[name] = counter
            mentions[name] = mentions.get(name, 0) + 1
            view.persons.append(Mention(cand.start, cand.end, name, "person", surface,
                                        cand.possessive))
        _resolve_descriptions(view, descriptions)
        _resolve_subject_descriptions(view, descriptions, focus, mentions, gender)
        _record_titles(sentence.text, view, descriptions)
        if not unnamed_subject:         # whose "he" it is, the story does not say by name
            _resolve_pronouns(view, focus, gender, spoken_of)
        wholly_quoted = quote_open and not _QUOTE_MARKS.search(sentence.text)    # a quotation's middle sentence
        if wholly_quoted:
            spoken_of = spoken_of | {m.name for m in view.persons if not m.pronoun}
        else:
            spoken_of = _named_in_open_quote(view)
            quote_open = bool(_QUOTE_MARKS.search(sentence.text)) and inside_quote(sentence.text, len(sentence.text))
        subject = view.subject_mention = view.subject()
        if unnamed_subject and not wholly_quoted:
            focus = [UNNAMED] + [n for n in focus if n != UNNAMED][:FOCUS_SIZE - 1]
        elif subject is not None and not wholly_quoted:     # "I'm playing against Hewitt.": the speaker's words
            latest = _later_clause_subject(view, subject)
            leading = [latest.name, subject.name] if latest else [subject.name]
            focus = leading + [n for n in focus if n not in leading][:FOCUS_SIZE - len(leading)]
        views.append(view)
    dateline_place = None
    if story.dateline:
        place = story.dateline.split(",")[0].strip().title()
        dateline_place = places().names.get(place, place)
    return StoryAnalysis(story, views, registry.order, dateline_place)


def _title_right_before(text: str, position: int) -> str:
    """The title words right before a name, lower-case ("treasury secretary" in "Treasury Secretary Baker")."""
    words = text[:position].split()[-3:]
    titles = _title_words()
    phrase: list[str] = []
    for word in reversed(words):
        if word.lower() not in titles:
            break
        phrase.insert(0, word.lower())
    return " ".join(phrase)


def _holder(title: str, word: str, descriptions: dict[str, set[tuple[str, str]]]) -> str | None:
    """ "Treasury Secretary Baker" when the story has two Bakers: the one it gave that title."""
    holders = {name for name, _ in descriptions.get(title, ())
               if name.split()[-1] == word or name.split()[0] == word}
    return holders.pop() if len(holders) == 1 else None


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """Last words of titles: the word a title phrase must contain."""
    titles = [t.lower() for t in word_set("titles")]
    # "foreign secretary" gives "secretary"; "secretary of state" gives no head "state".
    return frozenset(t.split()[-1] for t in titles if " of " not in t) | frozenset(titles)


def _record_titles(text: str, view: SentenceView, descriptions: dict[str, set[tuple[str, str]]]) -> None:
    """Remember "Prime Minister Tony Blair", so "the prime minister" can point back to him."""
    titles = _title_words()
    table = places()
    for mention in view.persons:
        if mention.pronoun:
            continue
        words = text[:mention.start].split()[-4:]
        if not words or words[-1].lower() not in title_heads():
            continue
        phrase: list[str] = []
        country = ""
        for word in reversed(words):
            if word.lower() in titles:
                phrase.insert(0, word.lower())
            elif word in table.demonyms or word in table.names:
                country = table.country_of.get(word, "")
                break
            else:
                if word in word_set("parties"):
                    country = word        # "Tory leader Michael Howard": the party qualifies the title
                break
        holders = descriptions.setdefault(" ".join(phrase), set()) if phrase else None
        if holders is not None and len(holders) < MAX_TITLE_HOLDERS:   # past that, hopelessly ambiguous
            holders.add((mention.name, country))


def _resolve_descriptions(view: SentenceView, descriptions: dict[str, set[tuple[str, str]]]) -> None:
    """ "the prime minister", "the North Korean leader": the one person the story gave that title."""
    if not descriptions or "he " not in view.text.lower():
        return
    lower = view.text.lower()
    table = places()
    added = []
    for key, holders in descriptions.items():
        start = lower.find(" " + key)
        while start >= 0:
            end = start + 1 + len(key)
            if end < len(lower) and (lower[end].isalnum() or lower[end] == "-"):
                start = lower.find(" " + key, end)
                continue
            before = view.text[:start].split()
            country = ""
            if len(before) >= 2 and before[-1] in table.demonyms and before[-2].lower() == "the":
                country = table.country_of.get(before[-1], "")
            elif len(before) >= 3 and " ".join(before[-2:]) in table.demonyms and before[-3].lower() == "the":
                country = table.country_of.get(" ".join(before[-2:]), "")
            elif len(before) >= 2 and before[-1] in word_set("parties") and before[-2].lower() == "the":
                country = before[-1]      # "the Tory leader"
            elif not (before and before[-1].lower() == "the"):
                start = lower.find(" " + key, end)
                continue
            fitting = {name for name, where in holders if not country or where in (country, "")}
            if len(fitting) == 1:
                added.append(Mention(start + 1, end, fitting.pop(), "person", view.text[start + 1:end],
                                     pronoun=True))
            start = lower.find(" " + key, end)
    if added:
        view.persons = sorted(view.persons + added, key=lambda m: m.start)


# A person right after one of these is an object ("standing next to Mr Blair he added",
# "he told Mr Farage he had"): a later he/she in the sentence is someone else.
_OBJECT_BEFORE = re.compile(r"\b(?:(?<!ccording )to|with|by|beside|about|for|from|against|than|like|told|"
                            r"tells|telling|asked|urged|met|meets|meeting|thanked)\s+(?:[A-Z][\w.\-]*\s+){0,3}$")


_SAID_AT_END = re.compile(r",?\s+(?:said|says|added|adds)(?:\s+(?:on\s+)?[A-Za-z]+)?\s*[.!]?\s*$")


def may_be_subject(text: str, mention: Mention) -> bool:
    """Whether a person named in a sentence may be the subject of a later verb or he/she.

    Not a person named inside a quotation (the speaker's words), nor one who is
    the object of a preposition or of a verb like "told".
    """
    if ('"' in text or "\u201c" in text or "\u201d" in text) and inside_quote(text, mention.start):
        return False
    return mention.surface in ("he", "He", "she", "She") or not _OBJECT_BEFORE.search(
        text, max(0, mention.start - 60), mention.start)


@lru_cache(maxsize=1)
def _description_words() -> tuple[frozenset[str], frozenset[str]]:
    """Heads a title used as a subject may end in, and the words that may come before them."""
    heads = title_heads() - {t.lower() for t in word_set("generic_titles")}
    modifiers = _title_words() | {w.lower() for w in word_set("parties") | word_set("organisations")}
    return frozenset(heads), frozenset(modifiers)


@lru_cache(maxsize=1)
def _description_heads() -> re.Pattern[str]:
    """Title heads as written in prose ("minister", "Minister"), found at C speed before any word test."""
    heads = sorted(_description_words()[0], key=len, reverse=True)
    variants = sorted({v for h in heads for v in (h, h[:1].upper() + h[1:])}, key=len, reverse=True)
    first = "".join(sorted({v[0] for v in variants}))
    return re.compile(rf"(?=[{re.escape(first)}])\b(?:{'|'.join(map(re.escape, variants))})\b")


_NOT_A_VERB = frozenset("of and or for to in at on with from by as who which that whose the a an".split())
MAX_DESCRIPTION_WORDS = 4
_THE = re.compile(r"\b[Tt]he\s+((?:[\w\-]+\s+){0,%d})$" % (MAX_DESCRIPTION_WORDS - 1))
_CONNECTIVES = frozenset("But And However Meanwhile Yet Still So Now Also Later Earlier".split())


def _opens_clause(view: SentenceView, position: int) -> bool:
    """Whether words at `position` stand where a main clause's subject does: first, after a
    connective or a comma ('"...," the prime minister said'), or after "According to X"."""
    before = view.text[view.body_start:position].strip()
    return (not before or before in _CONNECTIVES or before.endswith((",", ',"', ",\u201d"))
            or any(m.end == view.body_start + len(view.text[view.body_start:position].rstrip())
                   for m in view.persons if not m.pronoun))


def _resolve_subject_descriptions(view: SentenceView, descriptions: dict[str, set[tuple[str, str]]],
                                  focus: list[str], mentions: dict[str, int], gender: dict[str, str]) -> None:
    """ "Lord Falconer spoke. The constitutional affairs secretary said ...": a title no one was given
    is, as a subject, the most named of the two latest subjects who have no title yet.

    Not a title with a country ("the US president"), not one many people hold ("the official").
    """
    text = view.text
    if not focus:
        return
    added = [_age_subject(view, age, focus, mentions, gender) for age in _AGE_SUBJECT.finditer(text, view.body_start)
             ] if "year-old" in text else []
    heads, modifiers = _description_words()
    if heads.isdisjoint(text.lower().split()):
        _add_resolved(view, added)
        return                                       # most sentences: no title word at all
    for head in _description_heads().finditer(text, view.body_start):
        the = _THE.search(text, max(view.body_start, head.start() - 60), head.start())
        verb = text[head.end():head.end() + 20].split()[:1]
        verb = verb[0].rstrip(",;:.") if verb and text[head.end():head.end() + 1] == " " else ""
        if (the is None or not verb.isalpha() or not verb.islower() or verb in _NOT_A_VERB
                or not all(w.lower() in modifiers for w in the.group(1).split())
                or not _opens_clause(view, the.start()) or inside_quote(text, the.start())):
            continue
        start, end = the.start(1), head.end()
        if any(m.start < end and start < m.end for m in view.persons):
            continue
        titled = {name for holders in descriptions.values() for name, _ in holders}
        named_here = {m.name for m in view.persons if not m.pronoun}
        candidates = [name for name in focus[:2] if name not in titled and name not in named_here]
        if candidates and UNNAMED not in candidates:
            chosen = max(candidates, key=lambda name: mentions.get(name, 0))
            added.append(Mention(start, end, chosen, "person", text[start:end], pronoun=True))
    _add_resolved(view, added)


def _add_resolved(view: SentenceView, added: list[Mention | None]) -> None:
    found = [m for m in added if m is not None]
    if found:
        view.persons = sorted(view.persons + found, key=lambda m: m.start)


# "But the 25-year-old Dubliner underlined ...": an age as the subject, before its verb.
_AGE_SUBJECT = re.compile(r"(?=[Tt]he )\b[Tt]he (?:[\w]+-)?\w+-year-old(?: [A-Z]?[a-z]+){0,2}(?= [a-z]+\b)")


def _age_subject(view: SentenceView, age: re.Match[str], focus: list[str], mentions: dict[str, int],
                 gender: dict[str, str]) -> Mention | None:
    """The one of the two latest subjects the story names most: the person it keeps describing
    (and not a man where the sentence goes on "she", nor a woman where it goes on "he")."""
    start, end = age.span()
    if not _opens_clause(view, start) or inside_quote(view.text, start) or \
            any(m.start < end and start < m.end for m in view.persons):
        return None
    named_here = {m.name for m in view.persons if not m.pronoun}
    said = {("f" if p.group()[0] in "Ss" else "m") for p in PRONOUN.finditer(view.text, end)}
    candidates = [name for name in focus[:2] if name not in named_here
                  and not (len(said) == 1 and gender.get(name, next(iter(said))) not in said)]
    if not candidates or UNNAMED in candidates:
        return None
    chosen = max(candidates, key=lambda name: mentions.get(name, 0))
    return Mention(start, end, chosen, "person", view.text[start:end], pronoun=True)


_QUOTE_MARKS = re.compile("[\"\u201c\u201d]")


def _named_in_open_quote(view: SentenceView) -> set[str]:
    """People named inside a quotation that goes on into the next sentence."""
    text = view.text
    if not _QUOTE_MARKS.search(text) or not inside_quote(text, len(text)):
        return set()
    return {m.name for m in view.persons if not m.pronoun and inside_quote(text, m.start)}


_OBJECT_OF_PRONOUN = re.compile(r"(?:\s+[\w'\u2019-]+){0,4}\s+")     # a few words, no stop or comma
_COPULA = frozenset("is was be been being became become becomes known called named remains".split())
UNNAMED = ""            # in `focus`: a subject the story never names in full, whom no he/she may skip past
_UNNAMED_SUBJECT_VERB = re.compile(r" (?:[a-z]{3,}ed|said|says|told|tells|admits|insists|believes|thinks|adds"
                                   r"|claims|denies)\b")
# "..., but Tennis Australia's Geoff Pollard rejected his comments": a later clause's own subject.
_LATER_CLAUSE = re.compile(r"(?:,\s*|\s)(?:but|while|whereas)\s+(?:(?:[A-Z][\w.\-]*(?:['\u2019]s)?|[a-z]+)\s+){0,4}$")
_CLAUSE_VERB = re.compile(r"\s+(?:[a-z]+ed|said|says|insists|argues|admits|rejects|denies)\b")


def _opens_with_unnamed(text: str, candidate: _Candidate, body_start: int) -> bool:
    """A single name word no full name explains, opening the sentence before a verb:
    someone the story calls only "Federer", whose "he" must not fall to the person before."""
    return (candidate.kind == "single" and not candidate.honorific and not candidate.possessive
            and candidate.start == body_start and bool(_UNNAMED_SUBJECT_VERB.match(text, candidate.end)))


def _later_clause_subject(view: SentenceView, subject: Mention) -> Mention | None:
    """The subject of a "but"/"while" clause after the sentence's own: the next "he said" is
    more likely the one who answered than the one answered."""
    text = view.text
    for mention in view.persons:
        if (mention.start > subject.end and not mention.pronoun and not mention.possessive
                and mention.name != subject.name and _LATER_CLAUSE.search(text, subject.end, mention.start)
                and _CLAUSE_VERB.match(text, mention.end) and may_be_subject(text, mention)):
            return mention
    return None


def _resolve_pronouns(view: SentenceView, focus: list[str], gender: dict[str, str],
                      spoken_of_before: set[str] = frozenset()) -> None:
    """He/she: an earlier person in the sentence, else a recent subject, of a fitting gender;
    never, outside quotation marks, someone the quotation names (a speaker does not name himself).

    "she" prefers someone known to be a woman (given name, Mrs/Ms); "he" never
    picks someone known to be a woman. Unknown gender fits either.
    """
    text = view.text
    pronouns = list(PRONOUN.finditer(text))
    if not pronouns:
        return
    added = []
    antecedents = [m for m in view.persons if not m.possessive and may_be_subject(text, m)]
    quoted = bool(_QUOTE_MARKS.search(text))
    spoken_of = {m.name for m in view.persons if quoted and not m.pronoun and inside_quote(text, m.start)} | \
        spoken_of_before
    for match in pronouns:
        wanted = "f" if match.group()[0] in "Ss" else "m"
        earlier = [m.name for m in antecedents if m.end <= match.start()]
        candidates = list(dict.fromkeys(earlier + focus))
        speaking = not (quoted and inside_quote(text, match.start()))
        if speaking and spoken_of:
            candidates = [n for n in candidates if n not in spoken_of]   # '"Ruud is the best ..." he said'
        target = None
        if wanted == "f":
            target = next((n for n in candidates if gender.get(n) == "f"), None)
        if target is None:
            target = next((n for n in candidates if gender.get(n, wanted) == wanted), None)
        if target and not text[view.body_start:match.start()].strip() and any(
                m.name == target and not m.pronoun and m.start > match.end()
                and _OBJECT_OF_PRONOUN.fullmatch(text, match.end(), m.start)
                and _COPULA.isdisjoint(text[match.end():m.start].split()) for m in view.persons):
            target = None   # "He quoted Chang as saying": he is not Chang (but "he will be known as Baron X")
        if target:          # not UNNAMED: a he/she after someone not named stays unresolved
            added.append(Mention(match.start(), match.end(), target, "person", match.group(),
                                 pronoun=True))
    if added:
        view.persons = sorted(view.persons + added, key=lambda m: m.start)
