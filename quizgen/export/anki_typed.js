/* quizgen "Type the answer" cards: mark what was typed with quizgenAnswerCheck (answer_check.js),
 * on the front as soon as Enter or Check is pressed, and again on the back.
 * The typed text crosses from front to back in sessionStorage and a window property:
 * Anki desktop keeps one page for both sides, the mobile clients may load a new one.
 */
(function () {
  "use strict";
  var STORE = "quizgen-typed";

  function remember(key, typed) {
    var record = JSON.stringify({key: key, typed: typed});
    window.quizgenTyped = record;
    try { window.sessionStorage.setItem(STORE, record); } catch (e) { /* storage may be off */ }
  }

  function recall(key) {
    var record = window.quizgenTyped;
    try { record = window.sessionStorage.getItem(STORE) || record; } catch (e) { /* storage may be off */ }
    try {
      var parsed = JSON.parse(record || "null");
      return parsed && parsed.key === key ? parsed.typed : null;
    } catch (e) { return null; }
  }

  function last(selector) {
    var found = document.querySelectorAll(selector);
    return found.length ? found[found.length - 1] : null;
  }

  function start() {
    var input = last(".typed-input"), button = last(".typed-check");
    var verdict = last(".verdict"), keyNode = last(".typed-key");
    if (!input || !verdict || !keyNode || !window.quizgenAnswerCheck) { return; }
    var keyText = keyNode.textContent;
    var key;
    try { key = JSON.parse(keyText); } catch (e) { return; }
    var checker = window.quizgenAnswerCheck(window.quizgenRules);
    var marked = false;

    function show(typed) {
      var result = checker.check(key, typed);
      verdict.className = "verdict " + (result.correct ? "right" : "wrong");
      verdict.textContent = result.correct
        ? (result.typo ? "\u2713 Right \u2014 mind the spelling" : "\u2713 Right")
        : (typed.trim() ? "\u2717 Not quite" : "No answer typed");
      return result;
    }

    function mark() {
      if (marked) {
        if (typeof window.pycmd === "function") { window.pycmd("ans"); }    // Anki desktop: Enter again shows the back
        return;
      }
      marked = true;
      remember(keyText, input.value);
      show(input.value);
    }

    if (document.getElementById("answer")) {         // the back of the card
      var typed = recall(keyText);
      input.disabled = true;
      if (button) { button.hidden = true; }
      if (typed !== null) {
        input.value = typed;
        show(typed);
      } else {
        input.hidden = true;
      }
      return;
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        event.stopPropagation();
        mark();
      }
    });
    input.addEventListener("input", function () { marked = false; verdict.textContent = ""; verdict.className = "verdict"; });
    if (button) { button.addEventListener("click", mark); }
    input.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
