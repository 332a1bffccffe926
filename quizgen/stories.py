"""Stories in: read text files (or stdin), strip site furniture, split sentences.

Furniture rules, abbreviations and sentence starters are data files in
`quizgen/data/`, so a teacher can teach quizgen a new site without code.
"""
from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .errors import QuizgenError, UsageError
from .lexicon import word_list, word_set
from .models import Sentence, Story
from .readers import STORY_SUFFIXES, Document, is_story_file, read_document

BUNDLED_DIR = Path(__file__).parent / "corpus"
MAX_STORY_BYTES = 20 * 1024 * 1024
TITLE_MAX_WORDS = 16

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,30}(?:, [A-Z][A-Za-z.'\- ]{1,30})?), "
    r"(?P<date>(?i:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-zA-Z]*\.? \d{1,2})"
    r"(?:, (?P<year>\d{4}))?(?:, Reuters?)? *(?:-|--|\u2013|\u2014) ")


def dateline_length(body: str) -> int:
    """How many characters of the body the dateline takes ("MOSCOW, April 13 - "), 0 if none."""
    match = _DATELINE.match(body)
    return match.end() if match else 0


_TICKER = re.compile(r" ?<[A-Z][A-Z0-9.]{0,7}>")             # "Financial Corp <FIN>": a stock symbol
_MARKED_NAME = re.compile(r"<([A-Z][^<>]{1,80})>")           # "<Lloyds Bank NZA Ltd>": a company, marked up


def strip_markup(text: str) -> str:
    """Reuters' company markup: '<Lloyds Bank NZA Ltd> economist' -> 'Lloyds Bank NZA Ltd economist'."""
    if "<" not in text:
        return text
    return _MARKED_NAME.sub(r"\1", _TICKER.sub("", text))


def bundled_story_paths() -> list[Path]:
    """The stories quizgen ships with, used when no FILE is given."""
    return sorted(BUNDLED_DIR.glob("*.txt"))


def story_paths(args: Iterable[str]) -> list[str]:
    """Expand FILE arguments: `-` is stdin, folders are searched for story files (see
    quizgen/readers: .txt, .html, .htm, .docx), globs expand.

    Only regular files are read (a FIFO or a device would block or never end), links to
    folders are not followed (a link loop would never end), and a file named twice is read once.
    """
    paths: list[str] = []
    for arg in args:
        if arg == "-":
            paths.append(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in walk_files(path) if is_story_file(p, path))
            if not found:
                raise UsageError(f"folder holds no stories ({', '.join('*' + s for s in STORY_SUFFIXES)})", arg)
            paths.extend(found)
        elif path.is_file():
            paths.append(arg)
        elif path.exists():
            raise UsageError("not a regular file (a pipe or device); give a story file, or - for stdin", arg)
        elif glob.has_magic(arg):
            found = sorted(_glob(arg))
            if not found:
                raise UsageError("no file matches this pattern", arg)
            paths.extend(found)
        else:
            raise UsageError("no such file", arg)
    unique: dict[str, str] = {}
    for path in paths:
        unique.setdefault(path if path == "-" else os.path.realpath(path), path)
    return list(unique.values())


def walk_files(root: Path) -> Iterator[str]:
    """Regular files below a folder, without following links to folders."""
    for folder, _, names in os.walk(root, followlinks=False):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                yield path


def _glob(pattern: str) -> list[str]:
    """glob.glob, but `**` never follows a link to a folder (a link loop explodes the search)."""
    if "**" not in pattern:
        return [p for p in glob.glob(pattern) if os.path.isfile(p)]
    parts = Path(pattern).parts
    fixed = next(n for n, part in enumerate(parts) if glob.has_magic(part))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    wanted = parts[fixed:]
    found = []
    for path in walk_files(base):
        relative = Path(path).relative_to(base).parts
        if _matches(wanted, relative):
            found.append(path if fixed else os.path.relpath(path))
    return found


def _matches(patterns: tuple[str, ...], names: tuple[str, ...]) -> bool:
    if not patterns:
        return not names
    if patterns[0] == "**":
        return _matches(patterns[1:], names) or (bool(names) and _matches(patterns, names[1:]))
    return (bool(names) and not (names[0].startswith(".") and not patterns[0].startswith("."))
            and fnmatch.fnmatchcase(names[0], patterns[0]) and _matches(patterns[1:], names[1:]))


def read_story_text(path: str) -> str:
    """The story as quizgen reads it, in the plain form of a .txt story (a page's article, a Word
    file's paragraphs), or a QuizgenError naming the file (and line) when it is not a story."""
    return read_story_document(path).text


def read_story_document(path: str) -> Document:
    """The story file read by the reader its kind needs (see quizgen/readers)."""
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(MAX_STORY_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_STORY_BYTES + 1)
    except FileNotFoundError:
        raise UsageError("no such file", path) from None
    except IsADirectoryError:
        raise UsageError("is a folder, not a story file", path) from None
    except OSError as exc:
        raise QuizgenError(f"cannot read: {exc.strerror or exc}", path) from None
    if len(raw) > MAX_STORY_BYTES:
        raise QuizgenError(f"story is larger than {MAX_STORY_BYTES // (1024 * 1024)} MB", path)
    document = read_document(raw, path)
    if not document.text.strip():
        raise QuizgenError("empty story", path)
    return document


def load_story(path: str | Path) -> Story:
    """Read one story file (or `-` for stdin)."""
    path = str(path)
    name = "-" if path == "-" else Path(path).name
    document = read_story_document(path)
    story = parse_story(document.body, name, title=document.title)
    if path == "-":        # each story piped in gets its own bank, named for its text
        story.id = f"stdin-{hashlib.sha256(document.text.encode('utf-8')).hexdigest()[:8]}"
    if not story.sentences:
        raise QuizgenError("story has no sentences", path)
    story.reader, story.encoding, story.published = document.reader, document.encoding, document.published
    return story


def load_stories(paths: Iterable[str | Path]) -> Iterator[Story]:
    """Stream stories one at a time, so memory stays flat on big folders."""
    for path in paths:
        yield load_story(path)


def slug(file_name: str) -> str:
    """Story id: the file name without extension, lower case, runs of other characters as '-'
    (letters of any script stay: 東京.txt and 大阪.txt are two stories)."""
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return re.sub(r"[\W_]+", "-", stem.lower()).strip("-") or "story"


def parse_story(text: str, file_name: str = "-", title: str | None = None) -> Story:
    """Build a Story from raw text: title, furniture-free body, sentences.

    The title is guessed from the first line unless the file gave one (a page, a Word heading).
    """
    text = _clean_controls(text)
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not is_furniture(line)]
    title = _clean_controls(title or "").strip()
    if not title and lines and _looks_like_title(lines[0], more_follow=len(lines) > 1):
        title = lines.pop(0)
    body = "\n\n".join(lines)
    story_id = "stdin" if file_name == "-" else slug(file_name)
    if not title:
        title = story_id
    match = _DATELINE.match(body)
    dateline = None
    if match:
        month, _, day = match.group("date").partition(" ")
        dateline = f"{match.group('place').strip()}, {month.capitalize()} {day}"
        if match.group("year"):
            dateline += f", {match.group('year')}"
    return Story(id=story_id, file=file_name, title=title, text=body,
                 sentences=split_sentences(body), dateline=dateline)


def _clean_controls(text: str) -> str:
    """Drop control characters that are not line structure; keep everything else verbatim."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _looks_like_title(line: str, more_follow: bool) -> bool:
    if not more_follow:
        return False
    words = line.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and not line.endswith((".", ",", ";", ":"))


@lru_cache(maxsize=1)
def _furniture_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rule})" for rule in word_list("furniture")), re.IGNORECASE)


def is_furniture(line: str) -> bool:
    return bool(_furniture_pattern().match(line))


# A candidate boundary: terminal punctuation, closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+([\"'\u201c\u2018(\[]*)(\S+)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$|^[A-Z]-[A-Z.]+$|^[A-Z][a-z]?-[A-Z]\.[A-Z]$")


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of the body, each a verbatim slice with its offsets."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph_number, paragraph in enumerate(body.split("\n\n")):
        for start, end in _paragraph_spans(paragraph):
            sentences.append(Sentence(text=paragraph[start:end], start=offset + start,
                                      end=offset + end, paragraph=paragraph_number,
                                      index=len(sentences)))
        offset += len(paragraph) + 2
    return sentences


def _paragraph_spans(paragraph: str) -> Iterator[tuple[int, int]]:
    start = _skip_heading(paragraph, _skip_space(paragraph, 0))
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if end <= start or not _is_sentence_end(paragraph, start, match):
            continue
        yield start, end
        start = _skip_heading(paragraph, _skip_space(paragraph, end))
    if start < len(paragraph):
        end = len(paragraph.rstrip())
        if end > start:
            yield start, end


def _token_start(text: str, start: int, end: int) -> int:
    """Where the word ending at `end` begins: a walk back over one word, so splitting stays linear."""
    while end > start and not text[end - 1].isspace():
        end -= 1
    return end


# A section heading run into its paragraph ("WHEN AND WHERE The tradition ..."): three or more
# capitals-only words before a capitalised word. Datelines ("RIO DE JANEIRO, March") have a comma.
_HEADING = re.compile(r"(?:[A-Z][A-Z'&-]*\s+){2,}[A-Z][A-Z'&-]*\s+(?=[A-Z][a-z])")


def _skip_heading(text: str, index: int) -> int:
    """A heading is page furniture, not part of the sentence it runs into."""
    heading = _HEADING.match(text, index)
    return heading.end() if heading else index


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _is_sentence_end(text: str, start: int, match: re.Match[str]) -> bool:
    following = _NEXT_START.match(text, match.end())
    if not following:
        return True
    opener, next_word = following.group(1), following.group(2)
    first = next_word[0]
    if not (first.isupper() or first.isdigit() or opener):
        return False            # "... said. he" / "No. 10" style continuations
    punct = match.group(0)
    if punct[0] != "." or len(punct.rstrip("\"'\u201d\u2019)]")) > 1:
        return True             # "!" "?" "..." end sentences
    token_start = _token_start(text, start, match.start())
    token = text[token_start:match.start()].lstrip("\"'\u201c\u2018([")
    if any(c in punct for c in "\"'\u201d\u2019"):
        return True             # '... hard-won." Next' ends the quoted sentence
    abbreviated = "." in token and next_word.strip("\"'") not in word_set("sentence_starters")
    if any(c in punct for c in ")]") and not abbreviated:
        return True             # '(... the end.) Next'; but not "xenophobia in (the U.S.) Silicon Valley"
    if not token:
        return True
    if token_start <= start:
        return False            # a sentence is more than one abbreviation
    if len(token) == 1 and token.isupper():
        return False            # an initial: "George W. Bush"
    if token in word_set("abbreviations"):
        return first.isdigit() is False and next_word in word_set("sentence_starters")
    if "." in token or _DOTTED.match(token):
        # "U.S." / "R-N.C.": a sentence ends only if a typical starter follows.
        return next_word.strip("\"'") in word_set("sentence_starters")
    return True
