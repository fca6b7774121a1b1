// erguard merge SHARD…: combines the snapshots (or the results) of a sharded collection into
// one. Inputs are recognised by content; all must be of one kind. A merge with shards missing
// is written (with a shard_missing error per gap, so a later scan exits 2) and exits 2 unless
// --allow-partial accepts it; shards of different scopes or policy bundles, and a shard given
// twice, are refused.

import type { Command } from "commander";
import { ErguardError } from "../errors.js";

interface MergeOptions {
  readonly out?: string;
  readonly allowPartial: boolean;
  readonly quiet: boolean;
}

export function registerMerge(program: Command): void {
  program
    .command("merge")
    .description("combine the snapshots or results of a sharded collection (collect --shard I/N) into one")
    .argument("<shards...>", "the shards' snapshot.json files, or their results.json files")
    .option("-o, --out <file>", "where to write the merged file (default: snapshot.json or results.json)")
    .option("--allow-partial", "exit 0 even if some shards are missing (they are still recorded as errors)", false)
    .option("-q, --quiet", "print only warnings and errors", false)
    .action(async (files: string[], opts: MergeOptions) => {
      await runMerge(files, opts);
    });
}

async function runMerge(files: readonly string[], opts: MergeOptions): Promise<void> {
  const [{ parseJson }, { readTextFile }, { MAX_SNAPSHOT_BYTES, parseSnapshotText }, { parseResults, renderJson }, { writeAtomically }] =
    await Promise.all([
      import("../snapshot/json-positions.js"),
      import("../snapshot/read-text-file.js"),
      import("../snapshot/load.js"),
      import("../report/json.js"),
      import("./collect-files.js"),
    ]);
  const inputs: { file: string; kind: "results" | "snapshot"; text: string }[] = [];
  for (const file of files) {
    const text = await readTextFile(file, { maxBytes: MAX_SNAPSHOT_BYTES, what: "snapshots and results" });
    const value = parseJson(text, file);
    const kind = isObject(value) && "resultsVersion" in value ? "results" : isObject(value) && "schemaVersion" in value ? "snapshot" : undefined;
    if (kind === undefined) throw new ErguardError("bad_input", "neither an erguard snapshot nor a results file", { file });
    if (inputs.length > 0 && inputs[0]!.kind !== kind) {
      throw new ErguardError("bad_input", `a ${kind} file among ${inputs[0]!.kind} files: merge snapshots or results, not both`, { file });
    }
    inputs.push({ file, kind, text });
  }

  let written: { out: string; text: string; summary: string; missing: readonly number[]; count: number };
  if (inputs[0]?.kind === "results") {
    const { mergeResults } = await import("../evaluate/merge.js");
    const merged = mergeResults(inputs.map((i) => ({ file: i.file, results: parseResults(i.text, i.file) })));
    const { results, shards } = merged;
    written = {
      out: opts.out ?? "results.json",
      text: renderJson(results),
      summary: `${results.results.length} results`,
      missing: shards.missing,
      count: shards.count,
    };
  } else {
    const { mergeSnapshots } = await import("../snapshot/merge.js");
    const { snapshot, shards } = mergeSnapshots(inputs.map((i) => ({ file: i.file, snapshot: parseSnapshotText(i.text, i.file) })));
    written = {
      out: opts.out ?? "snapshot.json",
      text: JSON.stringify(snapshot, null, 2) + "\n",
      summary: `${snapshot.resources.length} resources`,
      missing: shards.missing,
      count: shards.count,
    };
  }
  await writeAtomically(written.out, written.text);
  const given = written.count - written.missing.length;
  if (!opts.quiet) process.stderr.write(`erguard: wrote ${written.out}: ${given} of ${written.count} shards, ${written.summary}\n`);
  if (written.missing.length === 0) return;
  const missing = written.missing.map((i) => `${i}/${written.count}`).join(", ");
  if (opts.allowPartial) {
    process.stderr.write(`erguard: warning: shards missing: ${missing} (recorded in source.errors)\n`);
    return;
  }
  throw new ErguardError(
    "collection_failed",
    `shards missing: ${missing}; ${written.out} was written with the gaps in source.errors; pass --allow-partial to accept a partial merge`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
