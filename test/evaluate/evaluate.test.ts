import { describe, expect, it } from "vitest";
import { loadBundles, userBundle } from "../../src/evaluate/bundle.js";
import { evaluateSnapshot } from "../../src/evaluate/evaluate.js";
import type { Snapshot } from "../../src/snapshot/types.js";

const SUB = "00000000-0000-0000-0000-000000000001";
const rg = `/subscriptions/${SUB}/resourceGroups/rg`;

function nsg(name: string, source: string | { $unknown: string }): Snapshot["resources"][number] {
  const rules = typeof source === "string" ? [{ name: "in", properties: { access: "Allow", sourceAddressPrefix: source } }] : source;
  return {
    id: `${rg}/providers/Microsoft.Network/networkSecurityGroups/${name}`,
    name,
    type: "microsoft.network/networksecuritygroups",
    subscriptionId: SUB,
    properties: { securityRules: rules },
    tags: { owner: "netops" },
  };
}

const snapshot: Snapshot = {
  schemaVersion: 1,
  source: { kind: "azure", collectedAt: "2026-11-01T00:00:00Z", tool: "erguard 0.1.0", scope: { subscriptions: [SUB] }, errors: [] },
  customers: [{ name: "contoso", subscriptions: [SUB], model: "connect-to" }],
  resources: [
    nsg("open", "Internet"),
    nsg("closed", "10.0.0.0/8"),
    nsg("planned", { $unknown: "reference(...)" }),
    { id: `${rg}/providers/Microsoft.Network/expressRouteCircuits/er-1`, name: "er-1", type: "microsoft.network/expressroutecircuits", properties: {}, tags: { "erguard-attest-SAMPLE-MAN-001": "https://wiki/bfd" } },
    { id: `${rg}/providers/Microsoft.Network/expressRouteCircuits/er-2`, name: "er-2", type: "microsoft.network/expressroutecircuits", properties: {} },
    { id: `${rg}/providers/Microsoft.Network/routeTables/rt-1`, name: "rt-1", type: "microsoft.network/routetables", properties: {} },
    { id: `${rg}/providers/Microsoft.Network/routeTables/rt-2`, name: "rt-2", type: "microsoft.network/routetables", properties: {} },
  ],
};

describe("the evaluation stage", async () => {
  const bundle = await loadBundles([userBundle("fixtures/bundles/sample")]);
  const text = JSON.stringify(snapshot, null, 2);
  const results = evaluateSnapshot({ snapshot, snapshotText: text, snapshotFile: "snapshot.json", bundle, now: new Date("2026-11-26T00:00:00Z") });
  const status = (rule: string, name: string | null) =>
    results.results.filter((e) => e.ruleId === rule && (e.resourceName ?? null) === name).map((e) => e.status);

  it("reads each rule's metadata from its package annotation", () => {
    expect(results.rules.map((r) => [r.id, r.severity, r.baseline, r.manual])).toEqual([
      ["SAMPLE-ERR-001", "medium", "hygiene", false],
      ["SAMPLE-MAN-001", "low", "redundancy", true],
      ["SAMPLE-NSG-001", "high", "nsg", false],
      ["main", "medium", "custom", false],
    ]);
  });

  it("gives each resource in scope one entry: fail, unknown or pass", () => {
    expect(status("SAMPLE-NSG-001", "open")).toEqual(["fail"]);
    expect(status("SAMPLE-NSG-001", "planned")).toEqual(["unknown"]);
    expect(status("SAMPLE-NSG-001", "closed")).toEqual(["pass"]);
    const fail = results.results.find((e) => e.ruleId === "SAMPLE-NSG-001" && e.status === "fail")!;
    expect(fail.message).toBe("open allows in from the Internet");
    expect(fail.evidence).toEqual({ rule: "in" });
    expect(fail.customer).toBe("contoso");
    expect(fail.tags).toEqual({ owner: "netops" });
    expect(text.split("\n")[fail.snapshotLine! - 1]!.trim()).toBe("{");
    expect(text.split("\n")[fail.snapshotLine!]!).toContain('"id": "/subscriptions/');
  });

  it("turns manual rules into pass only with an attestation", () => {
    expect(status("SAMPLE-MAN-001", "er-1")).toEqual(["pass"]);
    expect(status("SAMPLE-MAN-001", "er-2")).toEqual(["manual"]);
    expect(results.results.find((e) => e.resourceName === "er-1")!.attestation?.evidence).toBe("https://wiki/bfd");
  });

  it("records a rule that fails to evaluate as an error on every resource in its scope, never a pass", () => {
    expect(status("SAMPLE-ERR-001", "rt-1")).toEqual(["error"]);
    expect(status("SAMPLE-ERR-001", "rt-2")).toEqual(["error"]);
    expect(results.errors).toEqual([
      expect.objectContaining({ ruleId: "SAMPLE-ERR-001", code: "eval_conflict_error" }),
    ]);
  });

  it("reports conftest-style string findings without a resource", () => {
    expect(results.results.filter((e) => e.ruleId === "main")).toEqual([
      expect.objectContaining({ resourceId: null, status: "fail", message: "too many resources" }),
    ]);
  });

  it("records the bundle and snapshot hashes and keeps fingerprints stable", async () => {
    expect(results.policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(results.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = evaluateSnapshot({ snapshot, snapshotText: text, bundle: await loadBundles([userBundle("fixtures/bundles/sample")]) });
    expect(again.results.map((e) => e.fingerprint)).toEqual(results.results.map((e) => e.fingerprint));
    expect(again.policy.sha256).toBe(results.policy.sha256);
  });

  it("selects rules by id glob or baseline with only and skip", () => {
    const only = evaluateSnapshot({ snapshot, bundle, only: ["nsg"] });
    expect(only.rules.map((r) => r.id)).toEqual(["SAMPLE-NSG-001"]);
    const skip = evaluateSnapshot({ snapshot, bundle, skip: ["SAMPLE-*"] });
    expect(skip.rules.map((r) => r.id)).toEqual(["main"]);
  });

  it("applies active waivers from the configuration", () => {
    const waived = evaluateSnapshot({
      snapshot,
      bundle,
      now: new Date("2026-11-26T00:00:00Z"),
      config: {
        file: "erguard.yaml",
        waivers: [{ rule: "SAMPLE-NSG-*", resource: "**/networkSecurityGroups/open", reason: "migration", owner: "netops", expires: "2027-01-01" }],
      },
    });
    expect(waived.results.find((e) => e.resourceName === "open")!.status).toBe("waived");
  });
});
