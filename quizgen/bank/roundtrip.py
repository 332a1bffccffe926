"""The merge for banks whose layout the text merge cannot follow (flow style, keys after
the list, odd indentation): ruamel's round-trip reader keeps comments and key order,
with every scalar read as text, as everywhere else."""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tag import Tag

from ..errors import QuizgenError
from ..models import Bank
from .reading import load_text
from .schema import NUMBER_FIELDS
from .writing import needs_quotes

if TYPE_CHECKING:
    from .merge import Merged, MergeReport, _Planner

_TEXT = Tag(suffix="tag:yaml.org,2002:str")


class _TextResolver(VersionedResolver):
    """Every plain scalar is text: what a person typed stays what they typed."""

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode and implicit[0]:
            return _TEXT
        return super().resolve(kind, value, implicit)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _TextResolver
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.allow_unicode = True
    return yaml


def merge_roundtrip(text: str, generated: Bank, path: Path, planner: "_Planner", report: "MergeReport") -> "Merged":
    from .merge import Merged, check_same_story, story_updates

    load_text(text, path)       # the same reading (and errors, with lines) as every other reader
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise QuizgenError(f"not valid YAML: {getattr(exc, 'problem', exc)}; fix it before regenerating",
                           path, mark.line + 1 if mark else None) from None
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get("story"), CommentedMap):
        raise QuizgenError("a bank must be a mapping with `story:` and `questions:`", path, 1)
    questions = doc.get("questions")
    check_same_story(_plain(doc["story"]), _plain(questions) if isinstance(questions, list) else [], generated, path)
    if not isinstance(questions, CommentedSeq):
        if questions not in (None, ""):
            raise QuizgenError("`questions:` must be a list", path)
        questions = doc["questions"] = CommentedSeq()
    saved = []
    for item in questions:
        if not isinstance(item, CommentedMap):
            saved.append(_plain(item))
            continue
        plan = planner.plan(_plain(item), may_rewrite=True)
        for key in [k for k in item if k not in plan.data]:
            del item[key]
        for key, value in plan.data.items():
            if _plain(item.get(key)) != value:
                item[key] = _styled(value, key)
        saved.append(plan.data)
    additions = planner.additions()
    questions.extend(CommentedMap((k, _styled(v, k)) for k, v in record.items()) for record in additions)
    changes = story_updates(_plain(doc["story"]), generated)
    for key, value in changes.items():
        doc["story"][key] = _styled(value, key)
    if not (report.changed or changes):
        return Merged(None, saved + additions, report, _plain(doc["story"]))
    buffer = io.StringIO()
    _yaml().dump(doc, buffer)
    return Merged(buffer.getvalue(), saved + additions, report, _plain(doc["story"]))


def _styled(value: object, key: str = "") -> object:
    """Plain data for ruamel to write: text that another reader could retype is quoted."""
    if isinstance(value, dict):
        return CommentedMap((k, _styled(v, k)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v, key) for v in value)
        if key == "pairs" or all(isinstance(v, str) for v in value):
            seq.fa.set_flow_style()
        return seq
    text = str(value)
    if key in NUMBER_FIELDS or not needs_quotes(text):
        return text
    return DoubleQuotedScalarString(text)


def _plain(value: object) -> object:
    """ruamel's commented containers as plain lists, dicts and text, for comparison."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return "" if value is None else str(value)
