"""The data files read as a person wrote them."""
from __future__ import annotations

from quizgen.lexicon import DATA_DIR, data_file


def _scalars(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _scalars(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _scalars(inner)
    else:
        yield value


def test_words_yaml_1_1_reads_as_booleans_stay_words():
    assert "on" in data_file("questions/verbs")["prepositions"]
    names = [str(p.relative_to(DATA_DIR).with_suffix("")) for p in DATA_DIR.rglob("*.yaml")]
    assert names
    for name in names:
        assert not [v for v in _scalars(data_file(name)) if isinstance(v, bool)], name
