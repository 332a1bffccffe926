"""Bank text out: a fast block-YAML writer whose every value reads back as the same text.

Text is written plain only when no YAML reader (1.1 or 1.2) would take it for
something else, and quoted otherwise, so `no.txt`'s story id `no`, an answer
`10:30` or `0755` survive any tool a teacher opens the file with. Fields the
schema calls numbers or flags are written plain. Writing what was read gives
back the same bytes, which is how a merge tells a question nobody touched.
"""
from __future__ import annotations

import re
from functools import lru_cache
from json.encoder import encode_basestring      # what json.dumps(text, ensure_ascii=False) calls
from pathlib import Path

from ..atomic import write_atomic
from .cache import file_identity
from ..models import Bank, Question, StoryRef, stable_id
from .schema import NUMBER_FIELDS, SCHEMA_FILE, SCHEMA_NAME

BANK_HEADER = (f"# yaml-language-server: $schema={SCHEMA_NAME}\n"
               "# quizgen question bank: edit freely. Regeneration keeps your edits, statuses\n"
               "# (draft/approved/rejected), comments and hand-written questions. See docs/bank.md.\n")
FINGERPRINT_LENGTH = 16
LEGACY_FINGERPRINT_FIELDS = ("prompt", "answer", "choices", "accepted", "tags")
NOT_FINGERPRINTED = ("id", "status", "generated", "stale")    # what quizgen itself may change

_PLAIN = re.compile(r"[A-Za-z\u00c0-\u024f][\w .,;()'\u2018\u2019\u201c\u201d?!/$\u00a3\u20ac%+=\u2013\u2014-]*")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|-?\.inf|\.nan|true|false")
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def as_loaded(value: object) -> object:
    """The value as a bank reader gives it back: every scalar as its text, no empty slots.
    (Text, by far the commonest value, is passed through without a call.)"""
    if type(value) is str:
        return value
    if isinstance(value, dict):
        return {k if type(k) is str else str(as_loaded(k)): v if type(v) is str else as_loaded(v)
                for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [v if type(v) is str else as_loaded(v) for v in value]
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text if "." in text else text.replace("e", ".0e", 1)   # YAML 1.1 floats need a dot
    return str(value)


# Plain words some YAML reader (1.1 or 1.2) takes for a flag or for null. Plain text must
# start with a letter (`_PLAIN`), so no number, date or time can be mistaken for it.
_RESERVED_WORDS = frozenset("""y Y yes Yes YES n N no No NO true True TRUE false False FALSE
on On ON off Off OFF null Null NULL""".split())


@lru_cache(maxsize=1 << 14)       # field names and common values recur in every bank
def needs_quotes(text: str) -> bool:
    """Whether some YAML reader would read this text, written plain, as anything else."""
    return not (_PLAIN.fullmatch(text) and not text.endswith(" ") and "  " not in text
                and text not in _RESERVED_WORDS)


def scalar_text(text: str) -> str:
    """One text value as it is written after `key: `."""
    return _scalar(text)


def _scalar(text: str, key: str = "") -> str:
    if key in NUMBER_FIELDS and PLAIN_NUMBER.fullmatch(text):
        return text
    return quoted(text) if needs_quotes(text) else text


def quoted(text: str) -> str:
    """A double-quoted YAML scalar: JSON's escapes, plus the characters YAML may not hold raw."""
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", encode_basestring(text))


def emit(value: object, indent: str = "", key: str = "") -> list[str]:
    """Block-style lines for plain data already as loaded (`as_loaded`): dicts, lists and text."""
    out: list[str] = []
    _emit(value, indent, key, out)
    return out


def _emit(value: object, indent: str, key: str, out: list[str]) -> None:
    """Text values (most of a bank) are written here directly; anything else by `_emit_item`."""
    if isinstance(value, dict):
        for name, item in value.items():
            if type(item) is str:
                out.append(f"{indent}{_scalar(name)}: {_scalar(item, name)}")
            else:
                _emit_item(f"{indent}{_scalar(name)}:", item, indent + "  ", name, out)
    elif isinstance(value, list):
        for item in value:
            if type(item) is str:
                out.append(f"{indent}- {_scalar(item, key)}")
            elif isinstance(item, dict) and item:
                inner: list[str] = []
                _emit(item, indent + "  ", key, inner)
                out.append(f"{indent}- {inner[0][len(indent) + 2:]}")
                out.extend(inner[1:])
            else:
                _emit_item(f"{indent}-", item, indent + "  ", key, out)


def _emit_item(head: str, item: object, indent: str, key: str, out: list[str]) -> None:
    if isinstance(item, list) and item and head.endswith("-") and not any(isinstance(x, (dict, list)) for x in item):
        out.append(f"{head} [{', '.join(quoted(x) for x in item)}]")    # a matching row
    elif isinstance(item, (dict, list)) and item:
        out.append(head)
        under_a_key = isinstance(item, list) and head.endswith(":")
        _emit(item, indent[:-2] if under_a_key else indent, key, out)    # "key:\n- item", as people write it
    elif isinstance(item, (dict, list)):
        out.append(f"{head} {'{}' if isinstance(item, dict) else '[]'}")
    else:
        out.append(f"{head} {_scalar(item, key)}")


def fingerprint(record: dict) -> str:
    """What quizgen generated, over every field a person may edit: any edit changes it."""
    return _fingerprint_loaded(as_loaded(record))


def _fingerprint_loaded(loaded: dict) -> str:
    return stable_id(*[(key, value) for key, value in loaded.items() if key not in NOT_FINGERPRINTED],
                     length=FINGERPRINT_LENGTH)


def legacy_fingerprint(record: dict) -> str:
    """The fingerprint banks written by quizgen 0.1 carry (five fields only)."""
    return stable_id(*[record.get(key) for key in LEGACY_FINGERPRINT_FIELDS], length=10)


def question_record(question: Question) -> dict:
    """A question as stored, as loaded: its fields plus the fingerprint of what was generated."""
    record = as_loaded(question.to_dict())
    record["generated"] = _fingerprint_loaded(record)      # already as loaded: no second walk
    return record


def story_record(story: StoryRef) -> dict:
    return {key: str(value) for key, value in (("id", story.id), ("title", story.title), ("file", story.file),
                                          ("sha256", story.sha256), ("rules", story.rules)) if value}


def question_block(record: dict, indent: str = "") -> str:
    """One question as the lines of a list item."""
    return "\n".join(emit([record], indent)) + "\n"


def dump_bank(bank: Bank) -> str:
    return dump_records(story_record(bank.story), [question_record(q) for q in bank.questions])


def dump_records(story: dict, questions: list[dict]) -> str:
    """A bank's text from its story record and question records (both as loaded)."""
    lines = emit({"story": story})
    lines += ["questions:", *emit(questions)] if questions else ["questions: []"]
    return BANK_HEADER + "\n".join(lines) + "\n"


def write_bank(bank: Bank, path: str | Path) -> Path:
    path = Path(path)
    write_text(path, dump_bank(bank))
    return path


def write_text(path: Path, text: str) -> None:
    """Write a bank, with the schema editors read beside it (see the header's first line)."""
    write_atomic(path, text)
    _write_schema(path.parent / SCHEMA_NAME)


_SCHEMA_SEEN: dict[Path, tuple[int, int, int]] = {}     # schema copy -> (size, mtime, inode) when found current


def _write_schema(schema: Path) -> None:
    """Bring the schema copy up to date. A copy already found current in this process and not
    changed since (same size, time and inode) is not read again: a batch writes thousands of banks."""
    seen = file_identity(schema)
    if seen is not None and _SCHEMA_SEEN.get(schema) == seen:
        return
    wanted = _bundled_schema()
    try:
        current = schema.read_bytes()
    except OSError:
        current = b""
    if current != wanted:
        write_atomic(schema, wanted)
    identity = file_identity(schema)
    if identity is not None:
        _SCHEMA_SEEN[schema] = identity


@lru_cache(maxsize=1)
def _bundled_schema() -> bytes:
    return SCHEMA_FILE.read_bytes()

