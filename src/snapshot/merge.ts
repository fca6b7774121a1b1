// Merges the snapshots of a sharded collection into the snapshot one unsharded collection
// would have made: the resources of every shard in id order, the shards' errors, and one
// `shard_missing` error for each shard not given (so a scan of a partial merge exits 2).
// Shards must agree on everything but their share: source kind, tool, scope and customers.

import { isDeepStrictEqual } from "node:util";
import { ErguardError } from "../errors.js";
import { missingShardErrors, shardSet, type ShardSet } from "./shards.js";
import type { CollectionError, Resource, Snapshot } from "./types.js";

export interface SnapshotShard {
  readonly file: string;
  readonly snapshot: Snapshot;
}

export interface MergedSnapshot {
  readonly snapshot: Snapshot;
  readonly shards: ShardSet;
}

export function mergeSnapshots(shards: readonly SnapshotShard[]): MergedSnapshot {
  const set = shardSet(shards.map((s) => ({ file: s.file, scope: s.snapshot.source.scope })));
  const first = shards[0]!;
  for (const s of shards.slice(1)) {
    sameAcrossShards(s, first, "source.kind", (x) => x.source.kind);
    sameAcrossShards(s, first, "source.tool", (x) => x.source.tool);
    sameAcrossShards(s, first, "customers", (x) => x.customers);
  }

  const seen = new Map<string, string>();
  const resources: Resource[] = [];
  for (const s of shards) {
    for (const r of s.snapshot.resources) {
      const key = r.id.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) {
        throw new ErguardError("bad_input", `resource ${r.id} is in two shards (${other} and ${s.file}): the shards overlap`, { file: s.file });
      }
      seen.set(key, s.file);
      resources.push(r);
    }
  }
  const errors: CollectionError[] = [...shards.flatMap((s) => s.snapshot.source.errors), ...missingShardErrors(set)];

  return {
    shards: set,
    snapshot: {
      schemaVersion: 1,
      source: {
        kind: first.snapshot.source.kind,
        // The earliest: the merged snapshot shows the estate as it was from then on.
        collectedAt: shards.map((s) => s.snapshot.source.collectedAt).sort()[0]!,
        tool: first.snapshot.source.tool,
        scope: set.scope,
        errors: errors.sort(compareErrors),
      },
      customers: first.snapshot.customers,
      resources: resources.sort(compareIds),
    },
  };
}

function sameAcrossShards(s: SnapshotShard, first: SnapshotShard, what: string, get: (x: Snapshot) => unknown): void {
  if (!isDeepStrictEqual(get(s.snapshot), get(first.snapshot))) {
    throw new ErguardError("bad_input", `a shard of a different collection than ${first.file}: they disagree on ${what}`, { file: s.file });
  }
}

// The order collection writes resources in (case-insensitive id, then exact id).
function compareIds(a: Resource, b: Resource): number {
  return compare(a.id.toLowerCase(), b.id.toLowerCase()) || compare(a.id, b.id);
}

export function compareErrors(a: CollectionError, b: CollectionError): number {
  return compare(a.scope, b.scope) || compare(a.code, b.code) || compare(a.message, b.message);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
