// The shards of one sharded collection (`erguard collect --shard I/N` records "I/N" in
// source.scope.shard), checked before they are merged: every input is a shard of the same
// scope and the same N, no shard is given twice, and the ones not given are named.
// Used for snapshots (src/snapshot/merge.ts) and results (src/evaluate/merge.ts) alike.

import { isDeepStrictEqual } from "node:util";
import { ErguardError } from "../errors.js";
import type { CollectionError } from "./types.js";

export interface ShardPart {
  readonly file: string;
  readonly scope: Readonly<Record<string, unknown>>;
}

export interface ShardSet {
  readonly count: number;
  // The inputs' indices in input order, 1..count.
  readonly indices: readonly number[];
  readonly missing: readonly number[];
  // The scope every shard shares, with the parts that differ by shard merged: subscriptions
  // and tenants are the union (sorted), shard is replaced by the shards merged.
  readonly scope: Record<string, unknown>;
}

// Scope keys that differ between shards of one collection by design.
const PER_SHARD_KEYS = new Set(["shard", "subscriptions", "tenants"]);

export function shardSet(parts: readonly ShardPart[]): ShardSet {
  if (parts.length === 0) throw new ErguardError("bad_input", "nothing to merge: give the shards' files");
  const parsed = parts.map((p) => ({ ...p, shard: shardOfScope(p) }));
  const first = parsed[0]!;
  const count = first.shard.count;
  const common = withoutPerShardKeys(first.scope);
  const byIndex = new Map<number, string>();
  for (const p of parsed) {
    if (p.shard.count !== count) {
      throw new ErguardError("bad_input", `shard ${p.shard.index}/${p.shard.count} is not a shard of the same split as ${first.file} (${first.shard.index}/${count})`, { file: p.file });
    }
    if (!isDeepStrictEqual(withoutPerShardKeys(p.scope), common)) {
      throw new ErguardError("bad_input", `a shard of a different scope than ${first.file}: ${describeDifference(common, withoutPerShardKeys(p.scope))}`, { file: p.file });
    }
    const other = byIndex.get(p.shard.index);
    if (other !== undefined) {
      throw new ErguardError("bad_input", `shard ${p.shard.index}/${count} is given twice: ${other} and ${p.file}`, { file: p.file });
    }
    byIndex.set(p.shard.index, p.file);
  }
  const indices = parsed.map((p) => p.shard.index);
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  return {
    count,
    indices,
    missing,
    scope: {
      ...common,
      ...unionOf(parts, "tenants"),
      ...unionOf(parts, "subscriptions"),
      mergedShards: [...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${count}`),
    },
  };
}

// One collection error per shard not given: the merged snapshot or results say they are
// incomplete, so that a scan or gate over them exits 2.
export function missingShardErrors(set: ShardSet): CollectionError[] {
  return set.missing.map((i) => ({
    scope: `shard ${i}/${set.count}`,
    code: "shard_missing",
    message: `shard ${i}/${set.count} was not merged: the subscriptions in its share are missing`,
  }));
}

function shardOfScope(part: ShardPart): { index: number; count: number } {
  const text = part.scope["shard"];
  const m = typeof text === "string" ? /^(\d+)\/(\d+)$/.exec(text) : null;
  if (m === null) {
    throw new ErguardError("bad_input", "not a shard: its source.scope has no shard (collect shards with --shard I/N)", { file: part.file });
  }
  return { index: Number(m[1]), count: Number(m[2]) };
}

function withoutPerShardKeys(scope: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(scope).filter(([k]) => !PER_SHARD_KEYS.has(k)));
}

function unionOf(parts: readonly ShardPart[], key: string): Record<string, string[]> {
  const lists = parts.map((p) => p.scope[key]).filter((v): v is unknown[] => Array.isArray(v));
  if (lists.length === 0) return {};
  const values = new Set(lists.flat().filter((v): v is string => typeof v === "string"));
  return { [key]: [...values].sort() };
}

function describeDifference(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differing = keys.filter((k) => !isDeepStrictEqual(a[k], b[k]));
  return differing.map((k) => `scope.${k} ${JSON.stringify(b[k]) ?? "absent"} here, ${JSON.stringify(a[k]) ?? "absent"} there`).join("; ");
}
