// Writes reports: each file streamed from its chunks into a temporary file beside it, and only
// when every file is complete are they all renamed into place, so a failure (a SARIF run over
// GitHub's limits, a full disk) leaves no half-written report and no half-written set.
//
// One write is kept in flight while the next chunk is rendered: on two cores the kernel's
// copying of a 400 MB results.json then overlaps with the rendering instead of following it.

import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ErguardError } from "../errors.js";
import type { Chunk } from "./chunk-builder.js";

// Room for a chunk of about a megabyte (json-chunks.ts) in UTF-8.
const INITIAL_BUFFER_BYTES = 4 << 20;

export interface ChunkedFile {
  readonly path: string;
  // Called when the file's turn comes, so that only one report is being rendered at a time.
  readonly chunks: () => Iterable<Chunk>;
}

export interface WriteOptions {
  // Ctrl-C: stop between chunks and rename nothing.
  readonly signal?: AbortSignal;
}

export async function writeFilesAtomically(files: readonly ChunkedFile[], options: WriteOptions = {}): Promise<void> {
  const { signal } = options;
  const temporaries = files.map((f) => join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`));
  try {
    for (const file of files) await fsStep(file.path, () => mkdir(dirname(file.path), { recursive: true }));
    for (const [i, file] of files.entries()) await writeChunks(temporaries[i]!, file.path, file.chunks(), signal);
    if (signal?.aborted) throw new ErguardError("interrupted", "interrupted; nothing was written");
    for (const [i, file] of files.entries()) await fsStep(file.path, () => rename(temporaries[i]!, file.path));
  } finally {
    // Cleaning up must not hide the error that stopped the writing.
    await Promise.all(temporaries.map((t) => rm(t, { force: true }).catch(() => undefined)));
  }
}

// Chunks are encoded into two buffers in turn (one being written, one being filled): fresh
// buffers for 400 MB would cost as much in page faults as the writing itself.
// One file written whole or not at all (a snapshot, a merged result).
export async function writeTextAtomically(path: string, text: string, options: WriteOptions = {}): Promise<void> {
  await writeFilesAtomically([{ path, chunks: () => [text] }], options);
}

async function writeChunks(temporary: string, path: string, chunks: Iterable<Chunk>, signal: AbortSignal | undefined): Promise<void> {
  const handle = await fsStep(path, () => open(temporary, "w"));
  const buffers = [Buffer.allocUnsafe(INITIAL_BUFFER_BYTES), Buffer.allocUnsafe(INITIAL_BUFFER_BYTES)];
  let inFlight: Promise<void> = Promise.resolve();
  try {
    let turn = 0;
    for (const chunk of chunks) {
      if (signal?.aborted) throw new ErguardError("interrupted", "interrupted; nothing was written");
      // The other buffer may still be being written; this one is free.
      const i = turn++ % 2;
      // A UTF-16 code unit takes at most three bytes in UTF-8: count them only when it matters.
      const room = buffers[i]!.length;
      const needed = typeof chunk !== "string" ? chunk.byteLength : chunk.length * 3 > room ? Buffer.byteLength(chunk, "utf8") : 0;
      if (needed > room) buffers[i] = Buffer.allocUnsafe(needed);
      const buffer = buffers[i]!;
      // A byte chunk is valid only until the next is asked for: it is copied now.
      const bytes = typeof chunk === "string" ? buffer.subarray(0, buffer.write(chunk, 0, "utf8")) : buffer.subarray(0, (buffer.set(chunk), chunk.byteLength));
      await inFlight;
      inFlight = fsStep(path, () => writeAll(handle, bytes));
    }
    await inFlight;
  } finally {
    // A chunk that failed to render leaves a write in flight: let it land before closing.
    await inFlight.catch(() => undefined);
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done)).bytesWritten;
}

async function fsStep<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw new ErguardError("bad_config", `cannot write the file: ${err instanceof Error ? err.message : String(err)}`, { file: path }, { cause: err });
  }
}
