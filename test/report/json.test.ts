import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErguardError } from "../../src/errors.js";
import { fingerprintOf } from "../../src/evaluate/results.js";
import { joinChunks } from "../../src/report/chunk-builder.js";
import { jsonChunks } from "../../src/report/json-chunks.js";
import { loadResults, parseResults, renderJson, renderJsonChunks } from "../../src/report/json.js";
import { FIXTURE_NAMES, fixture, fixturePath } from "../results-fixtures.js";

async function rejection(promise: Promise<unknown>): Promise<ErguardError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ErguardError);
  return err as ErguardError;
}

function parseError(text: string): ErguardError {
  return rejectionSync(() => parseResults(text, "results.json"));
}

function rejectionSync(fn: () => unknown): ErguardError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ErguardError);
    return err as ErguardError;
  }
  throw new Error("expected an ErguardError");
}

describe("loadResults", () => {
  it.each(FIXTURE_NAMES)("loads the %s fixture, whose fingerprints follow the contract", async (name) => {
    const results = await fixture(name);
    expect(results.results.length).toBeGreaterThan(0);
    for (const e of results.results) expect(e.fingerprint).toBe(fingerprintOf(e.ruleId, e.resourceId, e.message));
  });

  it("reads back what renderJson wrote", async () => {
    const results = await fixture("csp-nightly");
    expect(parseResults(renderJson(results), "again.json")).toEqual(results);
  });

  it("says a missing file is not found", async () => {
    const err = await rejection(loadResults("/nonexistent/results.json"));
    expect(err.code).toBe("not_found");
  });

  it("names the line of invalid JSON", () => {
    const err = parseError('{\n  "resultsVersion": 1,\n  "tool": {,\n}');
    expect(err.code).toBe("bad_input");
    expect(err.message).toMatch(/invalid JSON/);
    expect(err.location?.line).toBe(3);
  });

  it("names the field and the line of a status the contract does not know", async () => {
    const text = await readFile(fixturePath("pr-iac"), "utf8");
    const broken = text.replace('"status": "unknown"', '"status": "maybe"');
    const err = parseError(broken);
    expect(err.code).toBe("bad_input");
    expect(err.message).toMatch(/results\[3\]\.status: must be one of "fail", "error"/);
    expect(err.location?.line).toBe(broken.split("\n").findIndex((l) => l.includes('"maybe"')) + 1);
  });

  it("names a missing required property at its object", async () => {
    const results = JSON.parse(await readFile(fixturePath("pr-iac"), "utf8")) as { policy: Record<string, unknown> };
    delete results.policy["sha256"];
    const err = parseError(JSON.stringify(results, null, 2));
    expect(err.message).toMatch(/policy: missing required property "sha256"/);
  });

  it("refuses a results version it does not read, saying which it reads", () => {
    const err = parseError('{ "resultsVersion": 2 }');
    expect(err.message).toBe("unsupported resultsVersion 2: this erguard reads resultsVersion 1");
    expect(err.location?.line).toBe(1);
  });

  it("refuses a results entry whose rule is not among the rules", async () => {
    const results = JSON.parse(await readFile(fixturePath("pr-iac"), "utf8")) as { rules: { id: string }[] };
    results.rules = results.rules.filter((r) => r.id !== "ERG-NSG-001");
    const err = parseError(JSON.stringify(results, null, 2));
    expect(err.message).toMatch(/results\[2\] names rule "ERG-NSG-001", which is not among its rules/);
  });

  it("loads a file written to disk with renderJson", async () => {
    const dir = await mkdtemp(join(tmpdir(), "erguard-json-"));
    const results = await fixture("hostile");
    await writeFile(join(dir, "r.json"), renderJson(results));
    expect(await loadResults(join(dir, "r.json"))).toEqual(results);
  });
});

describe("renderJson", () => {
  it("writes one results entry per line and indents the rest as JSON.stringify does", async () => {
    const results = await fixture("csp-nightly");
    const lines = renderJson(results).split("\n");
    const start = lines.indexOf('  "results": [');
    expect(start).toBeGreaterThan(0);
    const entryLines = lines.slice(start + 1, start + 1 + results.results.length);
    expect(entryLines.map((l) => JSON.parse(l.trim().replace(/,$/, "")))).toEqual(results.results);
    expect(lines[start + 1 + results.results.length]).toBe("  ],");
    // Outside the results the text is exactly the indented document.
    const { results: _entries, ...rest } = results;
    const outside = [...lines.slice(0, start), ...lines.slice(start + 2 + results.results.length)].join("\n");
    expect(outside).toBe(JSON.stringify(rest, null, 2) + "\n");
  });

  it("hands a large results file out in chunks that join into the same document", async () => {
    const results = await fixture("pr-iac");
    const entry = results.results[0]!;
    const many = { ...results, results: Array.from({ length: 20_000 }, (_, i) => ({ ...entry, message: `finding ${i} `.repeat(10) })) };
    // A byte chunk is valid until the next is asked for: decoded as it comes.
    const chunks = Array.from(renderJsonChunks(many), (c) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8")));
    expect(chunks.length).toBeGreaterThan(1);
    expect(JSON.parse(chunks.join(""))).toEqual(many);
  });

  it("writes an empty bulk array as [] and nested bulk arrays at their own indentation", () => {
    const empty: unknown[] = [];
    expect(joinChunks(jsonChunks({ a: 1, list: empty, b: [2] }, empty))).toBe(JSON.stringify({ a: 1, list: [], b: [2] }, null, 2) + "\n");
    const items = [{ x: 1 }, { y: [2, 3] }];
    const text = joinChunks(jsonChunks({ runs: [{ results: items, after: true }] }, items));
    expect(text).toBe('{\n  "runs": [\n    {\n      "results": [\n        {"x":1},\n        {"y":[2,3]}\n      ],\n      "after": true\n    }\n  ]\n}\n');
  });
});
