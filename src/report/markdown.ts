// The Markdown summary: short enough for a pull-request comment (GitHub caps those at 65,536
// characters) and for $GITHUB_STEP_SUMMARY. Counts by severity and baseline, the top findings
// with links, and what makes the run incomplete. Every string that comes from a resource or
// a policy is escaped: GitHub renders HTML inside Markdown.

import { SEVERITIES, scanProblems, severityRank, type ResultEntry, type Results, type ScanProblem, type Severity, type Status } from "../evaluate/results.js";
import { firstWebLink, portalUrl, sourceUrl, type SourceLinks } from "./links.js";
import { compareText, firstSorted } from "./order.js";

export interface MarkdownOptions {
  // Where IaC findings link to: the repository's web address and the commit.
  readonly links?: SourceLinks;
  readonly maxFindings?: number;
}

const MARK: Readonly<Record<Severity, string>> = { critical: "🟥", high: "🟧", medium: "🟨", low: "🟦", info: "⬜" };
const LIST_LIMIT = 5;
const MESSAGE_LIMIT = 200;

export function renderMarkdown(results: Results, options: MarkdownOptions = {}): string {
  const failing = results.results.filter((e) => e.status === "fail");
  const withBaseline = results.baseline !== undefined;
  const counts = countEntries(results);
  const out: string[] = [];

  const scanErrors = scanProblems(results);
  out.push(`## erguard: ${headline(results, failing, scanErrors)}`, "", scanLine(results), "");
  out.push(...severityTable(counts, withBaseline), "");
  out.push(...baselineTable(results, counts), "");

  if (failing.length > 0) {
    const top = firstSorted(failing, byImportance, options.maxFindings ?? 10);
    out.push("### Top findings", "", "| Severity | Rule | Resource | Location | Finding |", "| --- | --- | --- | --- | --- |");
    for (const e of top) out.push(findingRow(e, results, options.links));
    if (failing.length > top.length) out.push("", `…and ${failing.length - top.length} more failing findings in the full report.`);
    out.push("");
  }
  if (results.fixed && results.fixed.length > 0) {
    out.push(`✅ ${count(results.fixed.length, "finding")} of the baseline fixed.`, "");
  }
  out.push(...problems(results, scanErrors));
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function headline(results: Results, failing: readonly ResultEntry[], scanErrors: readonly ScanProblem[]): string {
  const incomplete = scanErrors.length > 0 ? " · ⚠️ incomplete scan" : "";
  if (failing.length === 0) return `✅ no failing findings${incomplete}`;
  const fresh = results.baseline !== undefined ? ` (${failing.filter((e) => e.baselineState === "new").length} new)` : "";
  return `❌ ${count(failing.length, "failing finding")}${fresh}${incomplete}`;
}

function scanLine(results: Results): string {
  const customers = results.snapshot.customers.map((c) => md(c.name));
  // A few customers by name; a provider's whole estate by their number.
  const whose = customers.length === 0 ? "" : customers.length <= 5 ? ` for ${customers.join(", ")}` : ` for ${customers.length} customers`;
  return [
    `Source **${results.snapshot.source.kind}**${whose}`,
    `collected ${results.snapshot.source.collectedAt}`,
    `policy ${md(results.policy.revision)} (\`${results.policy.sha256.slice(0, 12)}\`)`,
    `${results.tool.name} ${md(results.tool.version)}`,
    ...(results.baseline ? [`compared with the results of ${results.baseline.evaluatedAt}`] : []),
  ].join(" · ");
}

// Entries counted by severity and status, by baseline and status, and new failures by
// severity, in one pass.
interface Counts {
  readonly bySeverity: StatusCounts;
  readonly byBaseline: StatusCounts;
  readonly newBySeverity: ReadonlyMap<string, number>;
}

function countEntries(results: Results): Counts {
  const bySeverity = new StatusCounts();
  const byBaseline = new StatusCounts();
  const newBySeverity = new Map<string, number>();
  for (const e of results.results) {
    bySeverity.add(e.severity, e.status);
    byBaseline.add(e.baseline, e.status);
    if (e.status === "fail" && e.baselineState === "new") newBySeverity.set(e.severity, (newBySeverity.get(e.severity) ?? 0) + 1);
  }
  return { bySeverity, byBaseline, newBySeverity };
}

// Entries per key and status. They come grouped by rule, so the previous entry's row is nearly
// always the one wanted: no lookup per entry.
class StatusCounts {
  private readonly rows = new Map<string, Record<Status, number>>();
  private key: string | undefined;
  private row: Record<Status, number> | undefined;

  add(key: string, status: Status): void {
    if (key !== this.key || this.row === undefined) {
      this.key = key;
      this.row = this.rows.get(key);
      if (this.row === undefined) this.rows.set(key, (this.row = { pass: 0, fail: 0, error: 0, unknown: 0, manual: 0, waived: 0 }));
    }
    this.row[status]++;
  }

  get(key: string, ...statuses: Status[]): number {
    const row = this.rows.get(key);
    return statuses.reduce((sum, s) => sum + (row?.[s] ?? 0), 0);
  }
}

function severityTable(counts: Counts, withBaseline: boolean): string[] {
  const rows = SEVERITIES.map((s) => [
    `${MARK[s]} ${s}`,
    counts.bySeverity.get(s, "fail"),
    ...(withBaseline ? [counts.newBySeverity.get(s) ?? 0] : []),
    counts.bySeverity.get(s, "waived"),
  ]);
  const head = ["Severity", "Failing", ...(withBaseline ? ["New"] : []), "Waived"];
  return table(head, rows);
}

function baselineTable(results: Results, counts: Counts): string[] {
  const baselines = [...new Set(results.rules.map((r) => r.baseline))];
  const rows = baselines.map((b) => {
    const n = (...statuses: Status[]) => counts.byBaseline.get(b, ...statuses);
    return [md(b), n("pass"), n("fail"), n("waived"), n("unknown", "manual"), n("error")];
  });
  return table(["Baseline", "Passed", "Failed", "Waived", "Unknown or manual", "Errors"], rows);
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function findingRow(e: ResultEntry, results: Results, links: SourceLinks | undefined): string {
  const rule = results.rules.find((r) => r.id === e.ruleId);
  const ruleLink = firstWebLink(rule?.references ?? []);
  const ruleCell = ruleLink ? `[${md(e.ruleId)}](${url(ruleLink)})` : md(e.ruleId);
  const name = md(e.resourceName ?? e.resourceId ?? "—");
  const resource = e.resourceId !== null && results.snapshot.source.kind === "azure" ? `[${name}](${url(portalUrl(e.resourceId))})` : name;
  const where = e.origin ? `${e.origin.file}${e.origin.line !== undefined ? `:${e.origin.line}` : ""}` : "";
  const target = e.origin && links ? sourceUrl(links, e.origin) : undefined;
  const location = where === "" ? (e.customer !== undefined ? md(e.customer) : "") : target ? `[${md(where)}](${url(target)})` : md(where);
  const fresh = e.baselineState === "new" ? " 🆕" : "";
  return `| ${MARK[e.severity]} ${e.severity}${fresh} | ${ruleCell} | ${resource} | ${location} | ${md(truncate(e.message || (rule?.title ?? "")))} |`;
}

function problems(results: Results, scanErrors: readonly ScanProblem[]): string[] {
  const lines: string[] = [];
  const errors = scanErrors.map((p) => `${p.kind === "collection" ? `collection incomplete for ${p.where}` : p.where}: ${p.message}`);
  if (errors.length > 0) {
    lines.push("### ⚠️ The scan is incomplete", "", ...list(errors), "");
  }
  const expired = results.waivers.expired.map((w) => `${w.rule} on ${w.resource} (owner ${w.owner}) expired on ${w.expires}`);
  const stale = results.waivers.stale.map((w) => `${w.rule} on ${w.resource} (owner ${w.owner}) waives nothing`);
  if (expired.length + stale.length > 0) lines.push("### Waivers to review", "", ...list([...expired, ...stale]), "");
  return lines;
}

function list(items: readonly string[]): string[] {
  const shown = items.slice(0, LIST_LIMIT).map((t) => `- ${md(truncate(t))}`);
  return items.length > LIST_LIMIT ? [...shown, `- …and ${items.length - LIST_LIMIT} more`] : shown;
}

// New findings first, then by severity, rule and resource: a stable order.
function byImportance(a: ResultEntry, b: ResultEntry): number {
  return (
    Number(b.baselineState === "new") - Number(a.baselineState === "new") ||
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resourceId ?? "", b.resourceId ?? "")
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function truncate(text: string): string {
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text;
}

// Text in a table cell or list item: no HTML, no Markdown syntax, no line breaks, no cell
// separators. (Parentheses are harmless once brackets are escaped; a leading list or
// heading marker is not.)
export function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/^([#+-]|\d+[.)])/, "\\$1");
}

// A link target in angle brackets may hold anything but angle brackets and line breaks.
function url(target: string): string {
  return `<${target.replace(/[<>\s]/g, encodeURIComponent)}>`;
}
