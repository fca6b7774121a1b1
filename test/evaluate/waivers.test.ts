import { describe, expect, it } from "vitest";
import { applyWaivers } from "../../src/evaluate/waivers.js";
import type { ResultEntry, Results, Waiver } from "../../src/evaluate/results.js";
import { fixture } from "../results-fixtures.js";

const FAB = "/subscriptions/a3e5d7f9-1b2c-4d6e-8f0a-3b5c7d9e1f22";
const JUNE = new Date("2025-06-02T10:00:00Z");

function waiver(over: Partial<Waiver>): Waiver {
  return { rule: "ERG-*", resource: "**", reason: "accepted risk", owner: "secops@csp.example", expires: "2025-12-31", ...over };
}

function entriesOf(results: Results, ruleId: string): ResultEntry[] {
  return results.results.filter((e) => e.ruleId === ruleId);
}

describe("applyWaivers", () => {
  it("turns a matching fail into waived and records the waiver on it", async () => {
    const w = waiver({ rule: "ERG-RED-001", resource: `${FAB}/resourceGroups/*/providers/Microsoft.Network/expressRouteCircuits/*` });
    const out = applyWaivers(await fixture("csp-nightly"), [w], JUNE);
    const [fab] = entriesOf(out, "ERG-RED-001").filter((e) => e.status !== "pass");
    expect(fab).toMatchObject({ status: "waived", customer: "fabrikam", waiver: { ...w, expired: false } });
    expect(out.waivers).toEqual({ expired: [], stale: [] });
  });

  it("matches resource ids and rule ids regardless of case", async () => {
    const w = waiver({ rule: "erg-red-001", resource: `${FAB.toUpperCase()}/RESOURCEGROUPS/**` });
    const out = applyWaivers(await fixture("csp-nightly"), [w], JUNE);
    expect(entriesOf(out, "ERG-RED-001").map((e) => e.status)).toContain("waived");
  });

  it("keeps a finding failing under an expired waiver and reports the waiver as expired", async () => {
    const w = waiver({ rule: "ERG-RED-001", resource: `${FAB}/**`, expires: "2025-06-01" });
    const out = applyWaivers(await fixture("csp-nightly"), [w], JUNE);
    const fab = entriesOf(out, "ERG-RED-001").find((e) => e.customer === "fabrikam");
    expect(fab).toMatchObject({ status: "fail", waiver: { expired: true, expires: "2025-06-01" } });
    expect(out.waivers.expired).toEqual([w]);
    expect(out.waivers.stale).toEqual([]);
  });

  it("keeps a waiver active through the day it expires", async () => {
    const w = waiver({ rule: "ERG-RED-001", resource: `${FAB}/**`, expires: "2025-06-02" });
    const out = applyWaivers(await fixture("csp-nightly"), [w], JUNE);
    expect(entriesOf(out, "ERG-RED-001").find((e) => e.customer === "fabrikam")?.status).toBe("waived");
  });

  it("reports a waiver that waives no failing finding as stale", async () => {
    const passingOnly = waiver({ rule: "ERG-ISO-001" });
    const nothing = waiver({ rule: "ERG-NSG-*", resource: "/subscriptions/*/resourceGroups/rg-legacy-*/**" });
    const out = applyWaivers(await fixture("csp-nightly"), [passingOnly, nothing], JUNE);
    expect(out.waivers.stale).toEqual([passingOnly, nothing]);
    expect(out.results.filter((e) => e.status === "waived")).toEqual([]);
  });

  it("never waives an error, an unknown or a manual outcome", async () => {
    const out = applyWaivers(await fixture("csp-nightly"), [waiver({})], JUNE);
    const statuses = new Set(out.results.map((e) => e.status));
    expect(statuses).toEqual(new Set(["pass", "waived", "unknown", "manual", "error"]));
  });

  it("undoes waivers recorded in the results before applying today's, so applying twice changes nothing", async () => {
    const results = await fixture("csp-nightly");
    const none = applyWaivers(results, [], JUNE);
    expect(none.results.filter((e) => e.status === "waived" || e.waiver)).toEqual([]);
    const once = applyWaivers(results, [waiver({ rule: "ERG-FT-001" })], JUNE);
    expect(applyWaivers(once, [waiver({ rule: "ERG-FT-001" })], JUNE)).toEqual(once);
  });

  it("waives a resource-less finding only with a waiver for every resource", async () => {
    const results = await fixture("pr-iac");
    const stringFinding = { ...results.results[0]!, resourceId: null };
    const withString = { ...results, results: [stringFinding] };
    expect(applyWaivers(withString, [waiver({ resource: "/subscriptions/**" })], JUNE).results[0]?.status).toBe("fail");
    expect(applyWaivers(withString, [waiver({ resource: "**" })], JUNE).results[0]?.status).toBe("waived");
  });
});
