"""Question templates are data: YAML files a teacher can read, change and add to."""
from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import QuizgenError
from ..models import FACT_SLOTS

BUNDLED_DIR = Path(__file__).parent / "templates"
FORMS = ("short", "mcq", "truefalse", "cloze", "matching")
KINDS = ("person", "position", "place", "number", "when", "quote", "polarity")
DERIVED = ("partner", "org_possessive", "when_phrase", "where_phrase", "travel", "stance_phrase",
           "quote", "blanked")
CONDITIONS = ("unique_title", "single_partner", "single_destination", "full_quote", "specific_target")


@dataclass(frozen=True)
class Template:
    id: str
    fact: str
    forms: tuple[str, ...]
    prompt: str
    answer: str
    kind: str
    when: str = ""
    difficulty: int = 2


def load_templates(extra: str | Path | None = None) -> dict[str, list[Template]]:
    """Bundled templates by fact type, with a user's file merged in (same id replaces)."""
    by_id = dict(_bundled())
    if extra:
        by_id.update({t.id: t for t in _read_file(Path(extra))})
    grouped: dict[str, list[Template]] = {}
    for template in by_id.values():
        grouped.setdefault(template.fact, []).append(template)
    return grouped


@lru_cache(maxsize=1)
def _bundled() -> tuple[tuple[str, Template], ...]:
    return tuple((t.id, t) for path in sorted(BUNDLED_DIR.glob("*.yaml")) for t in _read_file(path))


def _read_file(path: Path) -> list[Template]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuizgenError(f"cannot read template file: {exc}", path) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        entries = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise QuizgenError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path,
                           mark.line + 1 if mark else None) from None
    if not isinstance(entries, list) or node is None:
        raise QuizgenError("a template file is a list of templates", path, 1)
    return [_template(entry, path, item.start_mark.line + 1) for entry, item in zip(entries, node.value)]


def _template(entry: object, path: Path, line: int) -> Template:
    if not isinstance(entry, dict):
        raise QuizgenError("each template is a mapping with id, fact, types, prompt, answer, kind", path, line)
    try:
        template = Template(id=str(entry["id"]), fact=str(entry["fact"]),
                            forms=tuple(str(f) for f in entry["types"]), prompt=str(entry.get("prompt", "")),
                            answer=str(entry["answer"]), kind=str(entry["kind"]),
                            when=str(entry.get("when", "") or ""), difficulty=int(entry.get("difficulty", 2)))
    except KeyError as missing:
        raise QuizgenError(f"template lacks the key {missing}", path, line) from None
    except (TypeError, ValueError) as exc:
        raise QuizgenError(f"template has a value of the wrong type: {exc}", path, line) from None
    _check(template, path, line)
    return template


def _check(template: Template, path: Path, line: int) -> None:
    if template.fact not in FACT_SLOTS:
        raise QuizgenError(f"unknown fact type {template.fact!r}", path, line)
    for form in template.forms:
        if form not in FORMS:
            raise QuizgenError(f"unknown question form {form!r}; use {', '.join(FORMS)}", path, line)
    if template.kind not in KINDS:
        raise QuizgenError(f"unknown kind {template.kind!r}; use {', '.join(KINDS)}", path, line)
    if template.when and template.when not in CONDITIONS:
        raise QuizgenError(f"unknown condition {template.when!r}; use {', '.join(CONDITIONS)}", path, line)
    known = set(sum(FACT_SLOTS[template.fact], ())) | set(DERIVED) | {"person", "partner"}
    try:
        names = placeholders(template.prompt)
    except ValueError as exc:
        raise QuizgenError(f"bad placeholder in the prompt of template {template.id!r}: {exc} "
                           "(write {name}, nothing more, and {{ }} for braces)", path, line) from None
    for placeholder in names:
        if placeholder not in known:
            raise QuizgenError(f"unknown placeholder {{{placeholder}}} in template {template.id!r}", path, line)
    if not 1 <= template.difficulty <= 3:
        raise QuizgenError("difficulty is 1, 2 or 3", path, line)


def placeholders(text: str) -> list[str]:
    """Names of the {placeholders} in a prompt; ValueError on unbalanced braces or on a format
    spec or conversion ({title:>300000000} would build a 300 MB string)."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ValueError(f"{{{name}}} with a format or conversion")
        names.append(name)
    return names
