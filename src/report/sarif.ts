// SARIF 2.1.0 for GitHub code scanning and Azure DevOps.
//
// Two profiles, because GitHub shows suppressed results and `kind: pass` results as open
// alerts:
//   github  only failing, unwaived results (the default under GitHub Actions);
//   full    also waived results, as suppressions with their justification, and unknown and
//           manual outcomes as notes (for Azure DevOps and archives).
// Every result has a level (Azure DevOps does not fall back to the rule's level) and a
// physical location (GitHub requires one): the template or plan line for IaC findings, the
// resource's line in the snapshot file for live ones, next to a logical location naming the
// Azure resource id.

import { gzipSync } from "node:zlib";
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { ErguardError } from "../errors.js";
import { scanProblems, type ResultEntry, type Results, type RuleInfo, type Severity } from "../evaluate/results.js";
import { jsonChunks } from "./json-chunks.js";
import { isWebLink } from "./links.js";

export type SarifProfile = "github" | "full";
export const SARIF_PROFILES: readonly SarifProfile[] = ["github", "full"];

export interface SarifOptions {
  readonly profile: SarifProfile;
  // runAutomationDetails.id: several scans of one repository (per customer, per source) coexist.
  readonly category?: string;
}

type Level = "error" | "warning" | "note" | "none";
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
export const FINGERPRINT_KEY = "erguardFingerprint/v1";

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

const LEVEL: Readonly<Record<Severity, Level>> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

// The log around its results, the carried entries, and how each becomes a SARIF result: a
// large log is written one result at a time, so that the results never all exist at once.
interface SarifOutline {
  readonly log: <T>(runResults: readonly T[]) => SarifLog<T>;
  readonly entries: readonly ResultEntry[];
  readonly toResult: (entry: ResultEntry) => SarifResult;
}

function sarifOutline(results: Results, options: SarifOptions): SarifOutline {
  const ruleIndex = new Map(results.rules.map((r, i) => [r.id, i]));
  const entries = results.results.filter((e) =>
    options.profile === "github" ? e.status === "fail" : e.status === "fail" || e.status === "waived" || e.status === "unknown" || e.status === "manual",
  );
  const tool = {
    driver: {
      name: results.tool.name,
      version: results.tool.version,
      semanticVersion: results.tool.version,
      informationUri: results.tool.informationUri,
      rules: results.rules.map((r) => sarifRule(r, results.tool.informationUri)),
    },
  };
  const invocations = [
    {
      executionSuccessful: scanProblems(results).length === 0,
      endTimeUtc: results.evaluatedAt,
      toolExecutionNotifications: executionNotifications(results, ruleIndex),
      toolConfigurationNotifications: waiverNotifications(results),
    },
  ];
  const log = <T>(runResults: readonly T[]): SarifLog<T> => ({
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool,
        automationDetails: { id: automationId(results, options.category) },
        invocations,
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root, or the directory erguard ran in" } } },
        results: runResults,
        properties: {
          policy: results.policy,
          snapshot: { sha256: results.snapshot.sha256, file: results.snapshot.file, kind: results.snapshot.source.kind },
          profile: options.profile,
        },
      },
    ],
  });
  const locate = locator(results);
  return { log, entries, toResult: (e) => sarifResult(e, ruleIndex.get(e.ruleId) ?? -1, results, locate) };
}

export function buildSarif(results: Results, options: SarifOptions): SarifLog {
  const { log, entries, toResult } = sarifOutline(results, options);
  return log(entries.map(toResult));
}

// The SARIF file's text, in chunks (one result per line). Under the github profile it must
// stay within what GitHub accepts, which takes the whole text (at most 25,000 results).
export function renderSarifChunks(results: Results, options: SarifOptions): Iterable<string> {
  if (options.profile === "github") {
    const log = buildSarif(results, options);
    checkGithubCounts(log, GITHUB_LIMITS);
    const text = [...jsonChunks(log, log.runs[0].results)].join("");
    checkGithubLimits(log, text);
    return [text];
  }
  const { log, entries, toResult } = sarifOutline(results, options);
  return jsonChunks(log(entries), entries, toResult);
}

export function renderSarif(results: Results, options: SarifOptions): string {
  return [...renderSarifChunks(results, options)].join("");
}

export function checkGithubLimits(log: SarifLog, text: string, limits: typeof GITHUB_LIMITS = GITHUB_LIMITS): void {
  checkGithubCounts(log, limits);
  const gzipped = gzipSync(text).length;
  if (gzipped > limits.gzipBytes) throw overGithubLimit("bytes after gzip", gzipped, limits.gzipBytes);
}

// The counts are known before the text is written.
function checkGithubCounts(log: SarifLog, limits: typeof GITHUB_LIMITS): void {
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

function sarifResult(entry: ResultEntry, ruleIndex: number, results: Results, locate: (entry: ResultEntry) => Json): SarifResult {
  const text = entry.message || (results.rules[ruleIndex]?.title ?? entry.ruleId);
  return {
    ruleId: entry.ruleId,
    ruleIndex,
    level: entry.status === "unknown" || entry.status === "manual" ? "note" : LEVEL[entry.severity],
    message: { text: prefix(entry) + text },
    locations: [locate(entry)],
    partialFingerprints: { [FINGERPRINT_KEY]: entry.fingerprint },
    ...(entry.baselineState !== undefined ? { baselineState: entry.baselineState === "new" ? "new" : "unchanged" } : {}),
    ...(entry.status === "waived" && entry.waiver
      ? {
          suppressions: [
            {
              kind: "external",
              status: "accepted",
              justification: `${entry.waiver.reason} (owner: ${entry.waiver.owner}; expires ${entry.waiver.expires})`,
              properties: { owner: entry.waiver.owner, expires: entry.waiver.expires },
            },
          ],
        }
      : {}),
    properties: {
      status: entry.status,
      severity: entry.severity,
      baseline: entry.baseline,
      ...(entry.resourceId !== null ? { resourceId: entry.resourceId } : {}),
      ...(entry.customer !== undefined ? { customer: entry.customer } : {}),
      ...(entry.evidence !== undefined ? { evidence: entry.evidence } : {}),
      ...(entry.waiver?.expired ? { expiredWaiver: entry.waiver } : {}),
    },
  };
}

function prefix(entry: ResultEntry): string {
  if (entry.status === "unknown") return "Not determinable from this source: ";
  if (entry.status === "manual") return "Needs an attestation: ";
  return "";
}

// Where a result is. Most results of a scan share one file: its artifact location is made once.
function locator(results: Results): (entry: ResultEntry) => Json {
  const artifacts = new Map<string, Json>();
  return (entry) => {
    const file = entry.origin?.file ?? results.snapshot.file ?? "snapshot.json";
    const line = entry.origin ? entry.origin.line : entry.snapshotLine;
    const logical = [
      ...(entry.resourceId !== null
        ? [{ fullyQualifiedName: entry.resourceId, ...(entry.resourceName ? { name: entry.resourceName } : {}), kind: "resource" }]
        : []),
      ...(entry.origin?.address ? [{ fullyQualifiedName: entry.origin.address, kind: "declaration" }] : []),
    ];
    let artifactLocation = artifacts.get(file);
    if (artifactLocation === undefined) artifacts.set(file, (artifactLocation = artifact(file)));
    return {
      physicalLocation: { artifactLocation, region: { startLine: line ?? 1 } },
      ...(logical.length > 0 ? { logicalLocations: logical } : {}),
    };
  };
}

// Relative paths are relative to the repository root (%SRCROOT%), as GitHub resolves them.
function artifact(file: string): Json {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(file.replace(/\\/g, "/").replace(/^\.\//, "")), uriBaseId: "%SRCROOT%" };
}

function executionNotifications(results: Results, ruleIndex: ReadonlyMap<string, number>): Json[] {
  return scanProblems(results).map((p) => ({
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
