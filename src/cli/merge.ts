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
  const { mergeShardFiles } = await import("./merge-run.js");
  const merged = await mergeShardFiles(files);
  const out = opts.out ?? (merged.kind === "results" ? "results.json" : "snapshot.json");
  const { writeTextAtomically } = await import("../report/write.js");
  await writeTextAtomically(out, merged.text);

  const { count, missing } = merged.shards;
  if (!opts.quiet) process.stderr.write(`erguard: wrote ${out}: ${count - missing.length} of ${count} shards, ${merged.summary}\n`);
  if (missing.length === 0) return;
  const names = missing.map((i) => `${i}/${count}`).join(", ");
  if (opts.allowPartial) {
    process.stderr.write(`erguard: warning: shards missing: ${names} (recorded in source.errors)\n`);
    return;
  }
  throw new ErguardError(
    "collection_failed",
    `shards missing: ${names}; ${out} was written with the gaps in source.errors; pass --allow-partial to accept a partial merge`,
  );
}
