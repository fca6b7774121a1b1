import { describe, expect, it } from "vitest";
import { applyBaseline } from "../../src/evaluate/baseline.js";
import { gate } from "../../src/evaluate/exit-code.js";
import type { Results } from "../../src/evaluate/results.js";
import { fixture } from "../results-fixtures.js";

function withoutErrors(results: Results): Results {
  return {
    ...results,
    errors: [],
    snapshot: { ...results.snapshot, source: { ...results.snapshot.source, errors: [] } },
    results: results.results.filter((e) => e.status !== "error"),
  };
}

describe("gate", () => {
  it("exits 1 on a failing finding at or above --fail-on and 0 below it", async () => {
    const results = await fixture("pr-iac"); // fails: high, medium, critical
    expect(gate(results, "high")).toEqual({ code: 1, reason: "2 failing findings at or above high" });
    expect(gate(results, "critical").code).toBe(1);
    expect(gate({ ...results, results: results.results.filter((e) => e.severity !== "critical") }, "critical")).toEqual({
      code: 0,
      reason: "no failing findings at or above critical",
    });
  });

  it("exits 2 when a rule errored or the collection was incomplete, whatever the threshold", async () => {
    const results = await fixture("csp-nightly");
    const outcome = gate(results, "none");
    expect(outcome.code).toBe(2);
    expect(outcome.reason).toMatch(/^the results are incomplete: rule ERG-RTE-003: .* \(and 2 more\)$/);
    const clean = withoutErrors(results);
    expect(gate({ ...clean, snapshot: results.snapshot }, "high").code).toBe(2);
    expect(gate({ ...clean, errors: results.errors }, "high").code).toBe(2);
    expect(gate(clean, "high").code).toBe(1);
  });

  it("does not count waived, unknown or manual entries", async () => {
    const clean = withoutErrors(await fixture("csp-nightly"));
    const notFailing = { ...clean, results: clean.results.filter((e) => e.status !== "fail") };
    expect(notFailing.results.map((e) => e.status)).toEqual(expect.arrayContaining(["waived", "unknown", "manual"]));
    expect(gate(notFailing, "info").code).toBe(0);
  });

  it("with a baseline counts only new findings", async () => {
    const compared = applyBaseline(await fixture("pr-iac"), await fixture("pr-iac-base"), "base.json");
    expect(gate(compared, "high")).toEqual({ code: 1, reason: "1 new failing finding at or above high" });
    const onlyExisting = { ...compared, results: compared.results.filter((e) => e.baselineState !== "new") };
    expect(gate(onlyExisting, "info").code).toBe(0);
  });

  it("never fails on findings with --fail-on none", async () => {
    expect(gate(await fixture("pr-iac"), "none").code).toBe(0);
  });
});
