// erguard collect FILE…: a snapshot from ARM templates, Bicep, Terraform plans and snapshots.
// The snapshot is written atomically (a temporary file renamed over --out), so a reader never
// sees half a file. A collection with unreadable files is written, then reported as
// incomplete (exit code 2): a gate must not pass on what it could not read.

import { ErguardError } from "../errors.js";
import { collectFiles } from "../collect/files.js";
import { writeTextAtomically } from "../report/write.js";
import type { Snapshot } from "../snapshot/types.js";
import { createProgress } from "./progress.js";

export interface FileCollectFlags {
  readonly parameters: string[];
  readonly param: string[];
  readonly out: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export async function runFileCollect(inputs: string[], opts: FileCollectFlags): Promise<void> {
  const progress = createProgress({ quiet: opts.quiet ?? false, verbose: opts.verbose ?? false });
  let snapshot: Snapshot;
  try {
    snapshot = await collectFiles(inputs, {
      parameterFiles: opts.parameters,
      params: parseParams(opts.param),
      baseDir: process.cwd(),
      progress,
    });
  } finally {
    progress.finish();
  }
  await writeTextAtomically(opts.out, JSON.stringify(snapshot, null, 2) + "\n");
  if (opts.quiet !== true) process.stderr.write(`erguard: wrote ${opts.out}: ${summary(snapshot)}\n`);
  const errors = snapshot.source.errors.length;
  if (errors > 0) {
    throw new ErguardError(
      "collection_failed",
      `the snapshot is incomplete: ${errors} input${errors === 1 ? "" : "s"} could not be read or scanned (listed in source.errors of ${opts.out})`,
    );
  }
}

export function parseParams(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf("=");
    if (eq <= 0) throw new ErguardError("bad_config", `--param expects name=value, found "${value}"`);
    out[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return out;
}

function summary(snapshot: Snapshot): string {
  const files = Array.isArray(snapshot.source.scope["files"]) ? snapshot.source.scope["files"].length : 0;
  const n = snapshot.resources.length;
  return `${n} resource${n === 1 ? "" : "s"} from ${files} file${files === 1 ? "" : "s"}`;
}
