// OPA's own conformance cases are the judge of the Rego engine. Every case recorded in
// passing.txt passed once; a case that passed and now fails is a regression.
//   Record new passes with: npm run conformance:record
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseKey, runConformance } from "./run.ts";

const root = join(import.meta.dirname, "..", "..");
const casesDir = join(root, "..", "shared", "opa-conformance");

describe("OPA conformance", () => {
  it("keeps passing every case that passed before", () => {
    expect(existsSync(join(root, "dist", "rego", "index.js")), "build first: npm run build").toBe(true);
    const results = runConformance(root, casesDir);
    const passingNow = new Set(results.filter((r) => r.ok).map(caseKey));
    const recorded = readFileSync(join(import.meta.dirname, "passing.txt"), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#"));
    const regressions = recorded.filter((k) => !passingNow.has(k));
    expect(regressions, "cases that passed before and fail now").toEqual([]);
    // The record is not allowed to be trivially small: the engine passes hundreds of cases.
    expect(recorded.length).toBeGreaterThan(400);
  });

  it("runs every case file of the shared suite", () => {
    const out = execFileSync("find", [casesDir, "-name", "*.json"], { encoding: "utf8" });
    expect(out.trim().split("\n").length).toBeGreaterThan(150);
  });
});
