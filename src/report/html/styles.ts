// The report's one inline stylesheet (its sha256 goes into the Content-Security-Policy).
// Screen: a readable single page with a filter bar. Print: a paginated A4 document with the
// cover on its own page, no controls, findings never split across pages.

export const STYLES = `
:root {
  --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --panel: #f6f8fa;
  --critical: #8b0000; --high: #c2410c; --medium: #a16207; --low: #1d4ed8; --info: #57606a;
  --pass: #1a7f37; --fail: #cf222e; --waived: #8250df; --error: #6e7781; --undetermined: #bf8700;
}
* { box-sizing: border-box; }
html { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--paper); }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p { margin: .4rem 0; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.nowrap, .nowrap code { white-space: nowrap; overflow-wrap: normal; }
table.controls td:first-child { min-width: 17rem; }
.cover { border: 1px solid var(--line); border-radius: 8px; padding: 1.5rem 1.75rem; background: var(--panel); }
.cover .subtitle { color: var(--muted); margin-bottom: 1rem; }
.facts th { width: 14rem; background: transparent; }
.verdict { display: inline-block; font-weight: 700; font-size: 1.1rem; padding: .3rem .8rem; border-radius: 6px; color: #fff; margin: .5rem 0 1rem; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); } .verdict.incomplete { background: var(--error); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; color: #fff; white-space: nowrap; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); }
.sev-low { background: var(--low); } .sev-info { background: var(--info); }
.st-pass { background: var(--pass); } .st-fail { background: var(--fail); } .st-waived { background: var(--waived); }
.st-error { background: var(--error); } .st-unknown, .st-manual, .st-undetermined { background: var(--undetermined); } .st-na { background: var(--line); color: var(--ink); }
.state-new { background: #0969da; } .state-existing { background: var(--muted); }
.chart { display: block; width: 100%; height: auto; max-width: 56rem; }
.legend { display: flex; flex-wrap: wrap; gap: .75rem; font-size: .85rem; margin: .25rem 0 1rem; }
.legend span::before { content: ""; display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .3rem; vertical-align: -.1rem; }
.legend .l-pass::before { background: var(--pass); } .legend .l-fail::before { background: var(--fail); }
.legend .l-waived::before { background: var(--waived); } .legend .l-error::before { background: var(--error); }
.legend .l-undetermined::before { background: var(--undetermined); }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; padding: .75rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
.filters select, .filters input { font: inherit; font-size: .9rem; padding: .25rem .4rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
.filters input[type="search"] { min-width: 16rem; }
.filters output { margin-left: auto; font-size: .9rem; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; break-inside: avoid; }
/* A large estate's report holds a hundred thousand findings: lay out only those in view. */
.finding { content-visibility: auto; contain-intrinsic-size: auto 11rem; }
.finding.s-critical { border-left-color: var(--critical); } .finding.s-high { border-left-color: var(--high); }
.finding.s-medium { border-left-color: var(--medium); } .finding.s-low { border-left-color: var(--low); } .finding.s-info { border-left-color: var(--info); }
.finding h4 { margin: 0; font-size: 1rem; }
.finding dl { display: grid; grid-template-columns: 9rem 1fr; gap: .2rem .75rem; margin: .5rem 0 0; }
.finding dt { color: var(--muted); }
.finding dd { margin: 0; overflow-wrap: anywhere; }
.rule-findings { margin: 2rem 0 0; padding-top: .5rem; border-top: 1px solid var(--line); }
.rule-findings > h3 { margin-bottom: .25rem; }
.rule-facts { color: var(--muted); }
.references a { overflow-wrap: anywhere; }
details.passed { margin: .3rem 0; }
.passed-list { columns: 3 16rem; margin: .3rem 0; padding-left: 1.2rem; font-size: .9rem; }
.passed-list li { break-inside: avoid; overflow-wrap: anywhere; }
.finding dl.evidence { margin-top: .25rem; font-size: .8rem; }
details summary { cursor: pointer; color: var(--muted); }
tr.expired td { background: #fff1f0; }
tr.expired td:first-child { box-shadow: inset 4px 0 0 var(--fail); }
.signature { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin-top: 2rem; }
.signature div { border-top: 1px solid var(--ink); padding-top: .25rem; color: var(--muted); font-size: .85rem; min-height: 3rem; }
.empty { color: var(--muted); font-style: italic; }
[hidden] { display: none !important; }

@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .cover { border: none; background: none; padding: 0; break-after: page; }
  h2 { break-before: page; break-after: avoid; }
  h2.keep { break-before: auto; }
  .filters, .no-print { display: none !important; }
  .finding, tr, .chart { break-inside: avoid; }
  .rule-findings > h3 { break-after: avoid; }
  thead { display: table-header-group; }
  .badge, .verdict, .legend span::before { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
