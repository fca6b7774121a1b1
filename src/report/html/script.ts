// The report's one inline script (its sha256 goes into the Content-Security-Policy): the
// findings filters. Plain JavaScript, no network, no eval, no innerHTML: it only toggles the
// `hidden` attribute of findings and of the rule sections around them, and writes a count
// with textContent. It touches a finding only when its visibility changes, and reads the text
// of findings once: a large estate's report holds a hundred thousand. Without the script the
// report still shows everything (the filter bar stays hidden), which is what print wants.

export const SCRIPT = `"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.rule-findings"));
  var count = document.getElementById("filter-count");
  var keys = ["severity", "baseline", "customer", "status", "state"];
  var texts = null; // each finding's text in lower case, read on the first search
  function value(name) {
    var el = form.elements.namedItem(name);
    return el ? el.value : "";
  }
  function apply() {
    var wanted = keys.map(function (k) { return [k, value(k)]; }).filter(function (p) { return p[1] !== ""; });
    var text = value("text").trim().toLowerCase();
    if (text !== "" && texts === null) texts = findings.map(function (f) { return f.textContent.toLowerCase(); });
    var shown = 0;
    findings.forEach(function (f, i) {
      var ok = wanted.every(function (p) { return f.dataset[p[0]] === p[1]; }) &&
        (text === "" || texts[i].indexOf(text) >= 0);
      if (f.hidden === ok) f.hidden = !ok;
      if (ok) shown++;
    });
    // A rule's section shows while any of its findings does.
    groups.forEach(function (g) { g.hidden = g.querySelector("article.finding:not([hidden])") === null; });
    count.textContent = "Showing " + shown + " of " + findings.length + " findings";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
`;
