import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { isLargeWork, LARGE_WORK_FLAGS } from "../../src/cli/large-work.js";
import { ROOT, runCli } from "./run-cli.js";

const MB = 1024 * 1024;
const sizes: Record<string, number> = { "big.json": 16 * MB, "small.json": 16 * MB - 1 };
const sizeOf = (path: string) => sizes[path];

describe("large work", () => {
  it("is a scan, collection, report or merge of an input file of 16 MB or more, or a live collection", () => {
    expect(isLargeWork(["scan", "big.json"], sizeOf)).toBe(true);
    expect(isLargeWork(["scan", "small.json"], sizeOf)).toBe(false);
    expect(isLargeWork(["report", "--format", "html", "big.json"], sizeOf)).toBe(true);
    expect(isLargeWork(["merge", "small.json", "big.json"], sizeOf)).toBe(true);
    expect(isLargeWork(["collect", "--source", "azure", "--subscription", "x"], sizeOf)).toBe(true);
    expect(isLargeWork(["scan", "--source=azure"], sizeOf)).toBe(true);
    expect(isLargeWork(["scan", "--source", "files", "small.json"], sizeOf)).toBe(false);
    expect(isLargeWork(["policy", "test", "big.json"], sizeOf)).toBe(false);
    expect(isLargeWork([], sizeOf)).toBe(false);
  });

  // A snapshot of the demo estate padded past 16 MB with trailing whitespace: the same estate,
  // a large file. A module NODE_OPTIONS imports into every process records its V8 flags.
  it.skipIf(process.platform === "win32")("starts the scan again with a larger young generation, with the same results and exit code", () => {
    const dir = mkdtempSync(join(tmpdir(), "erguard-large-"));
    const demo = join(ROOT, "fixtures", "estates", "demo");
    const padded = join(dir, "snapshot.json");
    writeFileSync(padded, readFileSync(join(demo, "snapshot.json"), "utf8") + " ".repeat(16 * MB));
    const record = join(dir, "record.mjs");
    const flags = join(dir, "flags.txt");
    writeFileSync(record, `import { appendFileSync } from "node:fs";\nappendFileSync(${JSON.stringify(flags)}, JSON.stringify(process.execArgv) + "\\n");\n`);
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(record).href}` };
    const scan = (snapshot: string, out: string) =>
      runCli(["scan", snapshot, "--config", join(demo, "erguard.yaml"), "--out", join(dir, out), "--format", "json", "-q"], { env });

    const small = scan(join(demo, "snapshot.json"), "small");
    expect(readFileSync(flags, "utf8").trim().split("\n")).toEqual([JSON.stringify([])]);
    const large = scan(padded, "large");
    expect(readFileSync(flags, "utf8").trim().split("\n").slice(1)).toEqual([JSON.stringify([]), JSON.stringify(LARGE_WORK_FLAGS)]);

    expect(large.code).toBe(small.code);
    expect(large.stderr).toBe(small.stderr.replaceAll(join(demo, "snapshot.json"), padded));
    const outcomes = (out: string) =>
      (JSON.parse(readFileSync(join(dir, out, "results.json"), "utf8")) as { results: { fingerprint: string; status: string }[] }).results.map((e) => [e.fingerprint, e.status]);
    expect(outcomes("large")).toEqual(outcomes("small"));
    expect(outcomes("small").length).toBeGreaterThan(50);
  });
});
