"""Bank text in, plain data out: the one YAML reading every part of quizgen uses.

Every scalar is read as the text a person typed (PyYAML's base loader, the C one
where available): `10:30`, `NO`, `0755` and `On` stay text, whatever YAML 1.1 or
1.2 would make of them. Fields the schema says are numbers or flags are
converted where they are used (`models.Question.from_dict`), after validation.
Before any parsing the text is checked for what could hurt: size, encoding,
anchors and aliases, and nesting deep enough to exhaust the parser's stack.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import QuizgenError

MAX_BANK_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64          # a bank needs about five levels; the C composer recurses per level

TextLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


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
    check_text(text, path)
    return text


def check_text(text: str, path: Path | str) -> None:
    """Refuse aliases and deep nesting before a parser sees them (both can exhaust memory or stack)."""
    if _MAYBE_ALIAS_OR_TAG.search(text):
        _refuse_aliases_and_tags(text, path)
    _refuse_deep_nesting(text, path)


# An anchor (&a), alias (*a) or tag (!x) can only start after a space, a flow indicator or a line start.
_MAYBE_ALIAS_OR_TAG = re.compile(r"(?:^|[\s,\[{:-])[&*!][^\s,\[\]{}]")
_BRACKETS = re.compile(r"[\[\]{}]")
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
    for pattern in (_BLOCK_DEPTH, _DEEP_INDENT):
        match = pattern.search(text)
        if match:
            line = text.count("\n", 0, match.start()) + 1
            raise QuizgenError("bank is nested or indented too deeply", path, line)


def load_text(text: str, path: Path | str, first_line: int = 1) -> object:
    """Plain data (dicts, lists, text) from checked bank text."""
    try:
        return yaml.load(text, Loader=TextLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, first_line) from None
    except RecursionError:
        raise QuizgenError(f"bank is nested more than {MAX_DEPTH} levels deep", path) from None


def compose_text(text: str, path: Path | str) -> yaml.Node | None:
    """The node tree, for the line numbers of problems."""
    try:
        return yaml.compose(text, Loader=TextLoader)
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path) from None


def yaml_error(exc: yaml.YAMLError, path: Path | str, first_line: int = 1) -> QuizgenError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return QuizgenError(f"not valid YAML: {problem}", path, mark.line + first_line if mark else first_line)
