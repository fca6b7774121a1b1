// Runs a policy bundle over a snapshot and produces the results (results.json): one entry per
// (rule, resource in the rule's scope) with its status.
//
//   fail    the rule's `deny` names the resource
//   unknown the rule's `unknown` names it: the evidence is not in this input
//   manual  an attestation-only rule, not yet attested
//   error   the rule failed to evaluate: never a silent pass
//   pass    in scope and named by neither
//   waived  a fail that an active waiver in erguard.yaml covers
//
// All rules evaluate in one query session, so helper rules of the bundle (indexes of the
// snapshot) are computed once for the whole scan.

import { createHash } from "node:crypto";
import picomatch from "picomatch";
import { RegoError, type Value } from "../rego/index.js";
import { BigNum, RegoSet, compare, isObject, objectGet, toJSON, type ObjectValue } from "../rego/value.js";
import type { Resource, Snapshot } from "../snapshot/types.js";
import { INFORMATION_URI, VERSION } from "../version.js";
import type { LoadedBundle } from "./bundle.js";
import type { ErguardConfig } from "./config.js";
import { fingerprintOf, fingerprintOfLowerCaseId, type Attestation, type ResultEntry, type Results, type RuleInfo, type Status } from "./results.js";
import { resourceLines } from "./resource-lines.js";
import { applyWaivers } from "./waivers.js";

export interface EvaluateInput {
  readonly snapshot: Snapshot;
  // The snapshot file's text: its sha256 goes into the results, and the line of each resource
  // gives live findings a physical location.
  readonly snapshotText?: string;
  // The sha256 of snapshotText, when the caller has it already (hashed in another thread).
  readonly snapshotSha256?: string;
  readonly snapshotFile?: string;
  readonly bundle: LoadedBundle;
  readonly config?: ErguardConfig;
  // The bundle parameters (data.erguard.config), already merged and validated.
  readonly policyConfig?: Readonly<Record<string, unknown>>;
  // --only / --skip: rule ids (globs) or baselines.
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  readonly now?: Date;
  // Called after each rule, for progress on long scans.
  readonly onRule?: (done: number, total: number, rule: RuleInfo) => void;
}

export const CUSTOMER_TAG = "erguard-customer";
export const ATTEST_TAG_PREFIX = "erguard-attest-";

interface Finding {
  readonly resource: string | null;
  readonly message: string;
  readonly evidence?: Record<string, unknown>;
}

export function evaluateSnapshot(input: EvaluateInput): Results {
  const { snapshot, bundle } = input;
  const now = input.now ?? new Date();
  const rules = selectRules(bundle.rules, input.only, input.skip);

  // Resources by their position in the snapshot, which also finds their facts and line.
  const resources = snapshot.resources;
  const byId = new Map<string, number>();
  const byType = new Map<string, number[]>();
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    byId.set(r.id.toLowerCase(), i);
    const t = r.type.toLowerCase();
    const list = byType.get(t);
    if (list) list.push(i);
    else byType.set(t, [i]);
  }
  const customerOf = customerIndex(snapshot);
  const lines = input.snapshotText !== undefined ? resourceLines(input.snapshotText) : undefined;

  const data = withConfig(bundle.data, input.policyConfig);
  const session = bundle.policy.session({ inputValue: snapshot as unknown as Value, data, print: () => {} });

  const entries: ResultEntry[] = [];
  const errors: Results["errors"][number][] = [];
  const attestations = input.config?.attestations ?? [];

  // Per resource, what every entry about it repeats: computed once, not once per rule.
  const resourceFacts: (ResourceFacts | undefined)[] = new Array(resources.length);
  const factsOf = (i: number): ResourceFacts => {
    let f = resourceFacts[i];
    if (f === undefined) {
      const r = resources[i]!;
      f = {
        lowerId: r.id.toLowerCase(),
        resourceType: r.type,
        resourceName: r.name,
        origin: r.origin,
        snapshotLine: lines?.get(i),
        tags: r.tags && Object.keys(r.tags).length > 0 ? r.tags : undefined,
        customer: customerOf(r),
      };
      resourceFacts[i] = f;
    }
    return f;
  };

  // Every entry has the same fields in the same order (absent ones undefined, which JSON
  // leaves out): hundreds of thousands of entries share one shape.
  const entry = (rule: RuleInfo, index: number | undefined, resourceId: string | null, status: Status, message: string, extra?: Pick<ResultEntry, "evidence" | "attestation">): ResultEntry => {
    const id = index !== undefined ? resources[index]!.id : resourceId;
    const f = index !== undefined ? factsOf(index) : NO_FACTS;
    const fingerprint = f.lowerId !== undefined ? fingerprintOfLowerCaseId(rule.id, f.lowerId) : fingerprintOf(rule.id, id, message);
    return {
      ruleId: rule.id,
      resourceId: id,
      resourceType: f.resourceType,
      resourceName: f.resourceName,
      status,
      severity: rule.severity,
      baseline: rule.baseline,
      message,
      evidence: extra?.evidence,
      origin: f.origin,
      snapshotLine: f.snapshotLine,
      tags: f.tags,
      customer: f.customer,
      fingerprint,
      attestation: extra?.attestation,
    };
  };

  rules.forEach((rule, i) => {
    const inScope = rule.resourceTypes.flatMap((t) => byType.get(t) ?? []);
    if (rule.manual) {
      for (const r of inScope) {
        const att = attestationFor(rule, resources[r]!, attestations, now);
        if (att) entries.push(entry(rule, r, null, "pass", `attested by ${att.attestedBy} on ${att.date}`, { attestation: att }));
        else entries.push(entry(rule, r, null, "manual", "needs an attestation: this check cannot be settled from configuration"));
      }
      input.onRule?.(i + 1, rules.length, rule);
      return;
    }
    let failed: Map<string, Finding[]>;
    let unknowns: Map<string, Finding[]>;
    try {
      failed = groupedFindings(session.values(`x := ${rule.package}.deny`), rule);
      unknowns = groupedFindings(session.values(`x := ${rule.package}.unknown`), rule);
    } catch (e) {
      if (!(e instanceof RegoError) && !(e instanceof FindingShapeError)) throw e;
      const message = e.message;
      const code = e instanceof RegoError ? e.code : "bad_finding";
      errors.push({ ruleId: rule.id, code, message });
      for (const r of inScope) entries.push(entry(rule, r, null, "error", `the rule failed to evaluate: ${message}`));
      input.onRule?.(i + 1, rules.length, rule);
      return;
    }
    const named = new Set<string>();
    for (const [key, list] of failed) {
      named.add(key);
      const r = key === "" ? undefined : byId.get(key);
      entries.push(entry(rule, r, key === "" ? null : list[0]!.resource, "fail", messageOf(list), evidenceOf(list)));
    }
    for (const [key, list] of unknowns) {
      if (named.has(key)) continue;
      named.add(key);
      const r = key === "" ? undefined : byId.get(key);
      entries.push(entry(rule, r, key === "" ? null : list[0]!.resource, "unknown", messageOf(list), evidenceOf(list)));
    }
    for (const r of inScope) {
      if (named.size === 0 || !named.has(factsOf(r).lowerId!)) entries.push(entry(rule, r, null, "pass", ""));
    }
    input.onRule?.(i + 1, rules.length, rule);
  });

  entries.sort((a, b) => cmp(a.ruleId, b.ruleId) || cmp(a.resourceId ?? "", b.resourceId ?? "") || cmp(a.message, b.message));

  const results: Results = {
    resultsVersion: 1,
    tool: { name: "erguard", version: VERSION, informationUri: INFORMATION_URI },
    evaluatedAt: now.toISOString(),
    policy: { revision: bundle.revision, sha256: bundle.sha256, bundles: bundle.bundles },
    snapshot: {
      sha256:
        input.snapshotSha256 ??
        createHash("sha256")
          .update(input.snapshotText ?? JSON.stringify(snapshot))
          .digest("hex"),
      ...optional("file", input.snapshotFile),
      source: {
        kind: snapshot.source.kind,
        collectedAt: snapshot.source.collectedAt,
        scope: snapshot.source.scope,
        errors: snapshot.source.errors,
      },
      customers: snapshot.customers.map((c) => ({
        name: c.name,
        ...optional("model", c.model),
        ...optional("tenantId", c.tenantId),
        subscriptions: c.subscriptions,
      })),
    },
    rules,
    results: entries,
    errors,
    waivers: { stale: [], expired: [] },
  };
  return input.config?.waivers ? applyWaivers(results, input.config.waivers, now) : results;
}

type ResourceFacts = Pick<ResultEntry, "resourceType" | "resourceName" | "origin" | "snapshotLine" | "tags" | "customer"> & { readonly lowerId?: string };
const NO_FACTS: ResourceFacts = {};

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --only and --skip take rule ids (globs allowed) and baseline names.
export function selectRules(rules: readonly RuleInfo[], only?: readonly string[], skip?: readonly string[]): RuleInfo[] {
  const matcher = (patterns: readonly string[]) => {
    const globs = patterns.map((p) => picomatch(p, { nocase: true }));
    return (r: RuleInfo) => patterns.some((p, i) => p.toLowerCase() === r.baseline.toLowerCase() || globs[i]!(r.id));
  };
  let out = [...rules];
  if (only && only.length > 0) out = out.filter(matcher(only));
  if (skip && skip.length > 0) {
    const m = matcher(skip);
    out = out.filter((r) => !m(r));
  }
  return out;
}

// The customer of a resource: the tag erguard-customer, else the snapshot's customers by
// subscription.
function customerIndex(snapshot: Snapshot): (r: Resource) => string | undefined {
  const bySubscription = new Map<string, string>();
  for (const c of snapshot.customers) for (const s of c.subscriptions) bySubscription.set(s.toLowerCase(), c.name);
  return (r) => {
    const tag = r.tags?.[CUSTOMER_TAG];
    if (typeof tag === "string" && tag !== "") return tag;
    const sub = r.subscriptionId ?? /^\/subscriptions\/([^/]+)/i.exec(r.id)?.[1];
    return sub ? bySubscription.get(sub.toLowerCase()) : undefined;
  };
}

function attestationFor(rule: RuleInfo, r: Resource, attestations: readonly Attestation[], now: Date): Attestation | undefined {
  const today = now.toISOString().slice(0, 10);
  for (const a of attestations) {
    if (a.expires !== undefined && a.expires < today) continue;
    if (!picomatch(a.rule, { nocase: true })(rule.id)) continue;
    if (!picomatch(a.resource, { nocase: true, dot: true })(r.id)) continue;
    return a;
  }
  // A resource tag erguard-attest-<rule id> whose value names the evidence.
  const tag = Object.entries(r.tags ?? {}).find(([k]) => k.toLowerCase() === `${ATTEST_TAG_PREFIX}${rule.id}`.toLowerCase());
  if (tag && tag[1].trim() !== "") {
    return { rule: rule.id, resource: r.id, evidence: tag[1], attestedBy: `resource tag ${tag[0]}`, date: today };
  }
  return undefined;
}

class FindingShapeError extends Error {}

// The members of a rule's deny/unknown set as findings, grouped by resource (its lower-case
// id; "" for findings without one). Objects need `resource` and `message`; a plain string
// (conftest style) is a finding without a resource. Within a group the findings of a set keep
// Rego's order of the members, which sorting the whole set would give (an array keeps its own):
// only groups of more than one are sorted, since a set of a hundred thousand findings costs a
// lot to sort.
function groupedFindings(rows: Record<string, Value>[], rule: RuleInfo): Map<string, Finding[]> {
  const members = new Map<string, Value[]>();
  let ofSet = false;
  for (const row of rows) {
    const set = row["x"];
    if (set === undefined) continue;
    if (set instanceof RegoSet) ofSet = true;
    const all = set instanceof RegoSet ? set.values() : Array.isArray(set) ? (set as readonly Value[]) : undefined;
    if (!all) throw new FindingShapeError(`${rule.package}: deny and unknown must be sets of findings`);
    for (const m of all) {
      const key = resourceKey(m, rule);
      const list = members.get(key);
      if (list) list.push(m);
      else members.set(key, [m]);
    }
  }
  const out = new Map<string, Finding[]>();
  for (const [key, list] of members) {
    if (ofSet && list.length > 1) list.sort(compare);
    out.set(key, list.map((m) => finding(m, rule)));
  }
  return out;
}

function resourceKey(m: Value, rule: RuleInfo): string {
  if (typeof m === "string") return "";
  if (!isObject(m)) throw new FindingShapeError(`${rule.package}: a finding must be an object or a string, got ${JSON.stringify(toJSON(m))}`);
  const resource = objectGet(m, "resource");
  if (resource === undefined) return "";
  if (typeof resource !== "string") throw new FindingShapeError(`${rule.package}: a finding's resource must be a resource id string`);
  return resource.toLowerCase();
}

// A member that resourceKey accepted, as a finding.
function finding(m: Value, rule: RuleInfo): Finding {
  if (typeof m === "string") return { resource: null, message: m };
  const o = m as ObjectValue;
  const resource = objectGet(o, "resource") as string | undefined;
  const message = objectGet(o, "message") ?? objectGet(o, "msg");
  const evidence = objectGet(o, "evidence");
  return {
    resource: resource ?? null,
    message: typeof message === "string" ? message : message === undefined ? rule.title : String(toJSON(message)),
    ...(evidence !== undefined && isObject(evidence) ? { evidence: toJSON(evidence) as Record<string, unknown> } : {}),
  };
}

function messageOf(list: readonly Finding[]): string {
  return [...new Set(list.map((f) => f.message))].join("; ");
}

function evidenceOf(list: readonly Finding[]): Partial<ResultEntry> {
  const ev = list.map((f) => f.evidence).filter((e): e is Record<string, unknown> => e !== undefined);
  if (ev.length === 0) return {};
  return { evidence: ev.length === 1 ? ev[0]! : { findings: ev } };
}

// data with erguard.config replaced by the merged, validated parameters.
function withConfig(data: Record<string, unknown>, config: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (config === undefined) return data;
  const erguard = (isPlain(data["erguard"]) ? data["erguard"] : {}) as Record<string, unknown>;
  return { ...data, erguard: { ...erguard, config } };
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof BigNum);
}
