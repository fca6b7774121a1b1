// Merging shard snapshots: what a shard set must agree on, and how gaps are recorded.

import { describe, expect, it } from "vitest";
import { ErguardError } from "../../src/errors.js";
import { mergeSnapshots, type SnapshotShard } from "../../src/snapshot/merge.js";
import type { Resource, Snapshot } from "../../src/snapshot/types.js";

function resource(subscription: string, name: string): Resource {
  return {
    id: `/subscriptions/${subscription}/resourceGroups/rg/providers/Microsoft.Network/routeTables/${name}`,
    name,
    type: "microsoft.network/routetables",
    subscriptionId: subscription,
    properties: { routes: [] },
  };
}

function shard(index: number, count: number, subscriptions: string[], overrides: Partial<Snapshot["source"]["scope"]> = {}): SnapshotShard {
  return {
    file: `shard-${index}.json`,
    snapshot: {
      schemaVersion: 1,
      source: {
        kind: "azure",
        collectedAt: `2025-06-0${index}T02:00:00.000Z`,
        tool: "erguard 0.1.0",
        scope: { cloud: "AzureCloud", tenants: [`tenant-${index}`], subscriptions, shard: `${index}/${count}`, runtime: false, ...overrides },
        errors: index === 2 ? [{ scope: subscriptions[0]!, code: "forbidden", message: "no access" }] : [],
      },
      customers: [{ name: "contoso", subscriptions: ["s2"], model: "connect-to" }],
      resources: subscriptions.map((s) => resource(s, `rt-${s}`)),
    },
  };
}

function refusal(shards: SnapshotShard[]): ErguardError {
  try {
    mergeSnapshots(shards);
  } catch (err) {
    if (err instanceof ErguardError) return err;
    throw err;
  }
  throw new Error("the merge was not refused");
}

describe("mergeSnapshots", () => {
  it("unites the shards' resources in id order, their subscriptions, tenants and errors, from the earliest collection time", () => {
    const { snapshot, shards } = mergeSnapshots([shard(3, 3, ["s3"]), shard(1, 3, ["s1", "s4"]), shard(2, 3, ["s2"])]);
    expect(snapshot.resources.map((r) => r.name)).toEqual(["rt-s1", "rt-s2", "rt-s3", "rt-s4"]);
    expect(snapshot.source.scope).toEqual({
      cloud: "AzureCloud",
      runtime: false,
      tenants: ["tenant-1", "tenant-2", "tenant-3"],
      subscriptions: ["s1", "s2", "s3", "s4"],
      mergedShards: ["1/3", "2/3", "3/3"],
    });
    expect(snapshot.source.collectedAt).toBe("2025-06-01T02:00:00.000Z");
    expect(snapshot.source.errors).toEqual([{ scope: "s2", code: "forbidden", message: "no access" }]);
    expect(shards.missing).toEqual([]);
  });

  it("records each missing shard as a collection error", () => {
    const { snapshot, shards } = mergeSnapshots([shard(1, 4, ["s1"]), shard(4, 4, ["s4"])]);
    expect(shards.missing).toEqual([2, 3]);
    expect(snapshot.source.errors.map((e) => [e.scope, e.code])).toEqual([
      ["shard 2/4", "shard_missing"],
      ["shard 3/4", "shard_missing"],
    ]);
    expect(snapshot.source.scope["mergedShards"]).toEqual(["1/4", "4/4"]);
  });

  it("refuses shards of different splits, scopes, customers or tools", () => {
    expect(refusal([shard(1, 2, ["s1"]), shard(2, 3, ["s2"])]).message).toContain("not a shard of the same split");
    expect(refusal([shard(1, 2, ["s1"]), shard(2, 2, ["s2"], { runtime: true })]).message).toContain("scope.runtime true here, false there");
    const other = shard(2, 2, ["s2"]);
    const customers = { ...other, snapshot: { ...other.snapshot, customers: [] } };
    expect(refusal([shard(1, 2, ["s1"]), customers]).message).toContain("they disagree on customers");
    const tool = { ...other, snapshot: { ...other.snapshot, source: { ...other.snapshot.source, tool: "erguard 0.2.0" } } };
    expect(refusal([shard(1, 2, ["s1"]), tool]).message).toContain("they disagree on source.tool");
  });

  it("refuses a shard given twice and an input that is not a shard, naming the file", () => {
    const twice = refusal([shard(1, 2, ["s1"]), shard(1, 2, ["s1"])]);
    expect(twice.message).toBe("shard 1/2 is given twice: shard-1.json and shard-1.json");
    const unsharded = shard(2, 2, ["s2"], { shard: undefined });
    const notShard = refusal([shard(1, 2, ["s1"]), { ...unsharded, file: "whole.json" }]);
    expect(notShard.location?.file).toBe("whole.json");
    expect(notShard.message).toContain("not a shard");
  });

  it("refuses overlapping shards (one resource in two of them)", () => {
    const a = shard(1, 2, ["s1"]);
    const b = shard(2, 2, ["s2"]);
    const overlapping = { ...b, snapshot: { ...b.snapshot, resources: [...b.snapshot.resources, resource("s1", "rt-s1")] } };
    expect(refusal([a, overlapping]).message).toContain("is in two shards (shard-1.json and shard-2.json)");
  });

  it("refuses an empty list of shards", () => {
    expect(refusal([]).message).toContain("nothing to merge");
  });
});
