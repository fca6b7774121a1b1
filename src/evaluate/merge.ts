// Merges the results of a sharded scan (each shard's snapshot evaluated on its own) into one
// results document, for estates too large to evaluate in one process. Shards must come from
// one collection (src/snapshot/shards.ts) and one policy bundle (same sha256, same rules
// selected); a shard not given becomes a `shard_missing` error, so the merged results gate
// with exit code 2.
//
// Merging snapshots and scanning once is exact; merging results is exact only for rules that
// look within one subscription, since each shard was evaluated without the others' resources.
// Entries lose snapshotLine: it was a line of the shard's snapshot file, which the merged
// results do not name.

import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { ErguardError } from "../errors.js";
import { compareErrors } from "../snapshot/merge.js";
import { missingShardErrors, shardSet, type ShardSet } from "../snapshot/shards.js";
import type { ResultEntry, Results } from "./results.js";

export interface ResultsShard {
  readonly file: string;
  readonly results: Results;
}

export interface MergedResults {
  readonly results: Results;
  readonly shards: ShardSet;
}

export function mergeResults(shards: readonly ResultsShard[]): MergedResults {
  const set = shardSet(shards.map((s) => ({ file: s.file, scope: s.results.snapshot.source.scope })));
  const first = shards[0]!;
  for (const s of shards) {
    if (s.results.baseline !== undefined) {
      throw new ErguardError(
        "bad_input",
        "these results were compared with a baseline; merge results scanned without --baseline, then compare the merged ones (erguard report merged.json --baseline …)",
        { file: s.file },
      );
    }
    if (s === first) continue;
    if (s.results.policy.sha256 !== first.results.policy.sha256) {
      throw new ErguardError(
        "bad_input",
        `evaluated with a different policy bundle than ${first.file} (sha256 ${s.results.policy.sha256.slice(0, 12)}…, not ${first.results.policy.sha256.slice(0, 12)}…)`,
        { file: s.file },
      );
    }
    same(s, first, "the rules evaluated (--only, --skip)", (r) => r.rules);
    same(s, first, "the erguard version", (r) => r.tool);
    same(s, first, "the source kind", (r) => r.snapshot.source.kind);
    same(s, first, "the customers", (r) => r.snapshot.customers);
  }

  // In shard order, so that the combined hash does not depend on the order files were given in.
  const ordered = shards.map((s, i) => ({ ...s, index: set.indices[i]! })).sort((a, b) => a.index - b.index);
  const snapshotHash = createHash("sha256");
  for (const s of ordered) snapshotHash.update(`shard ${s.index}/${set.count} ${s.results.snapshot.sha256}\n`);

  const entries: ResultEntry[] = ordered.flatMap((s) => s.results.results.map(withoutSnapshotLine));
  entries.sort((a, b) => compare(a.ruleId, b.ruleId) || compare(a.resourceId ?? "", b.resourceId ?? "") || compare(a.message, b.message));

  const results: Results = {
    resultsVersion: 1,
    tool: first.results.tool,
    evaluatedAt: earliest(shards.map((s) => s.results.evaluatedAt)),
    policy: first.results.policy,
    snapshot: {
      sha256: snapshotHash.digest("hex"),
      source: {
        kind: first.results.snapshot.source.kind,
        collectedAt: earliest(shards.map((s) => s.results.snapshot.source.collectedAt)),
        scope: set.scope,
        errors: [...shards.flatMap((s) => s.results.snapshot.source.errors), ...missingShardErrors(set)].sort(compareErrors),
      },
      customers: first.results.snapshot.customers,
    },
    rules: first.results.rules,
    results: entries,
    // A rule that failed to evaluate fails in every shard: say so once.
    errors: distinct(shards.flatMap((s) => s.results.errors)),
    waivers: {
      // A waiver is stale when it matched nothing anywhere.
      stale: first.results.waivers.stale.filter((w) => shards.every((s) => s.results.waivers.stale.some((x) => isDeepStrictEqual(x, w)))),
      expired: distinct(shards.flatMap((s) => s.results.waivers.expired)),
    },
  };
  return { results, shards: set };
}

function same(s: ResultsShard, first: ResultsShard, what: string, get: (r: Results) => unknown): void {
  if (!isDeepStrictEqual(get(s.results), get(first.results))) {
    throw new ErguardError("bad_input", `not a shard of the same scan as ${first.file}: they disagree on ${what}`, { file: s.file });
  }
}

function withoutSnapshotLine(entry: ResultEntry): ResultEntry {
  if (entry.snapshotLine === undefined) return entry;
  const { snapshotLine: _line, ...rest } = entry;
  return rest;
}

function distinct<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of items) if (!out.some((o) => isDeepStrictEqual(o, item))) out.push(item);
  return out;
}

function earliest(times: readonly string[]): string {
  return [...times].sort()[0]!;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
