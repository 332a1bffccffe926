"""What reading a saved web page costs, per story, beside reading the same story as .txt.

Run from the project root:
    .venv/bin/python benchmarks/bench_readers.py [../shared/corpus/bbc] [--limit N]

Each story of the folder is wrapped as a saved news page (menus, cookie notice,
sidebar, caption, footer, scripts: tests/reader_helpers.py) and read from
memory, so disk speed does not count. Reported per story, in milliseconds:
  trafilatura     time inside trafilatura (finding the article, title and date)
  page overhead   the rest of reading a page: decoding, checks, paragraphs (the aim: < 5 ms)
  txt reading     reading the same story as UTF-8 .txt, for comparison
  split+extract   quizgen's sentence splitting and fact extraction, for scale
and, once per process, the time to import trafilatura (paid by the first page only).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from reader_helpers import saved_page  # noqa: E402

from quizgen.extract import extract_facts  # noqa: E402
from quizgen.readers import read_document  # noqa: E402
from quizgen.stories import parse_story  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="../shared/corpus/bbc", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N stories")
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"bench_readers: no folder {args.folder}")
    paths = sorted(args.folder.glob("*.txt"))[: args.limit or None]

    started = time.perf_counter()
    import trafilatura
    import_ms = (time.perf_counter() - started) * 1000

    inside = [0.0]
    extract_article = trafilatura.bare_extraction

    def timed_extraction(*positional, **keywords):
        begun = time.perf_counter()
        try:
            return extract_article(*positional, **keywords)
        finally:
            inside[0] += time.perf_counter() - begun

    trafilatura.bare_extraction = timed_extraction
    read_document(saved_page().encode(), "warm-up.html")
    inside[0] = 0.0

    trafilatura_ms, overhead_ms, txt_ms, extract_ms = [], [], [], []
    same = 0
    for path in paths:
        raw_text = path.read_bytes()
        title, _, body = raw_text.decode("utf-8").partition("\n")
        page = saved_page(title, [p.strip() for p in body.split("\n\n") if p.strip()]).encode("utf-8")

        begun = time.perf_counter()
        plain = read_document(raw_text, path.name)
        txt_ms.append((time.perf_counter() - begun) * 1000)

        inside[0] = 0.0
        begun = time.perf_counter()
        document = read_document(page, path.with_suffix(".html").name)
        total = time.perf_counter() - begun
        trafilatura_ms.append(inside[0] * 1000)
        overhead_ms.append((total - inside[0]) * 1000)

        begun = time.perf_counter()
        story = parse_story(plain.body, path.name)
        extract_facts(story)
        extract_ms.append((time.perf_counter() - begun) * 1000)
        same += parse_story(document.body, path.name, title=document.title).text == story.text

    print(f"{len(paths)} stories from {args.folder}, wrapped as saved pages; import trafilatura: {import_ms:.0f} ms")
    print(f"{'per story (ms)':16} {'mean':>7} {'median':>7} {'p95':>7} {'max':>7}")
    for label, values in (("trafilatura", trafilatura_ms), ("page overhead", overhead_ms),
                          ("txt reading", txt_ms), ("split+extract", extract_ms)):
        ordered = sorted(values)
        print(f"{label:16} {statistics.fmean(values):7.2f} {statistics.median(values):7.2f} "
              f"{ordered[int(0.95 * (len(ordered) - 1))]:7.2f} {ordered[-1]:7.2f}")
    print(f"page text identical to the .txt story's: {same}/{len(paths)} (the rest: lines a .txt breaks inside "
          "one paragraph, which one <p> runs together as a browser does)")


if __name__ == "__main__":
    main()
