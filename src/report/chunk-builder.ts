// A large report's text, written piece by piece into one reused byte buffer and handed out in
// chunks of about a megabyte of UTF-8.
//
// Why not concatenate strings: a chunk made of a million small pieces is a tree that must be
// copied flat before it can be encoded, and every piece is garbage to collect; at 100,000
// resources that costs more than making the pieces. Nor hand out each chunk as a fresh string or
// buffer: a megabyte outside the JavaScript heap each time makes V8 collect the whole heap (the
// results themselves, a gigabyte) over and over. Here a piece costs one copy into the buffer.

const CHUNK_BYTES = 1 << 20;

// What a report is handed out as. A Uint8Array chunk is a view of the builder's buffer: it is
// valid until the next chunk is asked for, so a consumer copies or decodes it at once.
export type Chunk = string | Uint8Array;

export class ChunkBuilder {
  private buffer = Buffer.allocUnsafe(4 * CHUNK_BYTES);
  private length = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    if (this.length + text.length * 3 > this.buffer.length) this.grow(text.length * 3);
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  // Enough for a chunk.
  get full(): boolean {
    return this.length >= CHUNK_BYTES;
  }

  // What was written since the last take, valid until the next write.
  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.length);
    this.length = 0;
    return chunk;
  }

  private grow(needed: number): void {
    const larger = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.length + needed));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

// A report's whole text (a small one's: tests, a SARIF upload checked against GitHub's limits).
// Chunks end between pieces, never inside a character.
export function joinChunks(chunks: Iterable<Chunk>): string {
  let text = "";
  for (const chunk of chunks) text += typeof chunk === "string" ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8");
  return text;
}
