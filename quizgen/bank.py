"""The YAML form of a question bank. Nothing else reads or writes bank files."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import yaml

from .atomic import write_atomic
from .errors import QuizgenError, UsageError
from .progress import progress
from .models import STATUSES, Bank, Question, StoryRef, stable_id

DEFAULT_BANK_DIR = Path("question_bank")
MAX_BANK_BYTES = 50 * 1024 * 1024


def bank_path(bank_dir: str | Path, story_id: str) -> Path:
    return Path(bank_dir) / f"{story_id}.yaml"


def bank_files(args: Iterable[str | Path]) -> list[Path]:
    """Expand BANK arguments (files or folders of *.yaml); default ./question_bank."""
    args = list(args) or [DEFAULT_BANK_DIR]
    files: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if p.is_file())
            if not found:
                raise UsageError("folder holds no banks (*.yaml); run `quizgen generate` first", path)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError("no such bank file or folder", path)
    return files


def read_bank(path: str | Path) -> Bank:
    """Load a bank safely: no Python tags, no aliases, bounded size and depth."""
    path = Path(path)
    doc = load_bank_document(path)
    if not isinstance(doc, dict):
        raise QuizgenError("a bank must be a mapping with `story:` and `questions:`", path, 1)
    story = doc.get("story") if isinstance(doc.get("story"), dict) else {}
    questions = doc.get("questions") or []
    if not isinstance(questions, list):
        raise QuizgenError("`questions:` must be a list", path)
    ref = StoryRef(id=str(story.get("id", path.stem)), title=str(story.get("title", path.stem)),
                   file=str(story.get("file", "")))
    for number, item in enumerate(questions, 1):
        if not isinstance(item, dict):
            raise QuizgenError(f"question {number} is not a mapping (run `quizgen validate` for lines)", path)
    return Bank(story=ref, questions=[Question.from_dict(q) for q in questions], path=str(path))


def read_bank_text(path: Path) -> str:
    """The bank's text, refusing what could hurt: huge files, non-UTF-8, YAML aliases."""
    try:
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise QuizgenError(f"bank is larger than {MAX_BANK_BYTES // (1024 * 1024)} MB; refusing to load it", path)
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QuizgenError(f"bank is not UTF-8 text (byte {exc.start})", path) from None
    except OSError as exc:
        raise QuizgenError(f"cannot read bank: {exc.strerror or exc}", path) from None
    if _MAYBE_ALIAS.search(text):
        _refuse_aliases(text, path)
    return text


# An anchor (&a) or alias (*a) can only start after a space, a flow indicator or a line start.
_MAYBE_ALIAS = re.compile(r"(?:^|[\s,\[{:-])[&*][^\s,\[\]{}]")


def _refuse_aliases(text: str, path: Path) -> None:
    """Aliases can blow a small file up into billions of nodes ("billion laughs"): banks never need them."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise QuizgenError("YAML anchors and aliases are not allowed in banks", path,
                                   event.start_mark.line + 1)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from None


def load_bank_document(path: Path) -> object:
    text = read_bank_text(path)
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from None
    except RecursionError:
        raise QuizgenError("bank is too deeply nested", path) from None


def _yaml_error(exc: yaml.YAMLError, path: Path) -> QuizgenError:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "could not determine a constructor" in str(exc):
        problem = "Python and other custom tags are not allowed in banks"
    return QuizgenError(f"not valid YAML: {problem}", path, mark.line + 1 if mark else None)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
_PLAIN = re.compile(r"[A-Za-z\u00c0-\u024f][\w .,;()'\u2018\u2019\u201c\u201d?!/$\u00a3\u20ac%+=\u2013\u2014-]*")
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# Strings a YAML 1.2 reader (ruamel, used for merges) would take for numbers, e.g. an id "71433180e949".
_YAML12_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
                            r"|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


def _scalar(value: object) -> str:
    """One YAML scalar: plain when every YAML reader reads it back as the same text, else quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text if "." in text else text.replace("e", ".0e", 1)     # YAML 1.1 floats need a dot
    text = str(value)
    if (_PLAIN.fullmatch(text) and not text.endswith(" ") and "  " not in text
            and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"
            and not _YAML12_NUMBER.fullmatch(text)):
        return text
    return _quoted(text)


def _quoted(text: str) -> str:
    """A double-quoted YAML scalar: JSON's escapes, plus the characters YAML may not hold raw."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def _scalar_in_flow(value: object) -> str:
    return _quoted(value) if isinstance(value, str) else _scalar(value)


def _emit(value: object, indent: str, out: list[str]) -> None:
    """Block-style YAML for the dicts, lists and scalars of a bank (our own fast writer)."""
    if isinstance(value, dict):
        for key, item in value.items():
            _emit_item(f"{indent}{_scalar(key)}:", item, indent + "  ", out)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                inner: list[str] = []
                _emit(item, indent + "  ", inner)
                out.append(f"{indent}- {inner[0][len(indent) + 2:]}")
                out.extend(inner[1:])
            else:
                _emit_item(f"{indent}-", item, indent + "  ", out)


def _emit_item(head: str, item: object, indent: str, out: list[str]) -> None:
    if isinstance(item, list) and item and head.endswith("-") and \
            not any(isinstance(x, (dict, list)) for x in item):
        out.append(f"{head} [{', '.join(_scalar_in_flow(x) for x in item)}]")   # a matching row
    elif isinstance(item, (dict, list)) and item:
        out.append(head)
        under_a_key = isinstance(item, list) and head.endswith(":")
        _emit(item, indent[:-2] if under_a_key else indent, out)    # "key:\n- item", as people write it
    elif isinstance(item, (dict, list)):
        out.append(f"{head} {'{}' if isinstance(item, dict) else '[]'}")
    else:
        out.append(f"{head} {_scalar(item)}")


EDITABLE = ("prompt", "answer", "choices", "accepted", "tags")


def fingerprint(fields: dict) -> str:
    """What quizgen generated for the fields a person may edit: an edit changes it."""
    return stable_id(*[fields.get(key) for key in EDITABLE], length=10)


def question_record(question: Question) -> dict:
    """A question as stored: its fields plus the fingerprint of what was generated."""
    record = question.to_dict()
    record["generated"] = fingerprint(record)
    return record


def dump_bank(bank: Bank) -> str:
    doc = {"story": {"id": bank.story.id, "title": bank.story.title, "file": bank.story.file},
           "questions": [question_record(q) for q in bank.questions]}
    lines: list[str] = []
    _emit(doc, "", lines)
    return BANK_HEADER + "\n".join(lines) + "\n"


BANK_HEADER = ("# quizgen question bank: edit freely. Regeneration keeps your edits, statuses\n"
               "# (draft/approved/rejected), comments and hand-written questions. See docs/bank.md.\n")


def write_bank(bank: Bank, path: str | Path) -> Path:
    return write_atomic(path, dump_bank(bank))


@dataclass
class QuestionFilter:
    """The filters every exporter and the self-test share."""

    stories: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=lambda: [s for s in STATUSES if s != "rejected"])
    min_difficulty: int = 1
    max_difficulty: int = 3

    def describe(self) -> str:
        """The filters in force, as options, for a message that says what left nothing."""
        parts = [f"--story {s}" for s in self.stories] + [f"--type {t}" for t in self.types]
        parts += [f"--tag {t}" for t in self.tags] + [f"--status {s}" for s in self.statuses]
        if (self.min_difficulty, self.max_difficulty) != (1, 3):
            parts.append(f"difficulty {self.min_difficulty}-{self.max_difficulty}")
        return " ".join(parts)

    def accepts(self, bank: Bank, question: Question) -> bool:
        return ((not self.stories or bank.story.id in self.stories or question.story in self.stories)
                and (not self.types or question.type in self.types)
                and (not self.tags or bool(set(self.tags) & set(question.tags)))
                and question.status in self.statuses
                and self.min_difficulty <= question.difficulty <= self.max_difficulty)


@dataclass
class Selection:
    """Banks holding only the questions that passed the filter."""

    banks: list[Bank]

    @property
    def questions(self) -> list[Question]:
        return [q for bank in self.banks for q in bank.questions]


def select_questions(args: Sequence[str | Path], filters: QuestionFilter | None = None,
                     show_progress: bool = False) -> Selection:
    """Read banks and keep the questions the filter accepts: the one way exporters read banks."""
    filters = filters or QuestionFilter()
    banks = []
    paths = bank_files(args)
    for path in progress(paths, len(paths), "banks", show_progress and len(paths) > 50):
        bank = read_bank(path)
        bank.questions = [q for q in bank.questions if filters.accepts(bank, q)]
        banks.append(bank)
    if not any(bank.questions for bank in banks):
        raise UsageError(f"no questions match {filters.describe()} in {len(banks)} bank(s)")
    return Selection(banks)


@dataclass
class MergeReport:
    """What regeneration did (or, with --dry-run, would do) to one bank file."""

    path: str
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)       # unchanged, or a person's edit kept
    updated: list[str] = field(default_factory=list)    # untouched by people, refreshed from the rules
    stale: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)    # stale questions whose fact is found again
    renamed: list[str] = field(default_factory=list)    # old-style ids given their story-named id


def save_generated(generated: Bank, path: str | Path, dry_run: bool = False) -> MergeReport:
    """Write freshly generated questions, merging into an existing bank without losing a person's work."""
    path = Path(path)
    if not path.exists():
        report = MergeReport(path=str(path), added=[q.id for q in generated.questions])
        if not dry_run:
            write_bank(generated, path)
        return report
    from .bank_merge import merge_into_file
    return merge_into_file(generated, path, dry_run)
