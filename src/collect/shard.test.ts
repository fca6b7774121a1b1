import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inShard, parseShard, shardOf } from "./shard.js";

const subscriptionId = fc.uuid();

describe("--shard", () => {
  it("gives each subscription exactly one shard, whatever the order and casing of the list", () => {
    fc.assert(
      fc.property(fc.uniqueArray(subscriptionId, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (ids, count) => {
        const shards = Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));
        const owners = ids.map((id) => shards.filter((s) => inShard(id, s)).length);
        expect(owners.every((n) => n === 1)).toBe(true);
        const reversed = [...ids].reverse().map((id) => id.toUpperCase());
        expect(reversed.map((id) => shardOf(id, count)).reverse()).toEqual(ids.map((id) => shardOf(id, count)));
      }),
    );
  });

  it("spreads subscriptions over the shards", () => {
    const ids = Array.from({ length: 400 }, (_, i) => `00000000-0000-0000-0000-${i.toString(16).padStart(12, "0")}`);
    const sizes = [1, 2, 3, 4].map((index) => ids.filter((id) => inShard(id, { index, count: 4 })).length);
    expect(Math.min(...sizes)).toBeGreaterThan(60);
  });

  it("parses I/N and refuses what is not a share", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "1", ""]) expect(() => parseShard(bad)).toThrow(/expected I\/N/);
  });
});
