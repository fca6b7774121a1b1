import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ErguardError } from "../../src/errors.js";
import { fingerprintOf, type ResultEntry, type Results } from "../../src/evaluate/results.js";
import { FINGERPRINT_KEY, checkGithubLimits, renderSarif, type SarifLog, type SarifProfile, type SarifResult } from "../../src/report/sarif.js";
import { FIXTURE_NAMES, fixture } from "../results-fixtures.js";

// The official OASIS schema (errata01) is draft-04; ajv reads it as draft-07 once its `id` is
// `$id`. It is not written for ajv's strict mode, so that is off for this one schema.
const schemaText = readFileSync(new URL("./schemas/sarif-schema-2.1.0.json", import.meta.url), "utf8");
const { $schema: _draft04, id, ...schema } = JSON.parse(schemaText) as { $schema: string; id: string };
const ajv = new Ajv({ strict: false, allErrors: true });
ajvFormats.default(ajv);
const validateSarif = ajv.compile({ ...schema, $id: id });

const PROFILES: readonly SarifProfile[] = ["github", "full"];

function sarif(results: Results, profile: SarifProfile, category?: string): SarifLog {
  return JSON.parse(renderSarif(results, { profile, ...(category ? { category } : {}) })) as SarifLog;
}

type Loc = { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } }; logicalLocations?: { fullyQualifiedName: string }[] };

describe("SARIF", () => {
  it.each(FIXTURE_NAMES.flatMap((name) => PROFILES.map((profile) => [name, profile] as const)))(
    "renders the %s results as valid SARIF 2.1.0 under the %s profile",
    async (name, profile) => {
      const log = sarif(await fixture(name), profile);
      expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    },
  );

  it("describes the tool and every rule as GitHub reads them", async () => {
    const results = await fixture("csp-nightly");
    const { driver } = sarif(results, "github").runs[0].tool;
    expect(driver).toMatchObject({ name: "erguard", version: "0.1.0", informationUri: "https://github.com/erguard/erguard" });
    expect(driver.rules.map((r) => r["id"])).toEqual(results.rules.map((r) => r.id));
    const nsg = driver.rules.find((r) => r["id"] === "ERG-NSG-001")!;
    expect(nsg).toMatchObject({
      name: "ManagementPortsFromInternet",
      shortDescription: { text: "NSG allows management ports from the Internet" },
      helpUri: "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview",
      defaultConfiguration: { level: "error" },
      properties: { "security-severity": "9.5", tags: ["security", "expressroute", "nsg", "mcsb:NS-1", "cis-azure:6.1", "cis-azure:6.2", "psrule:Azure.NSG.AnyInboundSource"] },
    });
    expect((nsg["help"] as { markdown: string }).markdown).toContain("**Remediation.** Restrict the source");
    const severities = Object.fromEntries(driver.rules.map((r) => [r["id"], (r["properties"] as Record<string, unknown>)["security-severity"]]));
    expect(severities).toMatchObject({ "ERG-ISO-001": "9.5", "ERG-ENC-001": "8.0", "ERG-FT-001": "5.5", "ERG-RTE-002": "3.0", "ERG-HYG-001": undefined });
  });

  it("gives every result a level, a stable fingerprint and a physical location with a line", async () => {
    for (const name of FIXTURE_NAMES) {
      const results = await fixture(name);
      for (const r of sarif(results, "full").runs[0].results) {
        expect(["error", "warning", "note"]).toContain(r.level);
        const loc = r.locations[0] as Loc;
        expect(loc.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
        expect(loc.physicalLocation.artifactLocation.uri).not.toBe("");
        expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it("locates an IaC finding at its template line, relative to the repository root", async () => {
    const result = sarif(await fixture("pr-iac"), "github").runs[0].results.find((r) => r.ruleId === "ERG-NSG-001")!;
    const loc = result.locations[0] as Loc;
    expect(loc.physicalLocation).toEqual({ artifactLocation: { uri: "infra/network.json", uriBaseId: "%SRCROOT%" }, region: { startLine: 31 } });
    expect(loc.logicalLocations?.map((l) => l.fullyQualifiedName)).toContain("nsgWorkloads");
  });

  it("locates a live finding at its resource id and its line in the snapshot file", async () => {
    const results = await fixture("csp-nightly");
    const entry = results.results.find((e) => e.ruleId === "ERG-FT-001")!;
    const result = sarif(results, "github").runs[0].results.find((r) => r.ruleId === "ERG-FT-001")!;
    const loc = result.locations[0] as Loc;
    expect(loc.physicalLocation).toEqual({
      artifactLocation: { uri: "snapshots/csp-2025-06-02.json", uriBaseId: "%SRCROOT%" },
      region: { startLine: entry.snapshotLine },
    });
    expect(loc.logicalLocations?.[0]?.fullyQualifiedName).toBe(entry.resourceId);
  });

  it("gives each result its own location and customer, when results of one resource id differ in them", async () => {
    const results = await fixture("csp-nightly");
    const template = results.results.find((e) => e.status === "fail" && e.customer !== undefined)!;
    const variants: ResultEntry[] = [
      template,
      { ...template, ruleId: "ERG-FT-001", snapshotLine: 999 },
      { ...template, ruleId: "ERG-FT-001", customer: "fabrikam" },
      { ...template, ruleId: "ERG-FT-001", customer: "fabrikam", resourceName: "renamed" },
      { ...template, status: "unknown", customer: "fabrikam", resourceName: "renamed" },
      { ...template, status: "unknown", resourceName: "renamed" },
    ];
    const run = sarif({ ...results, results: variants }, "full").runs[0];
    const facts = (r: SarifResult) => {
      const loc = r.locations[0] as Loc & { logicalLocations: { name?: string }[] };
      return [loc.physicalLocation.region.startLine, loc.logicalLocations[0]?.name, (r["properties"] as { customer?: string }).customer];
    };
    expect(run.results.map(facts)).toEqual(
      variants.map((e) => [e.snapshotLine, e.resourceName, e.customer]),
    );
  });

  it("keeps fingerprints stable across runs, result order and a finding's moved line", async () => {
    const now = await fixture("pr-iac");
    const before = await fixture("pr-iac-base");
    const reversed = { ...now, results: [...now.results].reverse() };
    const prints = (log: SarifLog) => Object.fromEntries(log.runs[0].results.map((r) => [r.ruleId, r.partialFingerprints[FINGERPRINT_KEY]]));
    expect(prints(sarif(reversed, "github"))).toEqual(prints(sarif(now, "github")));
    const gateway = (log: SarifLog) => log.runs[0].results.find((r) => r.ruleId === "ERG-RED-002");
    expect((gateway(sarif(before, "github"))?.locations[0] as Loc).physicalLocation.region.startLine).toBe(109);
    expect(gateway(sarif(now, "github"))?.partialFingerprints).toEqual(gateway(sarif(before, "github"))?.partialFingerprints);
    const entry = now.results.find((e) => e.ruleId === "ERG-RED-002")!;
    expect(gateway(sarif(now, "github"))?.partialFingerprints[FINGERPRINT_KEY]).toBe(fingerprintOf(entry.ruleId, entry.resourceId));
  });

  it("carries only failing, unwaived results under the github profile", async () => {
    const results = await fixture("csp-nightly");
    const run = sarif(results, "github").runs[0];
    expect(run.results).toHaveLength(results.results.filter((e) => e.status === "fail").length);
    expect(run.results.every((r) => r["suppressions"] === undefined && r["kind"] === undefined)).toBe(true);
  });

  it("carries waived results as accepted suppressions with their justification under the full profile", async () => {
    const run = sarif(await fixture("csp-nightly"), "full").runs[0];
    const waived = run.results.filter((r) => r["suppressions"] !== undefined);
    expect(waived).toHaveLength(1);
    expect(waived[0]).toMatchObject({
      ruleId: "ERG-RED-002",
      level: "warning",
      suppressions: [
        {
          kind: "external",
          status: "accepted",
          justification: "Customer accepted the risk until the gateway migration window (change CHG-20931) (owner: j.doe@fabrikam.example; expires 2025-12-31)",
        },
      ],
    });
  });

  it("carries unknown and manual outcomes as notes under the full profile, and passes nowhere", async () => {
    const results = await fixture("csp-nightly");
    const run = sarif(results, "full").runs[0];
    const notes = run.results.filter((r) => ["unknown", "manual"].includes((r["properties"] as { status: string }).status));
    expect(notes.map((r) => [r.ruleId, r.level, r.message.text.split(":")[0]])).toEqual([
      ["ERG-ENC-002", "note", "Needs an attestation"],
      ["ERG-RTE-003", "note", "Not determinable from this source"],
    ]);
    const statuses = run.results.map((r) => (r["properties"] as { status: string }).status);
    expect(statuses).not.toContain("pass");
    expect(statuses).not.toContain("error");
  });

  it("reports an incomplete scan as unsuccessful, with a notification per rule and collection error", async () => {
    const invocation = sarif(await fixture("csp-nightly"), "github").runs[0].invocations[0] as {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: string; message: { text: string }; associatedRule?: { id: string; index: number } }[];
    };
    expect(invocation.executionSuccessful).toBe(false);
    const texts = invocation.toolExecutionNotifications.map((n) => n.message.text);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^rule ERG-RTE-003: /);
    expect(texts[1]).toMatch(/^collection incomplete for c9b8a7d6-5e4f-4a3b-9c2d-1e0f9a8b7c33: Resource Graph throttled/);
    expect(invocation.toolExecutionNotifications[0]?.associatedRule?.id).toBe("ERG-RTE-003");
    const clean = sarif(await fixture("pr-iac"), "github").runs[0].invocations[0] as { executionSuccessful: boolean };
    expect(clean.executionSuccessful).toBe(true);
  });

  it("warns of expired and stale waivers", async () => {
    const invocation = sarif(await fixture("csp-nightly"), "full").runs[0].invocations[0] as {
      toolConfigurationNotifications: { level: string; descriptor: { id: string } }[];
    };
    expect(invocation.toolConfigurationNotifications.map((n) => [n.descriptor.id, n.level])).toEqual([
      ["waiver_expired", "warning"],
      ["waiver_stale", "note"],
    ]);
  });

  it("sets the category so that several scans of one repository coexist", async () => {
    const results = await fixture("pr-iac");
    expect(sarif(results, "github").runs[0].automationDetails.id).toBe("erguard/arm/");
    expect(sarif(results, "github", "nightly/contoso").runs[0].automationDetails.id).toBe("nightly/contoso/");
  });

  it("refuses, saying why, a run over GitHub's result limit", async () => {
    const results = await fixture("pr-iac");
    const template = results.results.find((e) => e.status === "fail")!;
    const many: ResultEntry[] = Array.from({ length: 25_001 }, (_, i) => {
      const resourceId = `${template.resourceId}-${i}`;
      return { ...template, resourceId, fingerprint: fingerprintOf(template.ruleId, resourceId) };
    });
    const big = { ...results, results: many };
    expect(() => renderSarif(big, { profile: "github" })).toThrow(ErguardError);
    expect(() => renderSarif(big, { profile: "github" })).toThrow(/25001 results, over GitHub code scanning's limit of 25000: split the upload/);
    expect(JSON.parse(renderSarif(big, { profile: "full" })).runs[0].results).toHaveLength(25_001);
  });

  it("measures the upload size after gzip, as GitHub does", async () => {
    const text = renderSarif(await fixture("pr-iac"), { profile: "github" });
    const log = JSON.parse(text) as SarifLog;
    expect(() => checkGithubLimits(log, text, { gzipBytes: 500, resultsPerRun: 25_000, rulesPerRun: 25_000 })).toThrow(/bytes after gzip, over GitHub code scanning's limit of 500/);
    expect(() => checkGithubLimits(log, text)).not.toThrow();
  });
});
