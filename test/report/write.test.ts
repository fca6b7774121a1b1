import { writeFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErguardError } from "../../src/errors.js";
import { writeFilesAtomically } from "../../src/report/write.js";

const workspace = () => mkdtemp(join(tmpdir(), "erguard-write-"));

describe("writeFilesAtomically", () => {
  it("writes every file from its chunks, multi-byte text and chunks larger than its buffers included", async () => {
    const dir = await workspace();
    const big = "é€😀".repeat(1_000_000); // 9 MB of UTF-8 in one chunk
    await writeFilesAtomically([
      { path: join(dir, "a.txt"), chunks: () => ["one ", "two ", "three"] },
      { path: join(dir, "b.txt"), chunks: () => ["x", big, "y"] },
      { path: join(dir, "empty.txt"), chunks: () => [] },
    ]);
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("one two three");
    expect(await readFile(join(dir, "b.txt"), "utf8")).toBe(`x${big}y`);
    expect(await readFile(join(dir, "empty.txt"), "utf8")).toBe("");
    expect((await readdir(dir)).sort()).toEqual(["a.txt", "b.txt", "empty.txt"]);
  });

  it("copies a byte chunk before asking for the next, which may reuse its buffer", async () => {
    const dir = await workspace();
    function* reused(): Generator<Uint8Array> {
      const buffer = new Uint8Array(3);
      for (const text of ["abc", "def", "ghi"]) {
        buffer.set(new TextEncoder().encode(text));
        yield buffer;
      }
    }
    await writeFilesAtomically([{ path: join(dir, "r.txt"), chunks: reused }]);
    expect(await readFile(join(dir, "r.txt"), "utf8")).toBe("abcdefghi");
  });

  it("puts no file in place, and keeps the old ones, when a later file fails to render", async () => {
    const dir = await workspace();
    await writeFile(join(dir, "a.txt"), "old a");
    function* failing(): Generator<string> {
      yield "partial";
      throw new ErguardError("unsupported", "over the limit");
    }
    await expect(
      writeFilesAtomically([
        { path: join(dir, "a.txt"), chunks: () => ["new a"] },
        { path: join(dir, "b.txt"), chunks: failing },
      ]),
    ).rejects.toThrow("over the limit");
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("old a");
    expect(await readdir(dir)).toEqual(["a.txt"]);
  });

  it("says which file it cannot write", async () => {
    const dir = await workspace();
    // The writer makes missing directories; a file where the directory should be stops it.
    writeFileSync(join(dir, "missing"), "not a directory");
    const path = join(dir, "missing", "r.json");
    const err: unknown = await writeFilesAtomically([{ path, chunks: () => ["{}"] }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ErguardError);
    expect((err as ErguardError).message).toMatch(/^cannot write the file: /);
    expect((err as ErguardError).location?.file).toBe(path);
  });
});
