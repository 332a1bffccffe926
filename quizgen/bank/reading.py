"""Bank text in, plain data out: the one YAML reading every part of quizgen uses.

Every scalar is read as the text a person typed (PyYAML's base loader, the C one
where available): `10:30`, `NO`, `0755` and `On` stay text, whatever YAML 1.1 or
1.2 would make of them. Fields the schema says are numbers or flags are
converted where they are used (`models.Question.from_dict`), after validation.
Before any parsing the text is checked for what could hurt: size, encoding,
anchors and aliases, and nesting deep enough to exhaust the parser's stack.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import QuizgenError
from .schema import NUMBER_FIELDS
from .writing import PLAIN_NUMBER, needs_quotes, quoted

MAX_BANK_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64          # a bank needs about five levels; the C composer recurses per level

class TextLoader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):
    """Every scalar as text (PyYAML's base loader, in C where built), and a key given twice
    in one mapping is an error, not a silent choice of the last value."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise yaml.constructor.ConstructorError(None, None, f"the key {key.value!r} is given twice",
                                                            key.start_mark)
                seen.add(key.value)
        return super().construct_mapping(node, deep)


def read_bank_text(path: Path) -> str:
    """The bank's text, refusing what could hurt: huge files, non-UTF-8, aliases, deep nesting."""
    try:
        if not path.is_file():
            raise QuizgenError("not a regular file", path)
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise QuizgenError(f"bank is larger than {MAX_BANK_BYTES // (1024 * 1024)} MB; refusing to load it", path)
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise QuizgenError(f"bank is not UTF-8 text (byte 0x{raw[exc.start]:02x})", path, line) from None
    except OSError as exc:
        raise QuizgenError(f"cannot read bank: {exc.strerror or exc}", path) from None
    if "\r" in text:           # YAML reads CRLF and CR line breaks as LF: so does every reader here
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _maybe_alias_or_tag(text):
        _refuse_aliases_and_tags(text, path)
    return text


def check_text(text: str, path: Path | str) -> None:
    """Refuse aliases, tags and deep nesting before a YAML parser sees them (they can exhaust
    memory or the parser's stack). Cheap scans first: most banks have none of them."""
    if _maybe_alias_or_tag(text):
        _refuse_aliases_and_tags(text, path)
    _refuse_deep_nesting(text, path)


_TOKEN_BEFORE = frozenset(" \t\r\n,[{:-")
_NOT_TOKEN_AFTER = frozenset(" \t\r\n,[]{}")


def _maybe_alias_or_tag(text: str) -> bool:
    """An anchor (&a), alias (*a) or tag (!x) can only start after a space, a flow
    indicator or a line start; the characters are rare, so look at each one."""
    for char in "&*!":
        at = text.find(char)
        while at >= 0:
            if (at == 0 or text[at - 1] in _TOKEN_BEFORE) and text[at + 1:at + 2] not in _NOT_TOKEN_AFTER:
                return True
            at = text.find(char, at + 1)
    return False


_BRACKETS = re.compile(r"[\[\]{}]")
_LONG_LINE_START = re.compile(r"\n[ \t-]{%d}" % MAX_DEPTH)
_BLOCK_DEPTH = re.compile(r"^(?:[ \t]*-[ \t]+){%d}" % (MAX_DEPTH // 2), re.MULTILINE)
_DEEP_INDENT = re.compile(r"^[ \t]{%d}" % (4 * MAX_DEPTH), re.MULTILINE)


def _refuse_aliases_and_tags(text: str, path: Path | str) -> None:
    """Aliases can blow a small file up into billions of nodes ("billion laughs"), and tags
    promise types quizgen never makes: banks need neither."""
    try:
        for event in yaml.parse(text, Loader=TextLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise QuizgenError("YAML anchors and aliases are not allowed in banks", path,
                                   event.start_mark.line + 1)
            if getattr(event, "tag", None):
                raise QuizgenError(f"YAML tags are not allowed in banks ({event.tag})", path,
                                   event.start_mark.line + 1)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path) from None


def _refuse_deep_nesting(text: str, path: Path | str) -> None:
    """Flow brackets counted without parsing (quoted text may hold a few; banks hold few levels)."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line = text.count("\n", 0, match.start()) + 1
            raise QuizgenError(f"bank is nested more than {MAX_DEPTH} levels deep", path, line)
    if not _LONG_LINE_START.search("\n" + text):
        return
    for pattern in (_BLOCK_DEPTH, _DEEP_INDENT):
        match = pattern.search(text)
        if match:
            line = text.count("\n", 0, match.start()) + 1
            raise QuizgenError("bank is nested or indented too deeply", path, line)


def load_text(text: str, path: Path | str, first_line: int = 1) -> object:
    """Plain data (dicts, lists, text) from bank text.

    A bank in the writer's layout is read question by question, and a question exactly as
    the writer writes it is read without a YAML parser (checked by writing it again); the
    rest goes through PyYAML, which gives the same data, slower. Most banks are mostly the
    writer's, so reading stays near the speed of reading the file.
    """
    layout = split_layout(text)
    if layout is None:
        return parse_yaml(text, path, first_line)
    doc = parse_yaml(layout.head, path, first_line)
    if not isinstance(doc, dict) or doc.get("questions") not in ("", []):
        return parse_yaml(text, path, first_line)
    questions = []
    for item in layout.items:
        data, _ = parse_item(item, layout.indent, path, first_line)
        if not (isinstance(data, list) and len(data) == 1):
            return parse_yaml(text, path, first_line)
        questions.append(data[0])
    if questions or not layout.empty_list:
        doc["questions"] = questions if questions else doc["questions"]
    return doc


def parse_yaml(text: str, path: Path | str, first_line: int = 1) -> object:
    check_text(text, path)
    try:
        return yaml.load(text, Loader=TextLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, first_line) from None
    except RecursionError:
        raise QuizgenError(f"bank is nested more than {MAX_DEPTH} levels deep", path) from None


def parse_item(item: "Item", indent: str, path: Path | str, first_line: int = 1) -> tuple[object, bool]:
    """One question (as a one-item list) and whether its text is exactly the writer's."""
    fast = _read_writer_item(item.text, indent)
    if fast is not None:
        return [fast], True
    return parse_yaml(item.text, path, first_line + item.line - 1), False


def compose_text(text: str, path: Path | str) -> yaml.Node | None:
    """The node tree, for the line numbers of problems."""
    check_text(text, path)
    try:
        return yaml.compose(text, Loader=TextLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path) from None


def yaml_error(exc: yaml.YAMLError, path: Path | str, first_line: int = 1) -> QuizgenError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return QuizgenError(f"not valid YAML: {problem}", path, mark.line + first_line if mark else first_line)


# --- the writer's layout: a head, then one list item per question ---------------------

@dataclass
class Item:
    glue: str           # blank and comment lines before it
    text: str           # its own lines, from "- " to its last line of content
    line: int           # the line of its "- " in the file


@dataclass
class Layout:
    head: str           # up to and including the "questions:" line
    items: list[Item]
    tail: str           # blank and comment lines after the last question
    indent: str         # where each question's "- " stands
    empty_list: bool    # the head ends "questions: []"


_QUESTIONS_LINE = re.compile(r"questions:[ \t]*(\[\])?[ \t]*(#.*)?\r?\n?")
_GLUE = re.compile(r"[ \t]*(#.*)?\r?\n?")


def split_layout(text: str) -> Layout | None:
    """The bank as head and question texts, or None for a layout this does not follow
    (flow style, keys after the list, tabs): such a bank is read whole by PyYAML."""
    lines = text.splitlines(keepends=True)
    start = next((n for n, line in enumerate(lines) if _QUESTIONS_LINE.fullmatch(line)), None)
    if start is None:
        return None
    empty_list = bool(_QUESTIONS_LINE.fullmatch(lines[start]).group(1))
    items: list[Item] = []
    indent: str | None = None
    pending: list[str] = []         # blank and comment lines not yet placed
    current: list[str] = []
    glue, first_line = "", 0
    continuation = None
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if current and line.startswith(continuation):
            if pending:                 # comments inside a question stay with it
                current += pending
                pending = []
            current.append(line)
        elif indent is not None and line.startswith(indent + "- "):
            if current:
                items.append(Item(glue, "".join(current), first_line))
            glue, current, first_line, pending = "".join(pending), [line], number + 1, []
        elif _GLUE.fullmatch(line):
            pending.append(line)
        elif indent is None and not empty_list and (match := re.match(r"( *)- ", line)):
            indent, continuation = match.group(1), match.group(1) + " "
            glue, current, first_line, pending = "".join(pending), [line], number + 1, []
        else:
            return None
    if current:
        items.append(Item(glue, "".join(current), first_line))
    return Layout("".join(lines[:start + 1]), items, "".join(pending), indent or "", empty_list)


def _read_writer_item(text: str, indent: str) -> dict | None:
    """A question in exactly the writer's form, read line by line; None when any line is not
    (then PyYAML reads it). Every value must be written as the writer writes it, so what this
    returns is what PyYAML would, and the text is the writer's to the byte."""
    lines = text.split("\n")
    if lines.pop() != "" or not lines or not lines[0].startswith(indent + "- "):
        return None
    lines[0] = indent + "  " + lines[0][len(indent) + 2:]
    try:
        value, end = _mapping(lines, 0, indent + "  ")
    except (ValueError, IndexError):
        return None
    return value if end == len(lines) and value else None


def _mapping(lines: list[str], at: int, indent: str) -> tuple[dict, int]:
    out: dict = {}
    width = len(indent)
    while at < len(lines) and lines[at].startswith(indent) and lines[at][width:width + 1] not in (" ", "-", ""):
        body = lines[at][width:]
        key, separator, raw = body.partition(": ")
        if _key(key.rstrip(":")) in out:
            raise ValueError(f"the key {key!r} is given twice")       # PyYAML says where
        if separator:
            out[_key(key)], at = _canonical(raw, key), at + 1
        elif body.endswith(":"):
            key = body[:-1]
            if at + 1 < len(lines) and lines[at + 1].startswith(indent + "- "):
                out[_key(key)], at = _sequence(lines, at + 1, indent, key)
            else:
                out[_key(key)], at = _mapping(lines, at + 1, indent + "  ")
        else:
            raise ValueError(body)
    return out, at


def _sequence(lines: list[str], at: int, indent: str, key: str) -> tuple[list, int]:
    out: list = []
    while at < len(lines) and lines[at].startswith(indent + "- "):
        content = lines[at][len(indent) + 2:]
        name, separator, _ = content.partition(": ")
        if (separator or content.endswith(":")) and not content.startswith(('"', "[")):
            lines[at] = indent + "  " + content
            item, at = _mapping(lines, at, indent + "  ")
            out.append(item)
        else:
            out.append(_canonical(content, key))
            at += 1
    return out, at


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _canonical(raw: str, key: str = "") -> object:
    """A value exactly as the writer writes it, read; ValueError for any other spelling."""
    first = raw[:1]
    if first.isalpha():                 # plain text, the common case
        if (key in NUMBER_FIELDS and PLAIN_NUMBER.fullmatch(raw)) or not needs_quotes(raw):
            return raw
        raise ValueError(raw)
    if raw.startswith('"'):
        value = json.loads(raw)
        if not isinstance(value, str) or quoted(value) != raw or _LONE_SURROGATE.search(value):
            raise ValueError(raw)           # PyYAML refuses lone surrogates: so does this reader
        return value
    if raw in ("[]", "{}"):
        return [] if raw == "[]" else {}
    if raw.startswith("["):
        row = json.loads(raw)
        if not (isinstance(row, list) and all(isinstance(v, str) for v in row)
                and raw == "[" + ", ".join(quoted(v) for v in row) + "]"):
            raise ValueError(raw)
        return row
    if key in NUMBER_FIELDS and PLAIN_NUMBER.fullmatch(raw):
        return raw
    raise ValueError(raw)           # plain text starts with a letter; anything else is quoted


@lru_cache(maxsize=1024)
def _key(raw: str) -> object:
    return _canonical(raw)
