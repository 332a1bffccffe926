/* quizgen: mark a typed answer by the rules of the command-line self-test.
 *
 * The rules that need Python (surnames, aliases, number words, accepted answers)
 * were applied when the page or card was written: each question carries a key,
 * {exact: [answers in lower case], forms: [[normalised form, typos allowed], ...],
 * values: [numbers]}, made by
 * quizgen.quiz.checker.portable_key. This file only normalises what was typed,
 * reads digits, and allows the same typos, with the word lists and patterns
 * quizgen.quiz.checker.portable_rules exports. No network, no dependencies.
 */
(function (root) {
  "use strict";

  function makeChecker(rules) {
    var articles = {};
    rules.articles.forEach(function (word) { articles[word] = true; });
    var hedge = new RegExp(rules.hedge);
    var number = new RegExp(rules.number);

    function normalize(text) {
      text = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      text = text.split("\u2019").join("'").split("'s ").join(" ").split(".").join("");
      var words = text.match(/[a-z0-9%$£€]+/g) || [];
      return words.filter(function (word) { return !articles[word]; }).join(" ");
    }

    function numberValue(text) {
      var match = number.exec(String(text).trim().toLowerCase().replace(hedge, ""));
      if (!match) { return null; }
      var value = parseFloat(match.groups.number.split(",").join(""));
      var scale = match.groups.scale ? rules.scales[match.groups.scale.toLowerCase()] : undefined;
      value = scale ? value * scale : value;
      return isFinite(value) ? value : null;
    }

    function distance(a, b) {
      var previous = [], current, i, j;
      for (j = 0; j <= b.length; j++) { previous.push(j); }
      for (i = 1; i <= a.length; i++) {
        current = [i];
        for (j = 1; j <= b.length; j++) {
          current.push(Math.min(previous[j] + 1, current[j - 1] + 1,
                                previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        }
        previous = current;
      }
      return previous[b.length];
    }

    /* {correct: bool, typo: bool} for what a student typed against one question's key. */
    function check(key, typed) {
      if ((key.exact || []).indexOf(String(typed).trim().toLowerCase()) >= 0) {
        return {correct: true, typo: false};
      }
      var said = normalize(String(typed).trim());
      if (!said) { return {correct: false, typo: false}; }
      var forms = key.forms || [];
      for (var i = 0; i < forms.length; i++) {
        if (forms[i][0] === said) { return {correct: true, typo: false}; }
      }
      var value = numberValue(typed);
      if (value !== null) {
        return {correct: (key.values || []).indexOf(value) >= 0, typo: false};
      }
      for (i = 0; i < forms.length; i++) {
        var allowed = forms[i][1];
        if (allowed > 0 && Math.abs(forms[i][0].length - said.length) <= allowed &&
            distance(said, forms[i][0]) <= allowed) {
          return {correct: true, typo: true};
        }
      }
      return {correct: false, typo: false};
    }

    return {check: check, normalize: normalize, numberValue: numberValue};
  }

  root.quizgenAnswerCheck = makeChecker;
})(typeof window !== "undefined" ? window : globalThis);
