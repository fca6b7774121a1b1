import { describe, expect, it } from "vitest";
import { ChunkBuilder, joinChunks, type Chunk } from "../../src/report/chunk-builder.js";

// Chunks as a consumer must take them: each decoded before the next is asked for.
function drain(write: (out: ChunkBuilder) => Iterable<void>): string[] {
  const out = new ChunkBuilder();
  const texts: string[] = [];
  for (const _ of write(out)) texts.push(joinChunks([out.take()]));
  texts.push(joinChunks([out.take()]));
  return texts;
}

describe("ChunkBuilder", () => {
  it("hands out what was written, multi-byte text and pieces larger than its buffer included", () => {
    const big = "é€😀".repeat(1_000_000); // 9 MB of UTF-8, more than the buffer holds
    const texts = drain(function* (out) {
      out.write("a");
      out.write(big);
      out.write("z");
      yield;
      out.write("\ud800 lone");
    });
    expect(texts).toEqual([`a${big}z`, "\ufffd lone"]);
  });

  it("says when a chunk's worth is written", () => {
    const out = new ChunkBuilder();
    while (!out.full) out.write("x".repeat(1000));
    expect(out.take().byteLength).toBeGreaterThanOrEqual(1 << 20);
    expect(out.full).toBe(false);
  });
});

describe("joinChunks", () => {
  it("joins text and byte chunks into one string", () => {
    const chunks: Chunk[] = ["a", new TextEncoder().encode("é€"), "z"];
    expect(joinChunks(chunks)).toBe("aé€z");
  });
});
