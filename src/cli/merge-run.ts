// Reads the files given to erguard merge, tells snapshots from results by content, and merges
// them: each file is parsed once, and a snapshot's text is dropped as soon as it is checked.

import { ErguardError } from "../errors.js";
import { mergeResults, type ResultsShard } from "../evaluate/merge.js";
import { parseResults, renderJson } from "../report/json.js";
import { parseJson } from "../snapshot/json-positions.js";
import { MAX_SNAPSHOT_BYTES } from "../snapshot/load.js";
import { mergeSnapshots, type SnapshotShard } from "../snapshot/merge.js";
import { readTextFile } from "../snapshot/read-text-file.js";
import type { ShardSet } from "../snapshot/shards.js";
import { validateSnapshot } from "../snapshot/validate.js";

export interface MergedFile {
  readonly kind: "snapshot" | "results";
  readonly text: string;
  readonly summary: string; // "1234 resources"
  readonly shards: ShardSet;
}

export async function mergeShardFiles(files: readonly string[]): Promise<MergedFile> {
  const snapshots: SnapshotShard[] = [];
  const results: ResultsShard[] = [];
  for (const file of files) {
    const text = await readTextFile(file, { maxBytes: MAX_SNAPSHOT_BYTES, what: "snapshots and results" });
    const value = parseJson(text, file);
    const kind = isObject(value) && "resultsVersion" in value ? "results" : isObject(value) && "schemaVersion" in value ? "snapshot" : undefined;
    if (kind === undefined) throw new ErguardError("bad_input", "neither an erguard snapshot nor a results file", { file });
    const other = kind === "results" ? snapshots : results;
    if (other.length > 0) {
      throw new ErguardError("bad_input", `a ${kind} file among ${kind === "results" ? "snapshot" : "results"} files: merge snapshots or results, not both`, { file });
    }
    if (kind === "results") results.push({ file, results: parseResults(text, file) });
    else snapshots.push({ file, snapshot: validateSnapshot(value, file, text) });
  }
  if (results.length > 0) {
    const merged = mergeResults(results);
    return { kind: "results", text: renderJson(merged.results), summary: `${merged.results.results.length} results`, shards: merged.shards };
  }
  const merged = mergeSnapshots(snapshots);
  return {
    kind: "snapshot",
    text: JSON.stringify(merged.snapshot, null, 2) + "\n",
    summary: `${merged.snapshot.resources.length} resources`,
    shards: merged.shards,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
