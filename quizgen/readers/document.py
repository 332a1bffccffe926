"""What a reader hands on: a story's text as quizgen read it, and how it was read."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One story file, read but not yet split: `body` is the text every offset will point into."""

    body: str                       # paragraphs, one per line or blank-line separated
    title: str | None               # the file's own title (page, Word heading); None: the first line may be one
    reader: str                     # "text", "html" or "docx"
    encoding: str | None            # what the bytes were decoded from; None for Word files (XML inside)
    published: str | None = None    # the page's date, ISO 8601, when it gives one

    @property
    def text(self) -> str:
        """The plain story form (title line, blank line, paragraphs), as a .txt story would hold it."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body
