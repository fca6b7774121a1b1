// Merging the results of shards scanned one by one.

import { describe, expect, it } from "vitest";
import { ErguardError } from "../../src/errors.js";
import { mergeResults, type ResultsShard } from "../../src/evaluate/merge.js";
import { fingerprintOf, type ResultEntry, type Results, type RuleInfo, type Waiver } from "../../src/evaluate/results.js";

const RULE: RuleInfo = {
  id: "ERG-RTE-001",
  title: "Route table",
  description: "",
  severity: "high",
  baseline: "routing",
  resourceTypes: ["microsoft.network/routetables"],
  references: [],
  frameworks: {},
  manual: false,
  package: "data.erguard.rules.routing.route_table",
  file: "policies/routing/route_table.rego",
  bundle: "builtin",
};

const waiver = (resource: string): Waiver => ({ rule: "ERG-RTE-001", resource, reason: "r", owner: "o", expires: "2030-01-01" });

function entry(subscription: string, status: ResultEntry["status"]): ResultEntry {
  const id = `/subscriptions/${subscription}/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt`;
  return { ruleId: RULE.id, resourceId: id, status, severity: "high", baseline: "routing", message: "", snapshotLine: 12, fingerprint: fingerprintOf(RULE.id, id) };
}

function shard(index: number, subscription: string, overrides: Partial<Results> = {}): ResultsShard {
  return {
    file: `results-${index}.json`,
    results: {
      resultsVersion: 1,
      tool: { name: "erguard", version: "0.1.0", informationUri: "https://github.com/erguard/erguard" },
      evaluatedAt: `2025-06-0${index}T03:00:00.000Z`,
      policy: { revision: "erguard-0.1.0", sha256: "a".repeat(64), bundles: ["builtin"] },
      snapshot: {
        sha256: String(index).repeat(64),
        file: "snapshot.json",
        source: {
          kind: "azure",
          collectedAt: `2025-06-0${index}T02:00:00.000Z`,
          scope: { cloud: "AzureCloud", subscriptions: [subscription], shard: `${index}/2` },
          errors: [],
        },
        customers: [],
      },
      rules: [RULE],
      results: [entry(subscription, index === 1 ? "fail" : "pass")],
      errors: [],
      waivers: { stale: [waiver("/subscriptions/s9/**"), waiver(`/subscriptions/${subscription === "s1" ? "s2" : "s1"}/**`)], expired: [] },
      ...overrides,
    },
  };
}

function refusal(shards: ResultsShard[]): string {
  try {
    mergeResults(shards);
  } catch (err) {
    if (err instanceof ErguardError) return err.message;
    throw err;
  }
  throw new Error("the merge was not refused");
}

describe("mergeResults", () => {
  it("unites the entries in rule and resource order, without the shards' snapshot lines", () => {
    const { results } = mergeResults([shard(2, "s2"), shard(1, "s1")]);
    expect(results.results.map((e) => [e.resourceId, e.status, e.snapshotLine])).toEqual([
      ["/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt", "fail", undefined],
      ["/subscriptions/s2/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt", "pass", undefined],
    ]);
    expect(results.snapshot.source.scope).toEqual({ cloud: "AzureCloud", subscriptions: ["s1", "s2"], mergedShards: ["1/2", "2/2"] });
    expect(results.snapshot.file).toBeUndefined();
    expect(results.evaluatedAt).toBe("2025-06-01T03:00:00.000Z");
  });

  it("hashes the shards' snapshot hashes in shard order, whatever order they are given in", () => {
    const a = mergeResults([shard(1, "s1"), shard(2, "s2")]).results.snapshot.sha256;
    const b = mergeResults([shard(2, "s2"), shard(1, "s1")]).results.snapshot.sha256;
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps a waiver stale only if it matched nothing in every shard", () => {
    const { results } = mergeResults([shard(1, "s1"), shard(2, "s2")]);
    expect(results.waivers.stale).toEqual([waiver("/subscriptions/s9/**")]);
  });

  it("records a missing shard as a collection error", () => {
    const { results, shards } = mergeResults([shard(1, "s1")]);
    expect(shards.missing).toEqual([2]);
    expect(results.snapshot.source.errors).toEqual([expect.objectContaining({ scope: "shard 2/2", code: "shard_missing" })]);
  });

  it("reports a rule error of every shard once", () => {
    const error = { ruleId: RULE.id, code: "eval_conflict_error", message: "two values" };
    const { results } = mergeResults([shard(1, "s1", { errors: [error] }), shard(2, "s2", { errors: [error] })]);
    expect(results.errors).toEqual([error]);
  });

  it("refuses results of another policy bundle, another rule selection, or compared with a baseline", () => {
    const other = shard(2, "s2");
    expect(refusal([shard(1, "s1"), { ...other, results: { ...other.results, policy: { ...other.results.policy, sha256: "b".repeat(64) } } }])).toContain(
      "different policy bundle",
    );
    expect(refusal([shard(1, "s1"), shard(2, "s2", { rules: [] })])).toContain("they disagree on the rules evaluated (--only, --skip)");
    expect(refusal([shard(1, "s1", { baseline: { file: "base.json", evaluatedAt: "2025-01-01T00:00:00Z" } }), other])).toContain(
      "compared with a baseline",
    );
  });
});
