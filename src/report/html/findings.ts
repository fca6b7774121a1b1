// The findings, grouped by rule: each rule that did not simply pass gets a section with what
// it checks, how to fix it and its counts, then every failing, waived, undetermined and
// errored outcome with its details (the filters toggle them). What a rule says once — title,
// remediation, references — is said in its section, not repeated on every finding: at
// 100,000 resources there are a hundred thousand findings.
//
// Passes are summarised per rule: how many resources passed, and the first of them.
//
// The findings are handed out in chunks, so that the page is never one string.

import { SEVERITIES, STATUSES, severityRank, type ResultEntry, type Results } from "../../evaluate/results.js";
import type { Chunk } from "../chunk-builder.js";
import { compareText } from "../order.js";
import { HtmlChunks } from "./chunks.js";
import { html, type HtmlValue, type SafeHtml } from "./escape.js";
import { link, plural, severityBadge, text, thousands } from "./pieces.js";
import { PASS_LIST_LIMIT, type RuleTally, type Tally } from "./tally.js";

// Rules by severity, then id: the order of the control table and of the findings.
export function byImportance(rules: Iterable<RuleTally>): RuleTally[] {
  return [...rules].sort((a, b) => severityRank(a.rule?.severity ?? "info") - severityRank(b.rule?.severity ?? "info") || compareText(a.id, b.id));
}

export function* findingsSection(results: Results, tallied: Tally, customers: readonly string[]): Generator<Chunk> {
  const groups = byImportance(tallied.rules.values()).filter((t) => t.findings.length > 0);
  if (groups.length === 0) {
    yield html`<p class="empty">No findings: every evaluated resource passed every control.</p>`.text;
    return;
  }
  const severities = new Set<string>();
  const baselines = new Set<string>();
  for (const g of groups) {
    for (const e of g.findings) {
      severities.add(e.severity);
      baselines.add(e.baseline);
    }
  }
  // The filter bar sticks to the top of the page while the findings scroll, and no further.
  yield html`<div class="findings">
<form id="filters" class="filters" hidden>
  ${select("severity", "Severity", SEVERITIES.filter((s) => severities.has(s)))}
  ${select("baseline", "Baseline", [...baselines])}
  ${customers.length > 0 ? select("customer", "Customer", customers) : ""}
  ${select("status", "Status", STATUSES.filter((s) => s !== "pass" && tallied.totals[s] > 0))}
  ${results.baseline ? select("state", "Since baseline", ["new", "existing"]) : ""}
  <label>Search<input type="search" name="text" placeholder="resource, message, evidence…" autocomplete="off"></label>
  <output id="filter-count"></output>
</form>
<div id="finding-list">
`.text;
  const out = new HtmlChunks();
  const writeFinding = findingWriter(results.snapshot.file ?? "snapshot");
  for (const group of groups) {
    out.write(ruleHeader(group));
    for (const statusFindings of inListOrder(group.findings)) {
      for (const e of statusFindings) {
        writeFinding(out, e, group);
        if (out.full) yield out.take();
      }
    }
    out.write(html`</section>\n`);
  }
  out.write(html`</div>\n</div>\n`);
  yield out.take();
}

// A rule's findings by status (in STATUSES order), then by resource id: what a stable sort on
// both gives, without sorting a status's findings when they already come in resource order, as
// an evaluation's do.
function inListOrder(findings: readonly ResultEntry[]): ResultEntry[][] {
  const byStatus = new Map<number, ResultEntry[]>();
  for (const e of findings) {
    const rank = STATUSES.indexOf(e.status);
    const list = byStatus.get(rank);
    if (list === undefined) byStatus.set(rank, [e]);
    else list.push(e);
  }
  const byResource = (a: ResultEntry, b: ResultEntry) => compareText(a.resourceId ?? "", b.resourceId ?? "");
  return [...byStatus.keys()]
    .sort((a, b) => a - b)
    .map((rank) => {
      const list = byStatus.get(rank)!;
      return list.every((e, i) => i === 0 || byResource(list[i - 1]!, e) <= 0) ? list : list.sort(byResource);
    });
}

function select(name: string, label: string, options: readonly string[]): SafeHtml {
  return html`<label>${label}<select name="${name}"><option value="">all</option>${options.map((o) => html`<option value="${o}">${o}</option>`)}</select></label>`;
}

function ruleHeader(group: RuleTally): SafeHtml {
  const { rule, counts } = group;
  const outcomes = [
    counts.fail > 0 ? plural(counts.fail, "failure") : "",
    counts.error > 0 ? plural(counts.error, "error") : "",
    counts.unknown > 0 ? `${thousands(counts.unknown)} undeterminable` : "",
    counts.manual > 0 ? `${thousands(counts.manual)} awaiting attestation` : "",
    counts.waived > 0 ? `${thousands(counts.waived)} waived` : "",
    counts.pass > 0 ? `${thousands(counts.pass)} passed` : "",
  ].filter(Boolean);
  return html`<section class="rule-findings">
<h3><code>${group.id}</code> ${rule?.title ?? ""}</h3>
<p class="rule-facts">${rule ? html`${severityBadge(rule.severity)} ${rule.baseline}${rule.manual ? " (manual)" : ""} · ` : ""}${outcomes.join(", ")}</p>
${rule?.description ? html`<p>${rule.description}</p>` : ""}
${rule?.remediation ? html`<p><strong>Remediation.</strong> ${rule.remediation}</p>` : ""}
${rule && rule.references.length > 0 ? html`<p class="references">References: ${rule.references.map((r, i) => html`${i > 0 ? " · " : ""}${link(r)}`)}</p>` : ""}
`;
}

// What findings share is made once: per rule and outcome, the article's opening and heading;
// per resource, its name, facts and location. Each piece is the html`` the finding is made of.
interface OutcomeHtml {
  readonly severity: unknown;
  readonly baseline: unknown;
  readonly baselineState: unknown;
  readonly opening: SafeHtml;
  readonly heading: SafeHtml;
  readonly ruleFinding: SafeHtml; // the Finding fact of an entry without a message
}

interface ResourceHtml {
  readonly name: unknown;
  readonly customer: unknown;
  readonly origin: unknown;
  readonly line: unknown;
  readonly tags: unknown;
  readonly customerAttribute: SafeHtml;
  readonly title: SafeHtml;
  readonly place: SafeHtml;
}

// Empty attributes are left out: a filter on them never matches, as an empty value would not.
// Few elements per finding: a browser builds a hundred thousand of them.
function findingWriter(file: string): (out: HtmlChunks, e: ResultEntry, group: RuleTally) => void {
  let rule: RuleTally | undefined;
  const outcomes = new Map<string, OutcomeHtml>();
  const resources = new Map<string | null, ResourceHtml>();
  return (out, e, group) => {
    if (group !== rule) {
      rule = group;
      outcomes.clear();
    }
    let o = outcomes.get(e.status);
    if (o === undefined || o.severity !== e.severity || o.baseline !== e.baseline || o.baselineState !== e.baselineState) {
      o = {
        severity: e.severity,
        baseline: e.baseline,
        baselineState: e.baselineState,
        opening: html`<article class="finding s-${e.severity}" data-severity="${e.severity}" data-baseline="${e.baseline}"`,
        heading: html` data-status="${e.status}"${e.baselineState ? html` data-state="${e.baselineState}"` : ""}>
<h4><span class="badge st-${e.status}">${e.status}</span>${e.baselineState ? html` <span class="badge state-${e.baselineState}">${e.baselineState}</span>` : ""} <code>${e.ruleId}</code> `,
        ruleFinding: fact("Finding", group.rule?.title || ""),
      };
      outcomes.set(e.status, o);
    }
    let r = resources.get(e.resourceId);
    const line = e.snapshotLine;
    if (r === undefined || r.name !== e.resourceName || r.customer !== e.customer || r.origin !== e.origin || r.line !== line || r.tags !== e.tags) {
      r = {
        name: e.resourceName,
        customer: e.customer,
        origin: e.origin,
        line,
        tags: e.tags,
        customerAttribute: e.customer !== undefined ? html` data-customer="${e.customer}"` : html``,
        title: html`${e.resourceName ?? e.resourceId ?? "—"}</h4>
<dl>${e.resourceId !== null ? fact("Resource", e.resourceId, true) : ""}${e.customer !== undefined ? fact("Customer", e.customer) : ""}`,
        place: html`${fact("Location", location(e, file), true)}${e.tags && Object.keys(e.tags).length > 0 ? fact("Tags", Object.entries(e.tags).map(([k, v]) => `${k} = ${v}`).join(", "), true) : ""}`,
      };
      resources.set(e.resourceId, r);
    }

    out.write(o.opening);
    out.write(r.customerAttribute);
    out.write(o.heading);
    out.write(r.title);
    out.write(e.message ? fact("Finding", e.message) : o.ruleFinding);
    out.write(r.place);
    if (e.waiver) out.write(fact(e.waiver.expired ? "Expired waiver" : "Waiver", `${e.waiver.reason} — ${e.waiver.owner}, ${e.waiver.expired ? "expired" : "expires"} ${e.waiver.expires}`));
    if (e.attestation) out.write(fact("Attestation", html`${e.attestation.attestedBy}, ${e.attestation.date}: ${link(e.attestation.evidence)}`));
    const evidence = e.evidence ? Object.entries(e.evidence) : [];
    out.write(html`</dl>
${evidence.length > 0 ? html`<details><summary>Evidence</summary><dl class="evidence mono">${evidence.map(([k, v]) => html`<dt>${k}</dt><dd>${text(v)}</dd>`)}</dl></details>\n` : ""}</article>
`);
  };
}

function fact(label: string, value: HtmlValue, mono = false): SafeHtml {
  return html`<dt>${label}</dt><dd${mono ? html` class="mono"` : ""}>${value}</dd>`;
}

function location(e: ResultEntry, file: string): HtmlValue {
  if (e.origin) {
    return html`${e.origin.file}${e.origin.line !== undefined ? `:${e.origin.line}` : ""}${e.origin.address ? html` <span class="muted">(${e.origin.address})</span>` : ""}`;
  }
  return `${file}${e.snapshotLine !== undefined ? `:${e.snapshotLine}` : ""}`;
}

// Per rule, how many resources passed and which (the first PASS_LIST_LIMIT of them).
export function passedSection(tallied: Tally): SafeHtml {
  const rules = byImportance(tallied.rules.values()).filter((t) => t.counts.pass > 0);
  if (rules.length === 0) return html``;
  return html`<h2 id="passed">Passed</h2>
<p>A resource of a control's resource types that no finding names has passed it. Each list shows at most the first ${PASS_LIST_LIMIT} resources; results.json holds every result.</p>
${rules.map(
  (t) => html`<details class="passed"><summary><code>${t.id}</code> ${t.rule?.title ?? ""}: ${plural(t.counts.pass, "resource")} passed</summary>
<ul class="passed-list">${t.passed.map((e) => html`<li${e.resourceId !== null ? html` title="${e.resourceId}"` : ""}>${e.resourceName ?? e.resourceId ?? "—"}${e.customer !== undefined ? html` <span class="muted">(${e.customer})</span>` : ""}</li>`)}</ul>
${t.counts.pass > t.passed.length ? html`<p class="muted">…and ${thousands(t.counts.pass - t.passed.length)} more, listed in results.json.</p>` : ""}</details>
`,
)}`;
}
