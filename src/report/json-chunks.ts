// JSON text of a large document, handed out in chunks of about a megabyte so that it can be
// written to a file without ever being one string (V8 refuses strings over 512 MB, and a
// 100,000-resource estate's results come close).
//
// The document is indented as JSON.stringify(document, null, 2) writes it, except for its one
// bulk array (the results entries, the SARIF results), whose items are written one per line:
// a third smaller and several times faster to write than indented, and still diff-friendly —
// a changed entry is a changed line.

import { randomUUID } from "node:crypto";

const CHUNK_CHARS = 1 << 20;

// `bulk` is an array inside `document` (found by identity); `toJson` turns each of its items
// into the value written, one at a time.
export function* jsonChunks<T>(document: unknown, bulk: readonly T[], toJson: (item: T) => unknown = (item) => item): Generator<string> {
  // The bulk array is stood in for by a marker no value can contain, then spliced back in.
  const marker = `erguard-bulk-${randomUUID()}`;
  const outline = JSON.stringify(document, (_key, value: unknown) => (value === bulk ? marker : value), 2);
  const at = outline.indexOf(`"${marker}"`);
  if (at < 0) throw new Error("jsonChunks: the bulk array is not inside the document"); // a caller's mistake
  const indent = /^ */.exec(outline.slice(outline.lastIndexOf("\n", at) + 1, at))![0];

  let chunk = outline.slice(0, at) + "[";
  for (let i = 0; i < bulk.length; i++) {
    chunk += `${i === 0 ? "" : ","}\n${indent}  ${JSON.stringify(toJson(bulk[i]!)) ?? "null"}`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}${bulk.length > 0 ? `\n${indent}` : ""}]${outline.slice(at + marker.length + 2)}\n`;
}
