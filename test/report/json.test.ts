import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErguardError } from "../../src/errors.js";
import { fingerprintOf } from "../../src/evaluate/results.js";
import { loadResults, parseResults, renderJson } from "../../src/report/json.js";
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
