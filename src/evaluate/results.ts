// The results contract (results.json, resultsVersion 1): the evaluation's output and every
// reporter's only input. See DESIGN.md.

import { hash } from "node:crypto";
import type { ResourceOrigin, SourceKind } from "../snapshot/types.js";

export type Severity = "critical" | "high" | "medium" | "low" | "info";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

// 0 for critical up to 4 for info: sorts the most severe first.
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

// True when `severity` is `threshold` or more severe.
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export type Baseline =
  | "isolation"
  | "encryption"
  | "forced-tunneling"
  | "redundancy"
  | "routing"
  | "nsg"
  | "hygiene";
export const BASELINES: readonly Baseline[] = [
  "isolation",
  "encryption",
  "forced-tunneling",
  "redundancy",
  "routing",
  "nsg",
  "hygiene",
];

export type Status = "pass" | "fail" | "unknown" | "manual" | "waived" | "error";
export const STATUSES: readonly Status[] = ["fail", "error", "unknown", "manual", "waived", "pass"];

// A rule's metadata, from its # METADATA annotation (custom block flattened).
export interface RuleInfo {
  readonly id: string; // ERG-ENC-001, CSP-ISO-001, ...
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly baseline: Baseline | string; // user bundles may name their own
  readonly resourceTypes: readonly string[];
  readonly remediation?: string;
  readonly references: readonly string[];
  readonly frameworks: Readonly<Record<string, readonly string[]>>;
  readonly manual: boolean;
  readonly package: string; // data.erguard.rules.encryption.circuit_without_encryption
  readonly file: string; // policies/encryption/circuit_without_encryption.rego
  readonly bundle: string; // "builtin" or the --policy directory
}

export interface Waiver {
  readonly rule: string; // id or glob
  readonly resource: string; // resource id glob
  readonly reason: string;
  readonly owner: string;
  readonly expires: string; // YYYY-MM-DD
}

export interface Attestation {
  readonly rule: string;
  readonly resource: string;
  readonly evidence: string; // a link
  readonly attestedBy: string;
  readonly date: string;
  readonly expires?: string;
}

export interface ResultEntry {
  readonly ruleId: string;
  readonly resourceId: string | null; // null for string findings of conftest-style user rules
  readonly resourceType?: string;
  readonly resourceName?: string;
  readonly status: Status;
  readonly severity: Severity;
  readonly baseline: string;
  readonly message: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
  readonly origin?: ResourceOrigin;
  // Line of the resource in the snapshot file: the physical location SARIF needs for live findings.
  readonly snapshotLine?: number;
  // The resource's tags, as reports show them (they are resource-controlled text: always escape).
  readonly tags?: Readonly<Record<string, string>>;
  readonly customer?: string;
  readonly fingerprint: string; // sha256 of rule id + resource id (+ message for resource-less findings)
  readonly waiver?: Waiver & { readonly expired: boolean };
  readonly attestation?: Attestation;
  readonly baselineState?: "new" | "existing"; // with --baseline, on fail and waived entries
}

// A finding is a fail or a waived fail: what baselines compare and waivers act on.
export function isFinding(entry: Pick<ResultEntry, "status">): boolean {
  return entry.status === "fail" || entry.status === "waived";
}

// The stable identity of a (rule, resource) pair across runs. Azure resource ids are
// case-insensitive and Resource Graph does not always return the same casing, so the id is
// lower-cased. Resource-less findings (conftest-style string findings) add their message.
export function fingerprintOf(ruleId: string, resourceId: string | null, message?: string): string {
  const subject = resourceId === null ? `message:${message ?? ""}` : resourceId.toLowerCase();
  return hash("sha256", `${ruleId}\n${subject}`);
}

// fingerprintOf for a resource id already in lower case (the scan computes it once per resource).
export function fingerprintOfLowerCaseId(ruleId: string, lowerId: string): string {
  return hash("sha256", `${ruleId}\n${lowerId}`);
}

export interface Results {
  readonly resultsVersion: 1;
  readonly tool: { readonly name: "erguard"; readonly version: string; readonly informationUri: string };
  readonly evaluatedAt: string;
  readonly policy: {
    readonly revision: string; // bundle version or git revision
    readonly sha256: string; // over the bundle's files, in path order
    readonly bundles: readonly string[];
  };
  readonly snapshot: {
    readonly sha256: string;
    readonly file?: string;
    readonly source: {
      readonly kind: SourceKind;
      readonly collectedAt: string;
      readonly scope: Readonly<Record<string, unknown>>;
      readonly errors: readonly { readonly scope: string; readonly code: string; readonly message: string }[];
    };
    readonly customers: readonly {
      readonly name: string;
      readonly model?: string;
      readonly tenantId?: string;
      readonly subscriptions?: readonly string[];
    }[];
  };
  readonly rules: readonly RuleInfo[];
  readonly results: readonly ResultEntry[];
  // Rule errors and collection errors, so a report can show the scan was not complete.
  readonly errors: readonly { readonly ruleId?: string; readonly scope?: string; readonly code: string; readonly message: string }[];
  // Waivers that matched nothing, and expired waivers.
  readonly waivers: {
    readonly stale: readonly Waiver[];
    readonly expired: readonly Waiver[];
  };
  // With --baseline: the previous results compared against, and findings it had that are gone now.
  readonly baseline?: { readonly file: string; readonly evaluatedAt: string };
  readonly fixed?: readonly { readonly ruleId: string; readonly resourceId: string | null; readonly fingerprint: string }[];
}

// Everything that makes a run incomplete, from its three places: errors the evaluation
// recorded, collection errors of the snapshot, and entries whose rule failed on a resource.
export interface ScanProblem {
  readonly kind: "rule" | "collection";
  readonly where: string; // "rule ERG-RTE-003", "rule ERG-RTE-003 on er-1", "subscription-id"
  readonly code: string;
  readonly message: string;
  readonly ruleId?: string;
}

export function scanProblems(results: Results): ScanProblem[] {
  return [
    ...results.errors.map((e) =>
      e.ruleId !== undefined
        ? { kind: "rule" as const, where: `rule ${e.ruleId}`, code: e.code, message: e.message, ruleId: e.ruleId }
        : { kind: "collection" as const, where: e.scope ?? "scan", code: e.code, message: e.message },
    ),
    ...results.snapshot.source.errors.map((e) => ({ kind: "collection" as const, where: e.scope, code: e.code, message: e.message })),
    ...results.results
      .filter((e) => e.status === "error")
      .map((e) => ({
        kind: "rule" as const,
        where: `rule ${e.ruleId} on ${e.resourceName ?? e.resourceId ?? "a finding"}`,
        code: "rule_error",
        message: e.message,
        ruleId: e.ruleId,
      })),
  ];
}
