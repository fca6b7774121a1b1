// The report's one inline script (its sha256 goes into the Content-Security-Policy): the
// findings filters. Plain JavaScript, no network, no eval, no innerHTML: it only toggles the
// `hidden` attribute of findings and writes a count with textContent. Without it the report
// still shows everything (the filter bar stays hidden), which is what print wants anyway.

export const SCRIPT = `"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var count = document.getElementById("filter-count");
  var keys = ["severity", "baseline", "customer", "status", "state"];
  function value(name) {
    var el = form.elements.namedItem(name);
    return el ? el.value : "";
  }
  function apply() {
    var wanted = keys.map(function (k) { return [k, value(k)]; }).filter(function (p) { return p[1] !== ""; });
    var text = value("text").trim().toLowerCase();
    var shown = 0;
    findings.forEach(function (f) {
      var ok = wanted.every(function (p) { return f.dataset[p[0]] === p[1]; }) &&
        (text === "" || f.textContent.toLowerCase().indexOf(text) >= 0);
      f.hidden = !ok;
      if (ok) shown++;
    });
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
