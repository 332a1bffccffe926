"""One fact, one card: questions that several stories ask alike become one study item.

Banks stay one per story; decks and self-tests draw on many, and wire copies and
running stories repeat the same question ("Who is the Chancellor?") dozens of
times. Questions with the same front and the same answer become one item that
lists every story stating it. Questions with the same front but different answers
(a person's position changed between stories) stay apart, and their context line
names the stories, so no two items read the same.

Questions wait in a temporary SQLite file, not in memory, so a whole archive
streams through: a bank at a time in, a front at a time out. Where the banks are
in memory anyway (read for an export), the pool keeps only its sort keys there and
points at the questions themselves.
"""
from __future__ import annotations

import copy
import marshal
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterator

from ..answers import normalize
from ..models import Bank, Question, question_row, stable_id

TYPED_FORMS = ("short", "cloze")     # several right answers can share one typed question
ASKED_FORMS = ("short", "mcq")       # one story asks with choices, another without: the same question
TITLES_SHOWN = 2


def front_key(question: Question) -> str:
    """What a learner sees before answering, word for word: the same key, the same question."""
    if question.type == "matching":
        lefts = sorted(_words(left) for left, _ in question.pairs)
        rights = sorted(_words(right) for _, right in question.pairs)
        return stable_id(question.type, _words(question.prompt), lefts, rights)
    form = "ask" if question.type in ASKED_FORMS else question.type     # with or without choices, one question
    return f"{form}\x00{_words(question.prompt)}"


def answer_key(question: Question) -> str:
    if question.type == "matching":
        return stable_id(sorted([_words(left), _words(right)] for left, right in question.pairs))
    return _words(question.answer)


def _words(text: str) -> str:
    """Text as written, spacing aside: questions merge only when they read the same."""
    return " ".join(str(text).split())


@dataclass
class StudyItem:
    """One question as studied: the first story's wording, and every story that asks it."""

    question: Question                  # the first story's question, with every story's accepted answers
    members: list[Question]             # one question per story (or more, when a story asks it twice)
    titles: dict[str, str]              # story id -> title
    contested: bool = False             # another item has the same front with another answer
    with_ids: bool = False              # ... and its stories' titles are the same as well
    answers: list[str] = field(default_factory=list)   # every distinct answer, first story's first

    @property
    def ids(self) -> list[str]:
        return [member.id for member in self.members]

    @property
    def stories(self) -> list[str]:
        return list(dict.fromkeys(member.story for member in self.members))

    def context(self) -> str:
        """The quiet line above the question: which story, or how many, it comes from.

        A contested item names its stories, since a count alone would not say which answer is meant.
        """
        stories = self.stories
        if len(stories) == 1:
            return self._title(stories[0])
        if not self.contested:
            return f"{len(stories)} stories"
        shown = [self._title(story) for story in stories[:TITLES_SHOWN]]
        more = len(stories) - len(shown)
        return " · ".join(shown) + (f" and {more} more {'story' if more == 1 else 'stories'}" if more else "")

    def _title(self, story: str) -> str:
        title = self.titles.get(story, story)
        return f"{title} ({story})" if self.with_ids else title

    def tellings(self) -> list[tuple[str, str, str]]:
        """(story id, title, source sentence) for each story, in order; a story copied word for
        word under the same title (wire copy) is told once."""
        seen: dict[tuple[str, str], tuple[str, str, str]] = {}
        for member in self.members:
            title = self.titles.get(member.story, member.story)
            seen.setdefault((title, member.source), (member.story, title, member.source))
        return list(seen.values())


class QuestionPool:
    """Questions from many banks, parked in a temporary SQLite file, read back as merged items.

    `banks_in_memory`: the caller keeps every bank it adds until the items are read, so
    the pool holds on to the questions rather than copying them into the file (an export
    of banks already read is then about a second quicker over an archive).
    Used as a context manager (or closed): the file is removed at the end.
    """

    def __init__(self, folder: str | None = None, banks_in_memory: bool = False):
        fd, self.path = tempfile.mkstemp(prefix="quizgen-pool-", suffix=".sqlite", dir=folder)
        os.close(fd)
        self.db = sqlite3.connect(self.path)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                              "CREATE TABLE q (front TEXT, answer TEXT, rank INTEGER, story TEXT, title TEXT,"
                              " type TEXT, question BLOB)")
        self.count = 0
        self.held: list[Question] | None = [] if banks_in_memory else None

    def add(self, bank: Bank) -> None:
        rows = []
        for question in bank.questions:
            question.story = question.story or bank.story.id
            if self.held is None:
                kept = marshal.dumps(question_row(question))
            else:
                kept = None
                self.held.append(question)
            rows.append((front_key(question), answer_key(question), self.count, question.story,
                         bank.story.title, question.type, kept))
            self.count += 1
        self.db.executemany("INSERT INTO q VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def items(self) -> Iterator[StudyItem]:
        """Every item, one front at a time: questions with the same front are read together."""
        self.db.commit()
        rows = self.db.execute("SELECT front, answer, story, title, type, question, rank FROM q ORDER BY front, rank")
        held = self.held
        for _, same_front in groupby(rows, key=lambda row: row[0]):
            yield from _merge_front([(*row[:5], Question(*marshal.loads(row[5])) if held is None else held[row[6]])
                                     for row in same_front])

    def close(self) -> None:
        self.db.close()
        try:
            os.unlink(self.path)
        except OSError:
            pass

    def __enter__(self) -> "QuestionPool":
        return self

    def __exit__(self, *_) -> None:
        self.close()


def merge_banks(banks: list[Bank]) -> list[StudyItem]:
    """The merged items of banks already in memory (the self-test's case)."""
    with QuestionPool(banks_in_memory=True) as pool:
        for bank in banks:
            pool.add(bank)
        return list(pool.items())


def _merge_front(rows: list[tuple]) -> list[StudyItem]:
    """Split one front's questions into items: one per answer, except that answers one story
    gives together (a typed question with two right answers) stay one item."""
    if len(rows) == 1:                  # most fronts: one story asks it
        return [_item(rows)]
    by_answer: dict[str, list[tuple]] = {}
    for row in rows:
        by_answer.setdefault(row[1], []).append(row)
    groups = list(by_answer.values())
    if all(row[4] in TYPED_FORMS for row in rows):
        groups = _join_sharing_a_story(groups)
    else:
        groups = _without_ambiguous_stories(groups)
    items = [_item(group) for group in groups]
    if len(items) > 1:                  # most fronts have one answer: nothing to tell apart
        for item in items:
            item.contested = True
        contexts = [item.context() for item in items]
        for item, context in zip(items, contexts):
            item.with_ids = contexts.count(context) > 1      # two stories with one title: name them by id too
    return items


def _join_sharing_a_story(groups: list[list[tuple]]) -> list[list[tuple]]:
    """Answers one story gives to the same typed question, each accepting the other (a person's
    two positions), make one item with both right; unrelated answers stay apart."""
    joined: list[list[tuple]] = []
    for group in groups:
        for other in [other for other in joined if _same_story_accepts(group, other)]:
            joined.remove(other)
            group = other + group
        joined.append(group)
    return joined


def _same_story_accepts(group: list[tuple], other: list[tuple]) -> bool:
    if not {row[2] for row in group} & {row[2] for row in other}:
        return False

    def accepted(rows: list[tuple]) -> set[str]:
        return {normalize(form) for row in rows for form in row[5].accepted} - {""}

    def answers(rows: list[tuple]) -> set[str]:
        return {normalize(row[1]) for row in rows}

    return answers(group) <= accepted(other) or answers(other) <= accepted(group)


def _without_ambiguous_stories(groups: list[list[tuple]]) -> list[list[tuple]]:
    """A choice question one story asks twice with two answers (a quote cut short, say) cannot be
    answered: the first answer in the story is kept, the others left out."""
    seen: set[str] = set()
    kept = []
    for group in groups:
        group = [row for row in group if row[2] not in seen]
        seen.update(row[2] for row in group)
        if group:
            kept.append(group)
    return kept


def _item(rows: list[tuple]) -> StudyItem:
    members = [row[5] for row in rows]
    return _combined(members, members, {row[2]: row[3] for row in rows})


def _combined(lead: list[Question], others: list[Question], titles: dict[str, str]) -> StudyItem:
    """One item of these questions, worded as the first of `lead` (in story order)."""
    first = sorted(lead, key=lambda q: (q.type != "mcq", q.story, q.id))[0]     # choices, where a story gave them
    members = sorted({id(q): q for q in [*lead, *others]}.values(), key=lambda q: (q.story, q.id))
    answers = list(dict.fromkeys([first.answer, *(member.answer for member in members)]))
    accepted = [form for member in members for form in (member.answer, *member.accepted)]
    question = copy.copy(first)
    answer = normalize(first.answer)
    question.accepted = [form for form in dict.fromkeys(accepted) if form != first.answer and normalize(form) != answer]
    return StudyItem(question=question, members=members, titles=titles, answers=answers)


def rejoin(parts: list[StudyItem], lead: StudyItem) -> StudyItem:
    """Items that belong together after all (one note before a story's copy was edited), worded as `lead`."""
    titles = {story: title for part in parts for story, title in part.titles.items()}
    item = _combined(lead.members, [member for part in parts for member in part.members], titles)
    item.contested = any(part.contested for part in parts)
    return item
