"""Read the word lists and rules that live as data in `quizgen/data/`.

Lexicons are plain files a person can extend without touching code: `.txt`
files hold one entry per line (`# ` starts a comment), `.yaml` files hold
mappings. Each file is read once per process.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


class _DataLoader(yaml.SafeLoader):
    """YAML as the data files mean it: "on", "no", "yes" and "off" are words. PyYAML follows YAML 1.1,
    which reads them as booleans, and a preposition list would silently hold True in place of "on"."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_DataLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Entries of `data/<name>.txt`, in file order, comments and blanks dropped."""
    path = DATA_DIR / f"{name}.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("# ") and line != "#":
            entries.append(line)
    return tuple(entries)


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


@lru_cache(maxsize=None)
def data_file(name: str) -> Any:
    """The parsed content of `data/<name>.yaml`."""
    path = DATA_DIR / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_DataLoader)
