/* quizgen: mark a typed answer by the rules of the command-line self-test.
 *
 * The rules that need Python (surnames, aliases, number words, accepted answers)
 * were applied when the page or card was written: each question carries a key,
 * {exact: [answers in lower case], forms: [[normalised form, slips forgiven (0 or 1)], ...],
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
    var hedge = new RegExp(rules.hedge_pattern);
    var number = new RegExp(rules.number_text_pattern);
    var notANumberAfter = new RegExp(rules.not_a_number_after);
    var dotNotBeforeDigit = new RegExp(rules.dot_not_before_digit, "g");
    var dotAfterNonDigit = new RegExp(rules.dot_after_non_digit, "g");
    var minusBeforeDigit = new RegExp(rules.minus_before_digit, "g");
    var token = new RegExp(rules.token, "g");

    function normalize(text) {
      text = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      text = text.split("\u2019").join("'").split("'s ").join(" ");
      text = text.replace(dotNotBeforeDigit, "").replace(dotAfterNonDigit, "$1");
      text = text.replace(minusBeforeDigit, "$1 minus ");
      var words = text.match(token) || [];
      return words.filter(function (word) { return !articles[word]; }).join(" ");
    }

    function numberValue(text) {
      text = String(text).trim().toLowerCase().replace(hedge, "");
      var match = number.exec(text);
      if (!match || notANumberAfter.test(text.slice(match[0].length))) { return null; }
      var value = parseFloat(match.groups.number.split(",").join(""));
      var scale = match.groups.scale ? rules.scales[match.groups.scale.toLowerCase()] : undefined;
      value = scale ? value * scale : value;
      return isFinite(value) ? value : null;
    }

    /* Optimal string alignment distance: a swap of two neighbouring letters is one slip. */
    function slips(a, b) {
      var rows = [], i, j;
      for (i = 0; i <= a.length; i++) { rows.push([i]); }
      for (j = 1; j <= b.length; j++) { rows[0].push(j); }
      for (i = 1; i <= a.length; i++) {
        for (j = 1; j <= b.length; j++) {
          var cost = a[i - 1] === b[j - 1] ? 0 : 1;
          rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
          }
        }
      }
      return rows[a.length][b.length];
    }

    function allowance(word) {
      if (/[0-9]/.test(word)) { return 0; }
      return word.length >= 10 ? 2 : word.length >= 5 ? 1 : 0;
    }

    /* The self-test's typo rule, word by word (quizgen.quiz.checker._close). */
    function close(said, form) {
      var typed = said.split(" "), words = form.split(" "), total = 0;
      if (typed.length !== words.length) { return false; }
      for (var n = 0; n < words.length; n++) {
        if (typed[n] === words[n]) { continue; }
        var allowed = allowance(words[n]);
        var distance = allowed ? slips(typed[n], words[n]) : 1;
        if (distance > allowed) { return false; }
        total += distance;
      }
      return total > 0 && total <= rules.most_slips;
    }

    /* {correct: bool, typo: bool} for what a student typed against one question's key. */
    function check(key, typed) {
      if ((key.exact || []).indexOf(String(typed).trim().toLowerCase()) >= 0) {
        return {correct: true, typo: false};
      }
      var said = normalize(String(typed).trim());
      if (!said) { return {correct: false, typo: false}; }
      var forms = key.forms || [], i;
      for (i = 0; i < forms.length; i++) {
        if (forms[i][0] === said) { return {correct: true, typo: false}; }
      }
      var value = numberValue(typed);
      if (value !== null) {
        return {correct: (key.values || []).indexOf(value) >= 0, typo: false};
      }
      for (i = 0; i < forms.length; i++) {
        if (forms[i][1] && close(said, forms[i][0])) { return {correct: true, typo: true}; }
      }
      return {correct: false, typo: false};
    }

    return {check: check, normalize: normalize, numberValue: numberValue};
  }

  root.quizgenAnswerCheck = makeChecker;
})(typeof window !== "undefined" ? window : globalThis);
