// Reads a snapshot file back: size check, JSON parse (with the line of a syntax error),
// schema validation (with the line of the first invalid value).

import { parseJson } from "./json-positions.js";
import { readTextFile } from "./read-text-file.js";
import type { Snapshot } from "./types.js";
import { validateSnapshot } from "./validate.js";

// V8 cannot hold a string much longer than 512 MiB; a larger snapshot could not be parsed
// anyway. Collections that big should be split (--shard) and evaluated piecewise.
export const MAX_SNAPSHOT_BYTES = 500 * 1024 * 1024;

export async function loadSnapshot(path: string): Promise<Snapshot> {
  const text = await readTextFile(path, { maxBytes: MAX_SNAPSHOT_BYTES, what: "snapshots" });
  return parseSnapshotText(text, path);
}

export function parseSnapshotText(text: string, file: string): Snapshot {
  return validateSnapshot(parseJson(text, file), file, text);
}
