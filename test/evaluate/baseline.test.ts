import { describe, expect, it } from "vitest";
import { applyBaseline } from "../../src/evaluate/baseline.js";
import { fixture } from "../results-fixtures.js";

describe("applyBaseline", () => {
  it("marks each finding new or existing and lists the findings that are gone as fixed", async () => {
    const out = applyBaseline(await fixture("pr-iac"), await fixture("pr-iac-base"), "base.json");
    const states = Object.fromEntries(out.results.filter((e) => e.baselineState).map((e) => [e.ruleId, e.baselineState]));
    // The gateway finding moved three lines in the template: same fingerprint, still existing.
    expect(states).toEqual({ "ERG-ENC-001": "existing", "ERG-RED-002": "existing", "ERG-NSG-001": "new" });
    expect(out.fixed?.map((f) => f.ruleId)).toEqual(["ERG-FT-001"]);
    expect(out.baseline).toEqual({ file: "base.json", evaluatedAt: "2025-06-01T17:05:02Z" });
  });

  it("leaves passes, unknowns and manual outcomes without a baseline state", async () => {
    const out = applyBaseline(await fixture("pr-iac"), await fixture("pr-iac-base"), "base.json");
    for (const e of out.results.filter((e) => e.status !== "fail" && e.status !== "waived")) {
      expect(e.baselineState).toBeUndefined();
    }
  });

  it("counts a waived finding that was failing before as existing", async () => {
    const current = await fixture("csp-nightly");
    const previous = { ...current, results: current.results.map((e) => (e.status === "waived" ? { ...e, status: "fail" as const } : e)) };
    const out = applyBaseline(current, previous, "prev.json");
    expect(out.results.find((e) => e.status === "waived")?.baselineState).toBe("existing");
    expect(out.results.filter((e) => e.baselineState === "new")).toEqual([]);
    expect(out.fixed).toEqual([]);
  });
});
