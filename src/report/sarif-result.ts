// One SARIF result per carried results entry, written as JSON text: the bytes JSON.stringify
// writes for the result object described below, without building that object. What a rule's
// results share (id, index, level, status) and what a resource's share (its location, id and
// customer) is made once; a result's own text is its message, fingerprint and evidence.
//
//   { ruleId, ruleIndex, level, message: { text }, locations: [location],
//     partialFingerprints: { "erguardFingerprint/v1": fingerprint }, baselineState?,
//     suppressions?: [waiver], properties: { status, severity, baseline, resourceId?, customer?,
//     evidence?, expiredWaiver? } }
//
// Every result has a level (Azure DevOps does not fall back to the rule's level) and a
// physical location (GitHub requires one): the template or plan line for IaC findings, the
// resource's line in the snapshot file for live ones, next to a logical location naming the
// Azure resource id.

import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { ResultEntry, Results, Severity } from "../evaluate/results.js";
import type { ChunkBuilder } from "./chunk-builder.js";
import { member } from "./json-text.js";

export type Level = "error" | "warning" | "note" | "none";

export const FINGERPRINT_KEY = "erguardFingerprint/v1";

export const LEVEL: Readonly<Record<Severity, Level>> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

// The text shared by the results of one rule, status, severity and baseline.
interface OutcomeText {
  readonly severity: unknown;
  readonly baseline: unknown;
  // Up to the message's text, then its text when the entry has no message of its own.
  readonly head: string;
  readonly defaultMessage: string;
  // The properties' start: status, severity and baseline.
  readonly properties: string;
}

// The text shared by the results of one resource, with the values it was made from.
interface ResourceText {
  readonly origin: unknown;
  readonly line: unknown;
  readonly name: unknown;
  readonly customer: unknown;
  readonly location: string;
  readonly properties: string;
}

export type SarifResultWriter = (out: ChunkBuilder, entry: ResultEntry) => void;

export function sarifResultWriter(results: Results, ruleIndex: ReadonlyMap<string, number>): SarifResultWriter {
  const locate = locator(results);
  let ruleId: string | undefined;
  const outcomes = new Map<string, OutcomeText>();
  const resources = new Map<string | null, ResourceText>();

  return (out, entry) => {
    if (entry.ruleId !== ruleId) {
      ruleId = entry.ruleId;
      outcomes.clear();
    }
    let outcome = outcomes.get(entry.status);
    if (outcome === undefined || outcome.severity !== entry.severity || outcome.baseline !== entry.baseline) {
      outcomes.set(entry.status, (outcome = outcomeText(entry, ruleIndex.get(entry.ruleId) ?? -1, results)));
    }
    let resource = resources.get(entry.resourceId);
    const line = entry.origin ? entry.origin.line : entry.snapshotLine;
    if (resource === undefined || resource.origin !== entry.origin || resource.line !== line || resource.name !== entry.resourceName || resource.customer !== entry.customer) {
      resource = {
        origin: entry.origin,
        line,
        name: entry.resourceName,
        customer: entry.customer,
        location: JSON.stringify(locate(entry)),
        properties: (entry.resourceId !== null ? member("resourceId", entry.resourceId) : "") + member("customer", entry.customer),
      };
      resources.set(entry.resourceId, resource);
    }

    out.write(outcome.head);
    out.write(entry.message ? JSON.stringify(prefix(entry) + entry.message) : outcome.defaultMessage);
    out.write('},"locations":[');
    out.write(resource.location);
    out.write(`],"partialFingerprints":{"${FINGERPRINT_KEY}":`);
    out.write(JSON.stringify(entry.fingerprint));
    out.write("}");
    if (entry.baselineState !== undefined) out.write(`,"baselineState":"${entry.baselineState === "new" ? "new" : "unchanged"}"`);
    if (entry.status === "waived" && entry.waiver) out.write(member("suppressions", [suppression(entry.waiver)]));
    out.write(outcome.properties);
    out.write(resource.properties);
    if (entry.evidence !== undefined) out.write(member("evidence", entry.evidence));
    if (entry.waiver?.expired) out.write(member("expiredWaiver", entry.waiver));
    out.write("}}");
  };
}

function outcomeText(entry: ResultEntry, ruleIndex: number, results: Results): OutcomeText {
  const level = entry.status === "unknown" || entry.status === "manual" ? "note" : LEVEL[entry.severity];
  return {
    severity: entry.severity,
    baseline: entry.baseline,
    head: `{"ruleId":${JSON.stringify(entry.ruleId)},"ruleIndex":${ruleIndex}${member("level", level)},"message":{"text":`,
    defaultMessage: JSON.stringify(prefix(entry) + (results.rules[ruleIndex]?.title ?? entry.ruleId)),
    properties: `,"properties":{"status":${JSON.stringify(entry.status)}${member("severity", entry.severity)}${member("baseline", entry.baseline)}`,
  };
}

function suppression(waiver: NonNullable<ResultEntry["waiver"]>): object {
  return {
    kind: "external",
    status: "accepted",
    justification: `${waiver.reason} (owner: ${waiver.owner}; expires ${waiver.expires})`,
    properties: { owner: waiver.owner, expires: waiver.expires },
  };
}

function prefix(entry: ResultEntry): string {
  if (entry.status === "unknown") return "Not determinable from this source: ";
  if (entry.status === "manual") return "Needs an attestation: ";
  return "";
}

// Where a result is. Most results of a scan share one file: its artifact location is made once.
function locator(results: Results): (entry: ResultEntry) => object {
  const artifacts = new Map<string, object>();
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
function artifact(file: string): object {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(file.replace(/\\/g, "/").replace(/^\.\//, "")), uriBaseId: "%SRCROOT%" };
}
