// The JSON text of results entries: byte for byte what JSON.stringify writes, several times
// faster over a large scan. An entry repeats its rule's id, severity and baseline, and its
// resource's id, type, name, location, tags and customer, which recur once per rule; that text
// is made once and reused, and only the message, evidence and fingerprint are new per entry.
//
// Members are written in FIELDS order, the order in which the evaluation creates an entry's
// fields (a waiver and a baseline state are added after them). An entry whose keys come in
// another order is handed to JSON.stringify whole: the text never depends on the path taken.

import type { ResultEntry } from "../evaluate/results.js";
import type { ChunkBuilder } from "./chunk-builder.js";
import { member } from "./json-text.js";

const FIELDS: readonly string[] = [
  "ruleId",
  "resourceId",
  "resourceType",
  "resourceName",
  "status",
  "severity",
  "baseline",
  "message",
  "evidence",
  "origin",
  "snapshotLine",
  "tags",
  "customer",
  "fingerprint",
  "attestation",
  "waiver",
  "baselineState",
];

// What the entries of one resource share: the members before the outcome (id, type, name), and
// those after the evidence (origin, line, tags, customer); with the values they were made from,
// compared before reuse (sameText). Entries come sorted by rule, then resource, so each rule
// meets the resources in the order the previous one did: `next` remembers that order and spares
// most lookups.
interface ResourceText {
  readonly id: unknown;
  next: ResourceText | undefined;
  type: unknown;
  name: unknown;
  head: string;
  origin: unknown;
  line: unknown;
  tags: unknown;
  customer: unknown;
  tail: string;
  tailToFingerprint: string; // the tail, then the fingerprint's key
}

// What the entries of one rule with one status share.
interface OutcomeText {
  readonly status: unknown;
  readonly severity: unknown;
  readonly baseline: unknown;
  readonly text: string;
  readonly withoutMessage: string;
}

export type EntryWriter = (out: ChunkBuilder, entry: ResultEntry) => void;

// One writer serves one document: its memory of resources lasts as long as it does.
export function entryJsonWriter(): EntryWriter {
  let ruleId: unknown;
  let ruleText = "";
  let outcome: OutcomeText | undefined;
  const outcomes = new Map<unknown, OutcomeText>();
  const resources = new Map<unknown, ResourceText>();
  let previous: ResourceText | undefined;

  const resourceOf = (id: unknown): ResourceText => {
    const expected = previous?.next;
    if (expected !== undefined && expected.id === id) return (previous = expected);
    let found = resources.get(id);
    if (found === undefined) {
      // Placeholders no value is identical to, so that both texts are made.
      found = { id, next: undefined, type: {}, name: {}, head: "", origin: {}, line: {}, tags: {}, customer: {}, tail: "", tailToFingerprint: "" };
      resources.set(id, found);
    }
    if (previous !== undefined) previous.next = found;
    return (previous = found);
  };

  return (out, entry) => {
    const e = entry as unknown as Readonly<Record<string, unknown>> | null;
    if (typeof e !== "object" || e === null || typeof e["ruleId"] !== "string" || !inFieldOrder(e)) {
      out.write(JSON.stringify(entry) ?? "null");
      return;
    }

    if (e["ruleId"] !== ruleId) {
      ruleId = e["ruleId"];
      ruleText = `{"ruleId":${JSON.stringify(ruleId)}`;
      outcome = undefined;
      outcomes.clear();
    }
    const status = e["status"];
    const severity = e["severity"];
    const baseline = e["baseline"];
    if (outcome === undefined || outcome.status !== status || outcome.severity !== severity || outcome.baseline !== baseline) {
      outcome = outcomes.get(status);
      if (outcome === undefined || outcome.severity !== severity || outcome.baseline !== baseline) {
        const text = member("status", status) + member("severity", severity) + member("baseline", baseline);
        outcomes.set(status, (outcome = { status, severity, baseline, text, withoutMessage: `${text},"message":""` }));
      }
    }

    const id = e["resourceId"];
    const resource = resourceOf(id);
    const type = e["resourceType"];
    const name = e["resourceName"];
    if (resource.type !== type || resource.name !== name) {
      resource.type = type;
      resource.name = name;
      resource.head = member("resourceId", id) + member("resourceType", type) + member("resourceName", name);
    }
    const origin = e["origin"];
    const line = e["snapshotLine"];
    const tags = e["tags"];
    const customer = e["customer"];
    if (!sameText(resource.origin, origin) || resource.line !== line || !sameText(resource.tags, tags) || resource.customer !== customer) {
      resource.origin = origin;
      resource.line = line;
      resource.tags = tags;
      resource.customer = customer;
      resource.tail = member("origin", origin) + member("snapshotLine", line) + member("tags", tags) + member("customer", customer);
      resource.tailToFingerprint = `${resource.tail},"fingerprint":`;
    }

    out.write(ruleText);
    out.write(resource.head);
    const message = e["message"];
    if (message === "") {
      out.write(outcome.withoutMessage);
    } else {
      out.write(outcome.text);
      out.write(member("message", message));
    }
    const evidence = e["evidence"];
    if (evidence !== undefined) out.write(member("evidence", evidence));
    const fingerprint = e["fingerprint"];
    if (typeof fingerprint === "string") {
      out.write(resource.tailToFingerprint);
      out.write(JSON.stringify(fingerprint));
    } else {
      out.write(resource.tail);
      out.write(member("fingerprint", fingerprint));
    }
    const attestation = e["attestation"];
    const waiver = e["waiver"];
    const baselineState = e["baselineState"];
    if (attestation !== undefined || waiver !== undefined || baselineState !== undefined) {
      out.write(member("attestation", attestation) + member("waiver", waiver) + member("baselineState", baselineState));
    }
    out.write("}");
  };
}

// Whether two values have the same JSON text, as far as a cheap look tells: the same value, or
// plain objects with the same keys in the same order and the same values. The tags and origin
// of entries loaded from a results file are equal objects, one per entry, not one per resource.
function sameText(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== others[i] || a[key] !== b[key]) return false;
  }
  return true;
}

function isPlainObject(v: unknown): v is Readonly<Record<string, unknown>> {
  if (typeof v !== "object" || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// Whether the entry's keys are a subsequence of FIELDS, as an evaluated or loaded entry's are.
// (for…in lists own keys in the order JSON.stringify writes them.)
function inFieldOrder(e: object): boolean {
  let i = 0;
  for (const key in e) {
    while (i < FIELDS.length && FIELDS[i] !== key) i++;
    if (i++ === FIELDS.length) return false;
  }
  return true;
}
