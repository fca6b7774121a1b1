// A larger young generation for large work. Evaluating a large estate allocates fast, and with
// V8's default young generation (16 MB semi-spaces) a fifth of a 100,000-resource scan went to
// young-generation collections; with 64 MB ones the scan takes some 15% less time, at the same
// peak memory (npm run bench). V8 sizes the young generation when the process starts, and a
// flag set later has no effect, so main.ts starts erguard again in the same process
// (process.execve) with the flag, before anything else runs, when the command is about to do
// large work: a live collection, or an input file of LARGE_INPUT_BYTES or more. Small runs (a
// pull-request gate's templates) are not started twice: that costs some 40 ms.

import { statSync } from "node:fs";

export const LARGE_WORK_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

const LARGE_INPUT_BYTES = 16 * 1024 * 1024;
const COMMANDS = new Set(["scan", "collect", "report", "merge"]);

// Whether the command line (without node and the script) asks for large work. `sizeOf` is a
// file's size, undefined for anything else.
export function isLargeWork(args: readonly string[], sizeOf: (path: string) => number | undefined): boolean {
  if (!COMMANDS.has(args[0] ?? "")) return false;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--source=azure" || (arg === "--source" && args[i + 1] === "azure")) return true;
    if (!arg.startsWith("-") && (sizeOf(arg) ?? 0) >= LARGE_INPUT_BYTES) return true;
  }
  return false;
}

// The same process started again with LARGE_WORK_FLAGS, when the work is large and the flags
// are not set already (by this, or by the user in the command line or NODE_OPTIONS). Returns
// when it does not start again: Windows has no execve, nor has Node before 22.15.
export function relaunchForLargeWork(): void {
  if (process.platform === "win32" || process.execve === undefined) return;
  const given = [...process.execArgv, ...(process.env["NODE_OPTIONS"] ?? "").split(/\s+/)];
  if (given.some((flag) => flag.startsWith("--max-semi-space-size"))) return;
  if (!isLargeWork(process.argv.slice(2), fileSize)) return;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...LARGE_WORK_FLAGS, ...process.argv.slice(1)], process.env);
}

function fileSize(path: string): number | undefined {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() ? stat.size : undefined;
  } catch {
    return undefined; // unreadable: the command reports it
  }
}
