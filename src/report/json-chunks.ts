// JSON text of a large document, handed out in chunks of about a megabyte so that it can be
// written to a file without ever being one string (V8 refuses strings over 512 MB, and a
// 100,000-resource estate's results come close).
//
// The document is indented as JSON.stringify(document, null, 2) writes it, except for its one
// bulk array (the results entries, the SARIF results), whose items are written one per line:
// a third smaller and several times faster to write than indented, and still diff-friendly —
// a changed entry is a changed line.

import { randomUUID } from "node:crypto";
import { ChunkBuilder, type Chunk } from "./chunk-builder.js";

// `bulk` is an array inside `document` (found by identity); `writeItem` writes each item's JSON
// text, as JSON.stringify writes it, one at a time.
export function* jsonChunks<T>(document: unknown, bulk: readonly T[], writeItem: (out: ChunkBuilder, item: T) => void = writeJson): Generator<Chunk> {
  // The bulk array is stood in for by a marker no value can contain, then spliced back in.
  const marker = `erguard-bulk-${randomUUID()}`;
  const outline = JSON.stringify(document, (_key, value: unknown) => (value === bulk ? marker : value), 2);
  const at = outline.indexOf(`"${marker}"`);
  if (at < 0) throw new Error("jsonChunks: the bulk array is not inside the document"); // a caller's mistake
  const indent = /^ */.exec(outline.slice(outline.lastIndexOf("\n", at) + 1, at))![0];
  const separator = `,\n${indent}  `;

  const out = new ChunkBuilder();
  out.write(outline.slice(0, at) + "[");
  for (let i = 0; i < bulk.length; i++) {
    out.write(i === 0 ? separator.slice(1) : separator);
    writeItem(out, bulk[i]!);
    if (out.full) yield out.take();
  }
  out.write(`${bulk.length > 0 ? `\n${indent}` : ""}]${outline.slice(at + marker.length + 2)}\n`);
  yield out.take();
}

function writeJson(out: ChunkBuilder, item: unknown): void {
  out.write(JSON.stringify(item) ?? "null");
}
