"""Merge regenerated questions into a bank a person may have edited.

Each generated question carries `generated`, a fingerprint of every field a
person may edit, as quizgen wrote it. A question whose fields no longer match
it was edited, and the person's version wins whole. Questions without a
fingerprint were written by hand and are left alone. Nothing is deleted: a
question whose fact the rules no longer find is marked `stale: true`.

The bank is handled question by question, as text: a question nobody touched
(its text is exactly what the writer would write) may be rewritten; any other
is changed only by the smallest edits (its id, its stale flag), so comments
and a person's layout survive. A bank whose layout this cannot follow (say,
flow style) is merged through ruamel's round-trip reader instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QuizgenError
from ..models import Bank, legacy_question_id, question_id
from .reading import Layout, parse_item, parse_yaml, split_layout
from .schema import flag
from .writing import (FINGERPRINT_LENGTH, LEGACY_FINGERPRINT_FIELDS, NOT_FINGERPRINTED, fingerprint,
                      legacy_fingerprint, question_block, question_record, scalar_text, story_record)

FORM_OF_TYPE = {"short": "ask", "mcq": "ask", "truefalse": "truefalse", "cloze": "cloze"}
QUIZGEN_OWNS = ("file", "sha256", "rules")       # story fields quizgen keeps current; the title is yours


@dataclass
class MergeReport:
    """What regeneration did (or, with --dry-run, would do) to one bank file."""

    path: str
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)       # unchanged, or a person's version kept
    updated: list[str] = field(default_factory=list)    # untouched by people, refreshed from the rules
    stale: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)    # stale questions whose fact is found again
    renamed: list[str] = field(default_factory=list)    # old-style ids given their story-named id
    up_to_date: bool = False     # same story text, same rules: not regenerated at all
    written: bool = False        # the file was (re)written

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.stale or self.revived or self.renamed)


@dataclass
class Merged:
    """The bank text after a merge (None when nothing changed) and its questions as saved."""

    text: str | None
    questions: list[dict]
    report: MergeReport
    story: dict


@dataclass
class _Plan:
    """What a merge does to one existing question."""

    data: dict                       # the question as it will be saved
    rename: tuple[str, str] | None = None
    stale: bool | None = None        # True: mark stale; False: revive
    rewrite: bool = False            # quizgen replaces the whole question with `data`


class _Planner:
    """Decides, question by question, what regeneration may change."""

    def __init__(self, generated: Bank, report: MergeReport):
        self.story_id = generated.story.id
        self.fresh = {q.id: q for q in generated.questions}
        self.found_facts = {q.fact.get("id") for q in generated.questions} | {
            fact for q in generated.questions for fact in q.fact.get("facts", ())}
        self.report = report

    def plan(self, data: dict, may_rewrite: bool) -> _Plan:
        plan = _Plan(dict(data))
        old_id = str(data.get("id", ""))
        new_id = self._current_id(data)
        if new_id != old_id:
            plan.rename = (old_id, new_id)
            plan.data["id"] = new_id
            self.report.renamed.append(new_id)
        new = self.fresh.pop(new_id, None)
        generated = "generated" in data
        if new is None:
            if generated and self._fact_found(data):
                if flag(data.get("stale")):
                    plan.stale = False
                    plan.data.pop("stale", None)
                    self.report.revived.append(new_id)
                self.report.kept.append(new_id)     # the fact is there, asked another way this time
            elif generated and flag(data.get("stale")) is not True:
                plan.stale = True
                plan.data["stale"] = "true"
                self.report.stale.append(new_id)
            return plan
        if flag(data.get("stale")):
            plan.stale = False
            plan.data.pop("stale", None)
            self.report.revived.append(new_id)
        record = question_record(new)
        record["status"] = data.get("status", "draft")
        if not generated or _edited(data, record) or not may_rewrite or _same(data, record):
            self.report.kept.append(new_id)
            return plan
        plan.data, plan.rewrite, plan.stale = record, True, None
        self.report.updated.append(new_id)
        return plan

    def _fact_found(self, data: dict) -> bool:
        fact = data.get("fact")
        if not isinstance(fact, dict):
            return False
        facts = fact.get("facts") if isinstance(fact.get("facts"), list) else [fact.get("id")]
        return bool(facts) and all(f in self.found_facts for f in facts)

    def additions(self) -> list[dict]:
        added = []
        for question in self.fresh.values():
            record = question_record(question)
            record["status"] = "draft"
            added.append(record)
            self.report.added.append(question.id)
        return added

    def _current_id(self, data: dict) -> str:
        """The question's id, or its story-named id if it is a generated id from before ids named their story."""
        old = str(data.get("id", ""))
        fact, form = data.get("fact"), FORM_OF_TYPE.get(str(data.get("type", "")))
        if "generated" not in data or not isinstance(fact, dict) or not form:
            return old
        fact_id, template = str(fact.get("id", "")), str(data.get("template", ""))
        if legacy_question_id(fact_id, template, form) != old:
            return old
        return question_id(self.story_id, fact_id, template, form)


def _edited(data: dict, record: dict) -> bool:
    mark = str(data.get("generated", ""))
    if len(mark) == FINGERPRINT_LENGTH:
        return fingerprint(data) != mark
    # quizgen 0.1 fingerprinted five fields; any other difference may be a person's: keep it.
    others = {k for k in set(data) | set(record) if k not in NOT_FINGERPRINTED + LEGACY_FINGERPRINT_FIELDS}
    return legacy_fingerprint(data) != mark or any(data.get(k) != record.get(k) for k in others)


def _same(data: dict, record: dict) -> bool:
    ignore = ("status", "stale")
    return ({k: v for k, v in data.items() if k not in ignore} == {k: v for k, v in record.items() if k not in ignore})


def merge_text(text: str, generated: Bank, path: Path) -> Merged:
    """Merge `generated` into a bank's text; the fast path when its layout is the writer's."""
    report = MergeReport(path=str(path))
    layout = split_layout(text)
    if layout is not None:
        merged = _merge_layout(layout, generated, path, report)
        if merged is not None:
            return merged
        report = MergeReport(path=str(path))
    from .roundtrip import merge_roundtrip
    return merge_roundtrip(text, generated, path, _Planner(generated, report), report)


# --- the fast path: the bank as a head and a list of question texts ------------------

def _merge_layout(layout: Layout, generated: Bank, path: Path, report: MergeReport) -> Merged | None:
    try:
        head = parse_yaml(layout.head, path)
        parsed = [parse_item(item, layout.indent, path) for item in layout.items]
    except QuizgenError:
        return None             # the round-trip path reports the problem with its line
    if not (isinstance(head, dict) and isinstance(head.get("story"), dict) and head.get("questions") in ("", [])):
        return None
    check_same_story(head["story"], [items[0] for items, _ in parsed if isinstance(items, list) and items],
                     generated, path)
    planner = _Planner(generated, report)
    pieces: list[str] = []
    saved: list[dict] = []
    for item, (items, pristine) in zip(layout.items, parsed):
        if not (isinstance(items, list) and len(items) == 1):
            return None
        data = items[0]
        if not isinstance(data, dict):
            pieces.append(item.glue + item.text)
            saved.append(data)          # kept as written; validation names its line
            continue
        plan = planner.plan(data, may_rewrite=pristine)
        if plan.rewrite or (pristine and (plan.rename or plan.stale is not None)):
            text = question_block(plan.data, layout.indent)
        else:
            text = _edit_text(item.text, plan, layout.indent)
            if text is None:
                return None
        pieces.append(item.glue + text)
        saved.append(plan.data)
    additions = planner.additions()
    story, head_text = _update_head(layout.head, head["story"], generated)
    if head_text is None:
        return None
    if additions:
        if layout.empty_list:
            head_text = re.sub(r"(?m)^questions:[ \t]*\[\]", "questions:", head_text, count=1)
        if pieces and not pieces[-1].endswith("\n"):
            pieces[-1] += "\n"
        pieces += [question_block(record, layout.indent) for record in additions]
    text = head_text + "".join(pieces) + layout.tail
    changed = report.changed or head_text != layout.head
    return Merged(text if changed else None, saved + additions, report, story)


SAME_STORY_SHARE = 0.5      # of a bank's fact sentences a corrected story still holds


def check_same_story(recorded: dict, questions: list, generated: Bank, path: Path) -> None:
    """A story id is never reused for a different story. The bank names the file it was made
    from; a file of the same name whose text changed must still hold most of the sentences
    the bank's questions came from (a corrected story does; another story does not)."""
    file = str(recorded.get("file") or "")
    if file and generated.story.file and file != generated.story.file:
        raise QuizgenError(f"holds the questions of {file!r}, not of {generated.story.file!r} (both have the "
                           f"story id {generated.story.id!r}); rename one of the two files", path)
    if not recorded.get("sha256") or recorded.get("sha256") == generated.story.sha256:
        return
    old = {q["fact"].get("sentence") for q in questions
           if isinstance(q, dict) and "generated" in q and isinstance(q.get("fact"), dict)} - {None, ""}
    new = {q.fact.get("sentence") for q in generated.questions}
    if len(old) >= 3 and len(old & new) < SAME_STORY_SHARE * len(old):
        raise QuizgenError(f"holds the questions of another story named {file!r}: only {len(old & new)} of the "
                           f"{len(old)} sentences its questions came from are in this one; rename one of the two "
                           "files (or delete the bank to start it again)", path)


def story_updates(recorded: dict, generated: Bank) -> dict[str, str]:
    """The story fields quizgen keeps current (the file, a hash of its text, the rules that read it)."""
    wanted = story_record(generated.story)
    return {key: wanted[key] for key in QUIZGEN_OWNS if key in wanted and recorded.get(key) != wanted[key]}


def _update_head(head: str, recorded: dict, generated: Bank) -> tuple[dict, str | None]:
    story = dict(recorded)
    changes = story_updates(recorded, generated)
    story.update(changes)
    for key, value in changes.items():
        line = f"{key}: {scalar_text(value)}"
        head, replaced = re.subn(rf"(?m)^([ \t]+){key}:[^\n]*$", lambda m: m.group(1) + line, head, count=1)
        if not replaced:
            head, inserted = re.subn(r"(?m)^(story:[ \t]*(?:#[^\n]*)?\n([ \t]+)id:[^\n]*\n)",
                                     lambda m: f"{m.group(1)}{m.group(2)}{line}\n", head, count=1)
            if not inserted:
                return story, None
    return story, head


def _edit_text(text: str, plan: _Plan, indent: str) -> str | None:
    """The smallest edits to a question a person touched: its id and its stale flag."""
    if plan.rename:
        old, new = plan.rename
        text, done = re.subn(rf"(?m)^({re.escape(indent)}- |{re.escape(indent)}  )id:[ \t]*([\"']?){re.escape(old)}\2",
                             lambda m: f"{m.group(1)}id: {scalar_text(new)}", text, count=1)
        if not done:
            return None
    if plan.stale is True:
        text, done = re.subn(r"(?m)^([ \t]+)stale:[^\n]*$", lambda m: f"{m.group(1)}stale: true", text, count=1)
        if not done:
            text = (text if text.endswith("\n") else text + "\n") + f"{indent}  stale: true\n"
    elif plan.stale is False:
        text, done = re.subn(r"(?m)^[ \t]+stale:[^\n]*\n?", "", text, count=1)
        if not done:
            return None
    return text
