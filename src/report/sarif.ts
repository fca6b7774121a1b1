// SARIF 2.1.0 for GitHub code scanning and Azure DevOps.
//
// Two profiles, because GitHub shows suppressed results and `kind: pass` results as open
// alerts:
//   github  only failing, unwaived results (the default under GitHub Actions);
//   full    also waived results, as suppressions with their justification, and unknown and
//           manual outcomes as notes (for Azure DevOps and archives).
// The results themselves are written by sarif-result.ts.

import { gzipSync } from "node:zlib";
import { ErguardError } from "../errors.js";
import { scanProblems, type ResultEntry, type Results, type RuleInfo, type ScanProblem, type Severity } from "../evaluate/results.js";
import { joinChunks, type Chunk } from "./chunk-builder.js";
import { jsonChunks } from "./json-chunks.js";
import { isWebLink } from "./links.js";
import { FINGERPRINT_KEY, LEVEL, sarifResultWriter, type Level, type SarifResultWriter } from "./sarif-result.js";

export { FINGERPRINT_KEY };

export type SarifProfile = "github" | "full";
export const SARIF_PROFILES: readonly SarifProfile[] = ["github", "full"];

export interface SarifOptions {
  readonly profile: SarifProfile;
  // runAutomationDetails.id: several scans of one repository (per customer, per source) coexist.
  readonly category?: string;
}

type Json = Record<string, unknown>;

// R: the results as written; an outline holds result entries in their place.
export interface SarifLog<R = SarifResult> {
  readonly $schema: string;
  readonly version: "2.1.0";
  readonly runs: readonly [SarifRun<R>];
}

export interface SarifRun<R = SarifResult> {
  readonly tool: { readonly driver: { readonly rules: readonly Json[] } & Json };
  readonly automationDetails: { readonly id: string };
  readonly invocations: readonly Json[];
  readonly results: readonly R[];
  readonly [key: string]: unknown;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: Level;
  readonly message: { readonly text: string };
  readonly locations: readonly Json[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// GitHub's documented limits for one upload; over them it rejects the file.
export const GITHUB_LIMITS: { readonly gzipBytes: number; readonly resultsPerRun: number; readonly rulesPerRun: number } = {
  gzipBytes: 10 * 1024 * 1024,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
};
// GitHub displays only 10 tags of a rule.
const MAX_TAGS = 10;

// GitHub maps security-severity > 9.0 to critical, 7.0-8.9 high, 4.0-6.9 medium, below low.
// Info rules carry none, so GitHub lists them as notes rather than as low security alerts.
const SECURITY_SEVERITY: Readonly<Record<Severity, string | undefined>> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: undefined,
};

// The log around its results (the carried entries, which the text replaces with SARIF results
// one at a time, so that the results never all exist at once) and how each is written.
interface SarifOutline {
  readonly log: SarifLog<ResultEntry>;
  readonly writeResult: SarifResultWriter;
}

function sarifOutline(results: Results, options: SarifOptions): SarifOutline {
  const ruleIndex = new Map(results.rules.map((r, i) => [r.id, i]));
  const entries = results.results.filter((e) =>
    options.profile === "github" ? e.status === "fail" : e.status === "fail" || e.status === "waived" || e.status === "unknown" || e.status === "manual",
  );
  const problems = scanProblems(results);
  const log: SarifLog<ResultEntry> = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: results.tool.name,
            version: results.tool.version,
            semanticVersion: results.tool.version,
            informationUri: results.tool.informationUri,
            rules: results.rules.map((r) => sarifRule(r, results.tool.informationUri)),
          },
        },
        automationDetails: { id: automationId(results, options.category) },
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            endTimeUtc: results.evaluatedAt,
            toolExecutionNotifications: executionNotifications(problems, ruleIndex),
            toolConfigurationNotifications: waiverNotifications(results),
          },
        ],
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root, or the directory erguard ran in" } } },
        results: entries,
        properties: {
          policy: results.policy,
          snapshot: { sha256: results.snapshot.sha256, file: results.snapshot.file, kind: results.snapshot.source.kind },
          profile: options.profile,
        },
      },
    ],
  };
  return { log, writeResult: sarifResultWriter(results, ruleIndex) };
}

// The SARIF file's text, in chunks (one result per line). Under the github profile it must
// stay within what GitHub accepts, which takes the whole text (at most 25,000 results).
export function renderSarifChunks(results: Results, options: SarifOptions): Iterable<Chunk> {
  const { log, writeResult } = sarifOutline(results, options);
  const chunks = jsonChunks(log, log.runs[0].results, writeResult);
  if (options.profile === "github") {
    checkGithubCounts(log, GITHUB_LIMITS);
    const text = joinChunks(chunks);
    checkGithubLimits(log, text);
    return [text];
  }
  return chunks;
}

export function renderSarif(results: Results, options: SarifOptions): string {
  return joinChunks(renderSarifChunks(results, options));
}

export function checkGithubLimits(log: SarifLog<unknown>, text: string, limits: typeof GITHUB_LIMITS = GITHUB_LIMITS): void {
  checkGithubCounts(log, limits);
  const gzipped = gzipSync(text).length;
  if (gzipped > limits.gzipBytes) throw overGithubLimit("bytes after gzip", gzipped, limits.gzipBytes);
}

// The counts are known before the text is written.
function checkGithubCounts(log: SarifLog<unknown>, limits: typeof GITHUB_LIMITS): void {
  const run = log.runs[0];
  if (run.results.length > limits.resultsPerRun) throw overGithubLimit("results", run.results.length, limits.resultsPerRun);
  if (run.tool.driver.rules.length > limits.rulesPerRun) throw overGithubLimit("rules", run.tool.driver.rules.length, limits.rulesPerRun);
}

function overGithubLimit(what: string, count: number, limit: number): ErguardError {
  return new ErguardError(
    "unsupported",
    `the SARIF run has ${count} ${what}, over GitHub code scanning's limit of ${limit}: ` +
      "split the upload (one --customer and --category per customer), or write --sarif-profile full for archives",
  );
}

function sarifRule(rule: RuleInfo, toolUri: string): Json {
  const links = rule.references.filter(isWebLink);
  const frameworkTags = Object.entries(rule.frameworks).flatMap(([fw, ids]) => ids.map((id) => `${fw}:${id}`));
  const help = [
    rule.description,
    rule.remediation ? `Remediation: ${rule.remediation}` : "",
    links.length > 0 ? `References:\n${links.map((l) => `- ${l}`).join("\n")}` : "",
  ].filter(Boolean);
  const helpMarkdown = [
    rule.description,
    rule.remediation ? `**Remediation.** ${rule.remediation}` : "",
    links.length > 0 ? `**References**\n\n${links.map((l) => `- <${l}>`).join("\n")}` : "",
  ].filter(Boolean);
  const securitySeverity = SECURITY_SEVERITY[rule.severity];
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description || rule.title },
    help: { text: help.join("\n\n"), markdown: helpMarkdown.join("\n\n") },
    helpUri: links[0] ?? toolUri,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "expressroute", rule.baseline, ...frameworkTags].slice(0, MAX_TAGS),
      ...(securitySeverity !== undefined ? { "security-severity": securitySeverity } : {}),
      precision: rule.manual ? "medium" : "high",
      severity: rule.severity,
      baseline: rule.baseline,
      frameworks: rule.frameworks,
    },
  };
}

function executionNotifications(problems: readonly ScanProblem[], ruleIndex: ReadonlyMap<string, number>): Json[] {
  return problems.map((p) => ({
    level: "error",
    message: { text: `${p.kind === "collection" ? `collection incomplete for ${p.where}` : p.where}: ${p.message}` },
    descriptor: { id: p.code },
    ...(p.ruleId !== undefined && ruleIndex.has(p.ruleId) ? { associatedRule: { id: p.ruleId, index: ruleIndex.get(p.ruleId) } } : {}),
  }));
}

function waiverNotifications(results: Results): Json[] {
  return [
    ...results.waivers.expired.map((w) => ({
      level: "warning",
      message: { text: `waiver for ${w.rule} on ${w.resource} (owner ${w.owner}) expired on ${w.expires}` },
      descriptor: { id: "waiver_expired" },
    })),
    ...results.waivers.stale.map((w) => ({
      level: "note",
      message: { text: `waiver for ${w.rule} on ${w.resource} (owner ${w.owner}) matches no failing finding: remove it` },
      descriptor: { id: "waiver_stale" },
    })),
  ];
}

// GitHub takes the part before the last "/" as the category; one id per source by default.
function automationId(results: Results, category: string | undefined): string {
  const base = category ?? `erguard/${results.snapshot.source.kind}`;
  return base.endsWith("/") ? base : `${base}/`;
}

// A friendly identifier: the rule package's last segment in PascalCase.
function ruleName(rule: RuleInfo): string {
  const last = rule.package.split(".").pop() || rule.id;
  return last
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}
