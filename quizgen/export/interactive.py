"""A quiz students take in the browser: one self-contained HTML file that marks itself.

Same questions, versions and seed as the printed quiz (it draws the same
QuizLayout). No network, no server: the answer checker (answer_check.js) and
the keys are inlined, and typed answers are marked by the self-test's own
rules (`portable_key`, `portable_rules`). The answers are in the file, so it is
for practice, not for grading.

The contract scripts and tests drive: each question's element carries
`data-question-id` (the bank id), the check button's text starts with "Check",
and the score is written as "N/M" into the element with role="status".
"""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

from ..atomic import write_atomic
from ..bank import Selection
from ..quiz.checker import portable_key, portable_rules
from . import ExportOptions
from .html import about, from_label, heading, page_head, section_html, story_block
from .layout import LETTERS, Item, QuizLayout, Version, lay_out

ANSWER_CHECK_JS = Path(__file__).with_name("answer_check.js")

CSS = """
:root { color-scheme: light dark; --ink: #1d2330; --muted: #5a6070; --paper: #fff; --line: #c9ced8;
        --card: #f6f7f9; --right: #1b7a3a; --wrong: #b3261e; --accent: #2457c5; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e8ee; --muted: #a7adba; --paper: #15171c; --line: #3b404b; --card: #1e2128;
          --right: #5fd38a; --wrong: #ff8a80; --accent: #8fb3ff; } }
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; font-size: 1.05rem;
       line-height: 1.5; color: var(--ink); background: var(--paper); max-width: 44em; margin: 0 auto;
       padding: 1em 1em 4em; }
h1 { font-size: 1.45em; margin: .3em 0; } h2 { font-size: 1.2em; margin: 1.4em 0 .2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .2em; }
.about, .hint, .instructions, .from, .src { color: var(--muted); font-size: .9em; }
.from { display: block; font-size: .8em; }
.story { border-left: 3px solid var(--line); padding-left: 1em; margin: 1.6em 0 .8em; }
.q { border: 1px solid var(--line); border-radius: 8px; background: var(--card); margin: .8em 0;
     padding: .6em .9em; min-width: 0; }
.q legend, .prompt { font-weight: 500; padding: 0; display: block; }
.from { font-weight: 400; }
.q legend { float: left; width: 100%; margin-bottom: .3em; } .q legend + * { clear: both; }
.choice { display: flex; gap: .6em; align-items: flex-start; padding: .45em .3em; border-radius: 6px; cursor: pointer; }
.choice:hover { background: color-mix(in srgb, var(--accent) 10%, transparent); }
.choice input { margin-top: .3em; width: 1.1em; height: 1.1em; flex: none; }
input[type=text], select { font: inherit; font-size: max(16px, 1em); color: var(--ink); background: var(--paper);
       border: 1px solid var(--muted); border-radius: 6px; padding: .4em .5em; width: 100%; margin-top: .4em; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr); gap: .5em; align-items: center;
        margin: .4em 0; }
.pair select { margin: 0; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.result { margin-top: .5em; padding-top: .4em; border-top: 1px dashed var(--line); }
.result p { margin: .2em 0; }
.verdict { font-weight: 700; }
.right { border-color: var(--right); } .right .verdict { color: var(--right); }
.wrong { border-color: var(--wrong); } .wrong .verdict { color: var(--wrong); }
.pair.wrong-row label { color: var(--wrong); } .pair.right-row label { color: var(--right); }
.actions { position: sticky; bottom: 0; display: flex; gap: 1em; align-items: center; flex-wrap: wrap;
           padding: .7em 0; background: var(--paper); border-top: 1px solid var(--line); }
button { font: inherit; font-weight: 600; padding: .6em 1.4em; border-radius: 8px; border: 0; cursor: pointer;
         background: var(--accent); color: var(--paper); min-height: 44px; }
.score { font-size: 1.15em; font-weight: 700; margin: 0; }
.version + .version { margin-top: 3em; border-top: 2px solid var(--line); }
@media (max-width: 30em) { body { padding: .6em .7em 4em; } .pair { grid-template-columns: 1fr; } }
"""

ON_SCREEN = {"mcq": "Choose the best answer.", "truefalse": "Choose True or False.", "short": "Type your answer.",
             "cloze": "Type the missing words.", "matching": "Choose the matching item for each."}

PAGE_SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("quizgen-data").textContent);
  var checker = quizgenAnswerCheck(data.rules);

  function chosen(element) {
    var input = element.querySelector("input:checked");
    return input ? input.value : null;
  }

  function mark(element, spec) {
    if (spec.type === "choice") {
      return {correct: chosen(element) === spec.answer, typo: false};
    }
    if (spec.type === "text") {
      return checker.check(spec.key, element.querySelector("input[type=text]").value);
    }
    var all = true;
    element.querySelectorAll(".pair").forEach(function (row, index) {
      var right = row.querySelector("select").value === spec.answers[index];
      row.classList.toggle("right-row", right);
      row.classList.toggle("wrong-row", !right);
      all = all && right;
    });
    return {correct: all, typo: false};
  }

  document.querySelectorAll("form.quiz").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var right = 0, total = 0;
      form.querySelectorAll("[data-question-id]").forEach(function (element) {
        var verdict = mark(element, data.questions[element.id]);
        total += 1;
        right += verdict.correct ? 1 : 0;
        element.classList.toggle("right", verdict.correct);
        element.classList.toggle("wrong", !verdict.correct);
        var result = element.querySelector(".result");
        result.querySelector(".verdict").textContent = verdict.correct
          ? (verdict.typo ? "\\u2713 Right (mind the spelling)" : "\\u2713 Right") : "\\u2717 Not right";
        result.hidden = false;
      });
      form.querySelector("[role=status]").textContent = right + "/" + total;
    });
  });
})();
"""


def write(selection: Selection, out: Path, options: ExportOptions) -> Path:
    return write_atomic(out, render(selection, options))


def render(selection: Selection, options: ExportOptions) -> str:
    layout = lay_out(selection, options)
    specs: dict[str, dict] = {}
    parts = [page_head(layout.title, CSS), f"<main><h1>{escape(layout.title)}</h1>", about(layout),
             "<p class=instructions>" + ("Read each story, then answer the questions under it. "
                                         if layout.with_story else "")
             + "Answer every question, then press <b>Check answers</b> to see what is right, "
               "the answer and the sentence it comes from, and your score.</p>"]
    for version in layout.versions:
        parts.append(_version(layout, version, specs))
    data = {"rules": portable_rules(), "questions": specs}
    parts += ["</main>", f"<script type=application/json id=quizgen-data>{_json_for_html(data)}</script>",
              f"<script>{ANSWER_CHECK_JS.read_text(encoding='utf-8')}</script>",
              f"<script>{PAGE_SCRIPT}</script>", "</body></html>\n"]
    return "\n".join(parts)


def _json_for_html(data: dict) -> str:
    """JSON that cannot end its <script> element early, whatever the story text holds."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _version(layout: QuizLayout, version: Version, specs: dict[str, dict]) -> str:
    name = f"Version {version.letter}" if version.letter else ""
    html = [f"<form class='quiz version' novalidate aria-label='{escape(name or layout.title)}'>"]
    if version.letter:
        html.append(f"<h2>{heading(layout, version)}</h2>")
    for group in version.groups:
        if group.story:
            html.append(story_block(group.story))
        for section in group.sections:
            html.append(section_html(section, 3 if group.story else 2,
                                     lambda item: _question(item, version.letter or "x", specs),
                                     ON_SCREEN[section.type]))
    status_id = f"score-{version.letter or 'x'}"
    html.append(f"<div class=actions><button type=submit>Check answers</button>"
                f"<p class=score>Score: <span id={status_id} role=status aria-live=polite></span></p></div>")
    html.append("</form>")
    return "\n".join(html)


def _question(item: Item, version: str, specs: dict[str, dict]) -> str:
    """One question as form controls, with its answer and source ready to show after Check."""
    question = item.question
    element_id = f"q-{version}-{item.number}"
    attributes = f"class=q id={element_id} data-question-id=\"{escape(question.id)}\""
    prompt = f"{from_label(item)}{item.number}. {escape(question.prompt)}"
    if question.type in ("mcq", "truefalse"):
        choices = item.choices
        answer = str(choices.index(question.answer)) if question.answer in choices else ""
        specs[element_id] = {"type": "choice", "answer": answer}
        options = "".join(
            f"<label class=choice><input type=radio name={element_id} value={index}>"
            f"<span>{LETTERS[index] + '. ' if question.type == 'mcq' else ''}{escape(choice)}</span></label>"
            for index, choice in enumerate(choices))
        shown = (f"{LETTERS[int(answer)]}. " if answer and question.type == "mcq" else "") + question.answer
        return f"<fieldset {attributes}><legend>{prompt}</legend>{options}{_result(shown, question.source)}</fieldset>"
    if question.type == "matching":
        rights = item.right_column
        specs[element_id] = {"type": "matching",
                             "answers": [str(rights.index(right)) for _, right in question.pairs]}
        options = "<option value=''>Choose…</option>" + "".join(
            f"<option value={index}>{LETTERS[index]}. {escape(right)}</option>" for index, right in enumerate(rights))
        rows = "".join(f"<div class=pair><label for={element_id}-{row}>{escape(left)}</label>"
                       f"<select id={element_id}-{row}>{options}</select></div>"
                       for row, (left, _) in enumerate(question.pairs))
        shown = "; ".join(f"{left} — {right}" for left, right in question.pairs)
        return f"<fieldset {attributes}><legend>{prompt}</legend>{rows}{_result(shown, question.source)}</fieldset>"
    specs[element_id] = {"type": "text", "key": portable_key(question)}
    return (f"<div {attributes}><label class=prompt for={element_id}-answer>{prompt}</label>"
            f"<input type=text id={element_id}-answer autocomplete=off autocapitalize=off spellcheck=false>"
            f"{_result(question.answer, question.source)}</div>")


def _result(answer: str, source: str) -> str:
    return (f"<div class=result hidden><p class=verdict></p><p>Answer: <b>{escape(answer)}</b></p>"
            f"<p class=src>From the story: {escape(source)}</p></div>")
