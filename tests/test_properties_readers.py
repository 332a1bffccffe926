"""Property tests: any bytes, damaged Word files and tag soup into every reader.

Whatever a file holds, loading it gives a Story whose sentences point into its
text, or one QuizgenError line naming the file; never another exception.
"""
from __future__ import annotations

import functools

from hypothesis import given
from hypothesis import strategies as st
from reader_helpers import PARAGRAPHS, saved_page, word_file

from quizgen.errors import QuizgenError
from quizgen.extract import extract_facts
from quizgen.stories import load_story

SUFFIXES = st.sampled_from([".txt", ".html", ".htm", ".docx", ".md", ""])


def loads_or_names_the_file(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("reader") / f"story{suffix}"
    path.write_bytes(data)
    try:
        story = load_story(path)
    except QuizgenError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return
    for sentence in story.sentences:
        assert story.text[sentence.start:sentence.end] == sentence.text
    for fact in extract_facts(story):
        assert fact.sentence in story.text


@functools.lru_cache(maxsize=1)
def valid_word_file() -> bytes:
    return word_file()


@given(st.binary(max_size=400), SUFFIXES)
def test_any_bytes_under_any_name(tmp_path_factory, data, suffix):
    loads_or_names_the_file(tmp_path_factory, data, suffix)


@given(st.data())
def test_damaged_word_files(tmp_path_factory, data):
    raw = bytearray(valid_word_file())
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(raw) - 1), st.integers(0, 255)), max_size=8),
                      label="flips")
    for index, value in flips:
        raw[index] = value
    loads_or_names_the_file(tmp_path_factory, bytes(raw[:cut] if data.draw(st.booleans()) else raw), ".docx")


TAGS = st.sampled_from(["<p>", "</p>", "<div class='nav'>", "</div>", "<br>", "<h1>", "</h1>",
                        "<script>", "</script>", "<table><tr><td>", "<!--", "-->", "<article>",
                        "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "<title>", "</title>", "<nav>",
                        "<meta charset='utf-16'>", "<body>", "</body>", "</html>", "<", ">", "\u202e"])
SOUP = st.lists(st.one_of(TAGS, st.sampled_from(PARAGRAPHS), st.text(max_size=40)), max_size=40).map("".join)


@given(SOUP, st.sampled_from([".html", ""]))
def test_tag_soup(tmp_path_factory, soup, suffix):
    loads_or_names_the_file(tmp_path_factory, ("<html><body>" + soup).encode("utf-8", "surrogatepass"), suffix)


@given(st.data())
def test_pages_cut_or_damaged_anywhere(tmp_path_factory, data):
    page = saved_page().encode("utf-8")
    start = data.draw(st.integers(0, len(page)), label="start")
    end = data.draw(st.integers(start, len(page)), label="end")
    encoding = data.draw(st.sampled_from(["utf-8", "utf-16", "cp1252"]), label="encoding")
    damaged = page[:start] + page[end:]
    try:
        damaged = damaged.decode("utf-8").encode(encoding)
    except (UnicodeDecodeError, UnicodeEncodeError):
        pass
    loads_or_names_the_file(tmp_path_factory, damaged, ".html")
