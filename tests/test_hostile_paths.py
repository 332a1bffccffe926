"""Names that try to leave the chosen folder, or break deck names, stay harmless."""
from __future__ import annotations

import pytest

from conftest import run_quizgen
from quizgen.bank import bank_path
from quizgen.stories import slug

STORY = "{title}\n\nForeign Minister Ana Ruiz met Trade Secretary Olu Bade in Lima on Tuesday.\n\n" \
        '"We agreed on the next steps for the region," Ruiz told reporters after the talks.\n'


@pytest.mark.parametrize("name", ["..%2F..%2Fetc%2Fpasswd.txt", "..\\..\\evil.txt", "...txt", "CON .txt",
                                  "名前 with spaces.txt", ".hidden.txt"])
def test_story_ids_never_leave_the_bank_folder(tmp_path, name):
    story_id = slug(name)
    assert story_id and "/" not in story_id and "\\" not in story_id and ".." not in story_id
    path = bank_path(tmp_path / "bank", story_id)
    assert path.resolve().parent == (tmp_path / "bank").resolve()


def test_titles_with_slashes_and_deck_separators_build_a_deck(tmp_path):
    anki_collection = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    story = tmp_path / "..weird name.txt"
    story.write_text(STORY.format(title="Lima/Quito :: talks <b>&</b> ../../deals"), encoding="utf-8")
    result = run_quizgen("build", str(story), "--bank", str(tmp_path / "bank"), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert sorted(p.name for p in (tmp_path / "bank").iterdir()) == ["quizgen-bank.schema.json", "weird-name.yaml"]
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(tmp_path / "out" / "quizgen.apkg"),
                                                         options=ImportAnkiPackageOptions()))
        names = [d.name for d in col.decks.all_names_and_ids()]
        assert "quizgen::Lima/Quito : talks <b>&</b> ../../deals" in names
    finally:
        col.close()
