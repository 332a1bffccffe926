"""The shared core of every printable format: pick, group, number and shuffle into versions.

Like R/exams, the PDF, HTML and Markdown writers differ only in how they draw a
QuizLayout; which questions appear, their order, the choice letters and the
answer key are decided here, once, from the seed.

`pick` is the one place that decides which questions may stand together in a
quiz: each fact is asked once, and no question gives away another's answer.
The Anki sampler and the self-test use it too.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..answers import normalize
from ..bank import Selection
from ..errors import UsageError
from ..models import Question, stable_id
from ..stories import BUNDLED_DIR, parse_story, read_story_text, split_sentences
from . import ExportOptions

LETTERS = "ABCDEFGH"
SECTIONS = (("mcq", "Multiple choice", "Circle the letter of the best answer."),
            ("truefalse", "True or false", "Tick True or False."),
            ("short", "Short answer", "Write your answer on the line."),
            ("cloze", "Fill in the blank", "Write the missing words."),
            ("matching", "Matching", "Write the letter of the matching item next to each number."))
POINTS = {"mcq": 1, "truefalse": 1, "short": 2, "cloze": 2}
MIN_GIVEAWAY_CHARS = 3      # shorter answers ("5", "US") stand in too many unrelated sentences
MAX_GIVEAWAY_WORDS = 8      # longer answers (quotes) only repeat in their own sentence, checked apart


# ---------------------------------------------------------------------------------------------
# Picking: a quiz is a set of facts, not a list of questions.

@dataclass(slots=True)
class _Candidate:
    """A question with what it asks (facts, sentences, answers) and what it shows (words)."""

    question: Question
    rank: str                               # seeded tie-breaker
    facts: frozenset[str]
    sentences: frozenset[str]
    answers: frozenset[tuple[str, ...]]     # normalised answer forms, as word tuples
    _shown: tuple[str, ...] | None = None

    @property
    def bucket(self) -> tuple[str, str]:
        return self.question.type, fact_kind(self.question)

    @property
    def shown(self) -> tuple[str, ...]:
        """The words of its stem, matching items and source, where another's answer must not stand."""
        if self._shown is None:
            question = self.question
            parts = [question.prompt, question.source, *(item for pair in question.pairs for item in pair)]
            self._shown = tuple(normalize(" \n ".join(parts)).split())
        return self._shown


def fact_kind(question: Question) -> str:
    return str(question.fact.get("type") or question.type)


def question_facts(question: Question) -> frozenset[str]:
    """The facts a question asks about: its own, a matching question's several, else itself."""
    fact = question.fact
    listed = fact.get("facts") if isinstance(fact.get("facts"), list) else []
    ids = {str(f) for f in listed} | ({str(fact["id"])} if fact.get("id") else set())
    return frozenset(ids or {f"question:{question.id}"})


def _sentence_key(text: str) -> str:
    return " ".join(text.lower().split())


def _sentences(question: Question) -> frozenset[str]:
    if question.type != "matching":
        return frozenset({_sentence_key(question.source)} if question.source.strip() else ())
    return frozenset(_sentence_key(s.text) for s in split_sentences(question.source))


def _answers(question: Question) -> frozenset[tuple[str, ...]]:
    """Answer forms whose appearance in another question would give this one away."""
    if question.type == "truefalse":
        texts: list[str] = []
    elif question.type == "matching":
        texts = [right for _, right in question.pairs]
    else:
        texts = [question.answer, *question.accepted]
    forms = set()
    for text in texts:
        form = normalize(text)
        if len(form) >= MIN_GIVEAWAY_CHARS and form.count(" ") < MAX_GIVEAWAY_WORDS:
            forms.add(tuple(form.split()))
    return frozenset(forms)


class _Chosen:
    """What the questions chosen so far ask and show, indexed so each check is a few lookups."""

    def __init__(self, answer_words: Iterable[tuple[str, ...]]):
        self.facts: set[str] = set()
        self.sentences: set[str] = set()
        self.answers_by_first: dict[str, set[tuple[str, ...]]] = {}
        self.revealed: set[tuple[str, ...]] = set()     # every pool answer form some chosen question shows
        self.pool_lengths: dict[str, set[int]] = {}     # first word -> lengths of pool answer forms
        for form in answer_words:
            self.pool_lengths.setdefault(form[0], set()).add(len(form))

    def clashes(self, candidate: _Candidate) -> bool:
        if candidate.facts & self.facts or candidate.sentences & self.sentences:
            return True
        if candidate.answers & self.revealed:
            return True         # its answer stands in a chosen question
        words = candidate.shown
        for at, word in enumerate(words):
            for form in self.answers_by_first.get(word, ()):
                if words[at:at + len(form)] == form:
                    return True     # a chosen question's answer stands in this one
        return False

    def add(self, candidate: _Candidate) -> None:
        self.facts |= candidate.facts
        self.sentences |= candidate.sentences
        for form in candidate.answers:
            self.answers_by_first.setdefault(form[0], set()).add(form)
        words = candidate.shown
        for at, word in enumerate(words):
            for length in self.pool_lengths.get(word, ()):
                self.revealed.add(words[at:at + length])


def _rank(seed: int, key: str) -> str:
    return hashlib.blake2b(f"{seed}\x00{key}".encode("utf-8"), digest_size=8).hexdigest()


def pick(questions: Iterable[Question], count: int | None = None, seed: int = 0) -> list[Question]:
    """Up to `count` questions (all that can stand together when None) that form a fair set.

    Each fact is asked once; no two questions share a source sentence; no question's
    answer stands in another's stem or source. Stories take turns, and each story
    gives the question whose type and fact kind the quiz has least of, so the set
    spreads across stories, question types and fact kinds. Same seed, same set.
    Linear in the number of questions: each is examined at most once.
    """
    stories: dict[str, dict[tuple[str, str], list[_Candidate]]] = {}
    candidates = []
    for question in questions:
        candidate = _Candidate(question, _rank(seed, question.id), question_facts(question),
                               _sentences(question), _answers(question))
        candidates.append(candidate)
        stories.setdefault(question.story, {}).setdefault(candidate.bucket, []).append(candidate)
    chosen = _Chosen(form for c in candidates for form in c.answers)
    for buckets in stories.values():
        for bucket in buckets.values():
            bucket.sort(key=lambda c: (c.question.score, c.rank), reverse=True)   # best last: pop() takes it
    type_use: dict[str, int] = {}
    kind_use: dict[str, int] = {}
    order = sorted(stories, key=lambda story: _rank(seed, f"story:{story}"))
    picked: list[Question] = []
    while order and (count is None or len(picked) < count):
        still: list[str] = []
        for story in order:
            if count is not None and len(picked) >= count:
                still.append(story)
                continue
            candidate = _take(stories[story], chosen, type_use, kind_use)
            if candidate is None:
                continue            # the story has nothing left that fits
            chosen.add(candidate)
            picked.append(candidate.question)
            qtype, kind = candidate.bucket
            type_use[qtype] = type_use.get(qtype, 0) + 1
            kind_use[kind] = kind_use.get(kind, 0) + 1
            still.append(story)
        order = still
    return picked


def _take(buckets: dict[tuple[str, str], list[_Candidate]], chosen: _Chosen,
          type_use: dict[str, int], kind_use: dict[str, int]) -> _Candidate | None:
    """The story's best question that fits: least-used type, then kind, first; misfits are dropped for good
    (the chosen set only grows, so a question that clashes now always will). Matching goes first among
    equals: it shows many names, so it only fits early."""
    def need(bucket: tuple[str, str]) -> tuple:
        qtype, kind = bucket
        return type_use.get(qtype, 0), qtype != "matching", kind_use.get(kind, 0), buckets[bucket][-1].rank

    while buckets:
        bucket = min(buckets, key=need)
        candidate = buckets[bucket].pop()
        if not buckets[bucket]:
            del buckets[bucket]
        if not chosen.clashes(candidate):
            return candidate
    return None


# ---------------------------------------------------------------------------------------------
# Laying out: versions, sections, story groups.

@dataclass
class Item:
    """A question as placed in one version: its number, shuffled choices and key entry."""

    number: int
    question: Question
    choices: list[str] = field(default_factory=list)
    right_column: list[str] = field(default_factory=list)     # matching: shuffled right-hand items
    key: str = ""
    points: int = 1
    story_title: str = ""       # set when the quiz spans stories and does not print them


@dataclass
class Section:
    type: str
    title: str
    instructions: str
    items: list[Item]


@dataclass
class StoryText:
    """A story as printed before its questions: title and paragraphs, verbatim."""

    id: str
    title: str
    paragraphs: list[str]


@dataclass
class Group:
    """Sections of questions, under the story they are about when the quiz prints its stories."""

    story: StoryText | None
    sections: list[Section]


@dataclass
class Version:
    letter: str
    groups: list[Group]

    @property
    def sections(self) -> list[Section]:
        return [section for group in self.groups for section in group.sections]

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    @property
    def total_points(self) -> int:
        return sum(item.points for item in self.items)


@dataclass
class QuizLayout:
    title: str
    versions: list[Version]
    story_titles: list[str]         # the stories the questions are about, in quiz order
    answer_key: bool = True
    key_only: bool = False
    with_story: bool = False

    @property
    def about(self) -> str:
        """The one story a single-story quiz is about, for its heading ('' when several or printed)."""
        return self.story_titles[0] if len(self.story_titles) == 1 and not self.with_story else ""


def lay_out(selection: Selection, options: ExportOptions) -> QuizLayout:
    """The quiz every printable format draws: only the chosen questions are laid out."""
    questions = pick(selection.questions, options.count, options.seed)
    titles = {bank.story.id: bank.story.title for bank in selection.banks}
    story_order = list(dict.fromkeys(q.story for q in sorted(questions, key=lambda q: titles.get(q.story, q.story))))
    texts = read_story_texts(selection, story_order, options.story_dirs) if options.with_story else {}
    label = len(story_order) > 1 and not options.with_story
    versions = []
    for k in range(max(1, options.versions)):
        rng = random.Random(stable_id("version", options.seed, k))
        letter = LETTERS[k] if options.versions > 1 else ""
        if options.with_story:
            groups = [Group(texts[story], _sections([q for q in questions if q.story == story], rng, {}))
                      for story in story_order]
        else:
            groups = [Group(None, _sections(questions, rng, titles if label else {}))]
        _number(groups)
        versions.append(Version(letter, groups))
    return QuizLayout(title=options.title, versions=versions,
                      story_titles=[titles.get(story, story) for story in story_order],
                      answer_key=options.answer_key, key_only=options.key_only, with_story=options.with_story)


def _sections(questions: list[Question], rng: random.Random, titles: dict[str, str]) -> list[Section]:
    sections: list[Section] = []
    for qtype, title, instructions in SECTIONS:
        chosen = [q for q in questions if q.type == qtype]
        rng.shuffle(chosen)
        items = [_item(question, rng, titles.get(question.story, "")) for question in chosen]
        if items:
            sections.append(Section(qtype, title, instructions, items))
    return sections


def _number(groups: list[Group]) -> None:
    items = [item for group in groups for section in group.sections for item in section.items]
    for number, item in enumerate(items, 1):
        item.number = number


def _item(question: Question, rng: random.Random, story_title: str) -> Item:
    item = Item(number=0, question=question, points=POINTS.get(question.type, 1), story_title=story_title)
    if question.type == "mcq":
        item.choices = list(question.choices)
        rng.shuffle(item.choices)
        index = item.choices.index(question.answer) if question.answer in item.choices else -1
        item.key = f"{LETTERS[index]}) {question.answer}" if index >= 0 else question.answer
    elif question.type == "truefalse":
        item.choices = ["True", "False"]
        item.key = question.answer
    elif question.type == "matching":
        rights = [right for _, right in question.pairs]
        item.right_column = list(rights)
        rng.shuffle(item.right_column)
        item.key = ", ".join(f"{n}{LETTERS[item.right_column.index(right)]}"
                             for n, (_, right) in enumerate(question.pairs, 1))
        item.points = max(1, len(question.pairs))
    else:
        item.key = question.answer
    return item


# ---------------------------------------------------------------------------------------------
# Story texts for --with-story: the bank records each story's file name; the text is read from it.

def read_story_texts(selection: Selection, story_ids: Sequence[str], dirs: Sequence[str | Path]) -> dict[str, StoryText]:
    """Each story's title and paragraphs, read from its file.

    The file is looked for under each --stories folder (at any depth), then beside the
    bank (its folder and that folder's parent), then among the bundled stories. A story
    that cannot be found is one clear error naming the bank.
    """
    refs = {bank.story.id: bank for bank in selection.banks}
    index = _story_file_index(dirs)
    texts = {}
    for story_id in story_ids:
        bank = refs[story_id]
        path = _find_story_file(bank.story.file, bank.path, index)
        if path is None:
            where = f"under {', '.join(str(d) for d in dirs)} or " if dirs else ""
            raise UsageError(f"story file {bank.story.file or '(none recorded)'!r} of story {story_id!r} "
                             f"not found {where}beside the bank; give its folder with --stories DIR", bank.path)
        story = parse_story(read_story_text(str(path)), path.name)
        texts[story_id] = StoryText(story_id, story.title, story.text.split("\n\n"))
    return texts


def _story_file_index(dirs: Sequence[str | Path]) -> dict[str, Path]:
    index: dict[str, Path] = {}
    for folder in dirs:
        if not Path(folder).is_dir():
            raise UsageError("no such folder of stories", folder)
        for path in sorted(Path(folder).rglob("*.txt")):
            index.setdefault(path.name, path)
    return index


def _find_story_file(name: str, bank_path: str | None, index: dict[str, Path]) -> Path | None:
    if not name or name == "-":
        return None
    if Path(name).name in index:
        return index[Path(name).name]
    bank_dir = Path(bank_path).parent if bank_path else Path(".")
    for folder in (bank_dir, bank_dir.parent, BUNDLED_DIR):
        path = folder / name
        if path.is_file():
            return path
    return None
