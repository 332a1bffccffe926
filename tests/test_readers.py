"""Stories as people have them: one story saved five ways gives the same title and facts."""
from __future__ import annotations

import codecs

import pytest
from reader_helpers import FURNITURE_SENTENCES, PARAGRAPHS, STORY, TITLE, saved_page, word_file

from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.readers import read_document
from quizgen.stories import load_story, read_story_text, story_paths

WAYS = {
    "utf8.txt": lambda: STORY.encode("utf-8"),
    "notepad_unicode.txt": lambda: STORY.encode("utf-16"),          # BOM + UTF-16 LE
    "windows.txt": lambda: STORY.encode("cp1252"),                  # curly quotes, no BOM
    "saved_page.html": lambda: saved_page().encode("utf-8"),
    "saved_page_1252.htm": lambda: saved_page(charset="windows-1252").encode("cp1252"),
    "from_word.docx": word_file,
}


def fact_keys(story) -> set[tuple[str, str]]:
    return {(fact.type, repr(sorted(fact.slots.items()))) for fact in extract_facts(story)}


@pytest.fixture
def plain(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(STORY, encoding="utf-8")
    return load_story(path)


@pytest.mark.parametrize("name", sorted(WAYS))
def test_every_way_of_saving_gives_the_same_title_and_facts(tmp_path, plain, name):
    path = tmp_path / name
    path.write_bytes(WAYS[name]())
    story = load_story(path)
    assert story.title == TITLE
    ours, theirs = fact_keys(story), fact_keys(plain)
    assert len(theirs) >= 10
    assert len(ours & theirs) >= 0.9 * len(ours | theirs)
    for fact in extract_facts(story):
        assert fact.sentence in plain.text, f"fact from outside the story: {fact.sentence}"


@pytest.mark.parametrize("name", sorted(WAYS))
def test_offsets_point_into_the_text_quizgen_read(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(WAYS[name]())
    story = load_story(path)
    for sentence in story.sentences:
        assert story.text[sentence.start:sentence.end] == sentence.text
    assert story.text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(("name", "reader", "encoding"), [
    ("utf8.txt", "text", "utf-8"),
    ("notepad_unicode.txt", "text", "utf-16"),
    ("windows.txt", "text", "cp1252"),
    ("saved_page.html", "html", "utf-8"),
    ("saved_page_1252.htm", "html", "cp1252"),
    ("from_word.docx", "docx", None),
])
def test_the_story_records_its_reader_and_encoding(tmp_path, name, reader, encoding):
    path = tmp_path / name
    path.write_bytes(WAYS[name]())
    story = load_story(path)
    assert (story.reader, story.encoding, story.file) == (reader, encoding, name)


def test_a_page_gives_its_date_and_none_of_its_furniture(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(saved_page(), encoding="utf-8")
    story = load_story(path)
    assert story.published == "2021-03-04"
    for furniture in FURNITURE_SENTENCES + ["cookies", "Most read", "Privacy", "Photo:", "Kessel Courier"]:
        assert furniture not in story.text


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_a_byte_order_mark_decides_the_encoding(tmp_path, bom, codec):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + STORY.encode(codec))
    assert read_story_text(str(path)) == STORY


def test_a_legacy_encoding_is_named_in_one_note(tmp_path, capsys):
    path = tmp_path / "legacy.txt"
    path.write_bytes(STORY.encode("cp1252"))
    assert read_story_text(str(path)) == STORY
    assert capsys.readouterr().err == f"quizgen: {path}: note: not UTF-8; read as cp1252\n"


def test_a_page_declaring_its_charset_is_read_in_it(tmp_path, capsys):
    text = ("Prime Minister Zo\u00eb Kowalczyk of Poland met \u0141ukasz \u017bak in Gda\u0144sk on Monday. "
            "They spoke for three hours about the port of \u015awinouj\u015bcie and its ferries to Ystad, "
            "and agreed to meet again in \u0141\u00f3d\u017a before the summer.")
    page = f'<html><head><meta charset="windows-1250"></head><body><p>{text}</p></body></html>'
    path = tmp_path / "polish.html"
    path.write_bytes(page.encode("cp1250"))
    assert text in load_story(path).text
    assert "read as cp1250" in capsys.readouterr().err


def test_utf8_text_gives_no_note(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text(STORY, encoding="utf-8")
    load_story(path)
    assert capsys.readouterr().err == ""


def test_a_word_title_comes_from_the_file_when_there_is_no_heading(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    path = tmp_path / "untitled.docx"
    document.save(path)
    story = load_story(path)
    assert story.title == TITLE
    assert story.text == "\n\n".join(PARAGRAPHS)


def test_a_page_read_from_stdin_is_known_by_its_markup():
    document = read_document(saved_page().encode("utf-8"), "-")
    assert document.reader == "html" and document.title == TITLE


def test_a_word_file_read_from_stdin_is_known_by_its_bytes():
    document = read_document(word_file(), "-")
    assert document.reader == "docx" and document.title == TITLE


def test_folders_mix_kinds_and_skip_lock_files_and_page_assets(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(saved_page(), encoding="utf-8")
    (tmp_path / "c.HTM").write_text(saved_page(), encoding="utf-8")
    (tmp_path / "d.docx").write_bytes(word_file())
    (tmp_path / "~$d.docx").write_bytes(b"\x05owner")             # Word's lock file
    (tmp_path / "b_files").mkdir()                                  # the page's images and frames
    (tmp_path / "b_files" / "advert.html").write_text("<html><body>Buy!</body></html>")
    (tmp_path / "notes.md").write_text("not a story")
    found = [path.rsplit("/", 1)[1] for path in story_paths([str(tmp_path)])]
    assert found == ["a.txt", "b.html", "c.HTM", "d.docx"]


# Bad input: one QuizgenError naming the file, never anything else.

def docx_without_text() -> bytes:
    import io

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


BAD = {
    "menus_only.html": (lambda: b"<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
                                b"<footer>Copyright 2021</footer></body></html>", "no article"),
    "empty.html": (lambda: b"<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>",
                   "no article"),
    "cut_short.html": (lambda: saved_page().encode()[:1200], "cut short"),
    "binary.html": (lambda: b"<html>\x00\x01\x02", "binary"),
    "plain_text.html": (lambda: STORY.encode(), "holds plain text, not a web page"),
    "word.html": (word_file, "holds a Word file, not a web page"),
    "empty.docx": (docx_without_text, "empty Word file"),
    "locked.docx": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le"),
                    "password-protected"),
    "cut_short.docx": (lambda: word_file()[:5000], "not a readable Word .docx file"),
    "not_a_zip.docx": (lambda: STORY.encode(), "not a Word .docx file"),
    "zip_without_word.docx": (lambda: _zip({"hello.txt": "hi"}), "not a readable Word .docx file"),
    "page.txt": (lambda: saved_page().encode(), "holds a web page, not plain text"),
    "word.txt": (word_file, "holds a Word file, not plain text"),
    "cut_short_utf8.txt": (lambda: STORY.encode("utf-8")[: STORY.encode("utf-8").rindex("\u201d".encode()) + 1],
                           "cut short"),
    "cut_short_utf16.txt": (lambda: STORY.encode("utf-16")[:-1], "cut short"),
    "bom_then_nul.txt": (lambda: codecs.BOM_UTF16_LE + "Title\n\nA\x00b".encode("utf-16-le"), "binary"),
}


def _zip(members: dict[str, str]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_are_one_error_naming_the_file(tmp_path, name):
    make, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(QuizgenError) as caught:
        load_story(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_word_file_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("quizgen.readers.word.MAX_UNPACKED_BYTES", 1000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(word_file())
    with pytest.raises(QuizgenError, match="unpacks to more than"):
        load_story(path)
