// The results contract (results.json, resultsVersion 1): the evaluation's output and every
// reporter's only input. See DESIGN.md.

import type { ResourceOrigin, SourceKind } from "../snapshot/types.js";

export type Severity = "critical" | "high" | "medium" | "low" | "info";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

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
  readonly customer?: string;
  readonly fingerprint: string; // sha256 of rule id + resource id (+ message for resource-less findings)
  readonly waiver?: Waiver & { readonly expired: boolean };
  readonly attestation?: Attestation;
  readonly baselineState?: "new" | "existing"; // with --baseline
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
    readonly customers: readonly { readonly name: string; readonly model?: string }[];
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
  readonly fixed?: readonly { readonly ruleId: string; readonly resourceId: string | null; readonly fingerprint: string }[];
}
