import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ErguardError } from "../errors.js";
import { loadConfig, parseConfig } from "./config.js";

function configError(yaml: string): ErguardError {
  try {
    parseConfig(yaml, "erguard.yaml");
  } catch (err) {
    if (err instanceof ErguardError) return err;
    throw err;
  }
  throw new Error("the config was accepted");
}

const VALID = `# estate settings
waivers:
  - rule: ERG-RED-002
    resource: /subscriptions/*/resourceGroups/rg-fab-network/**
    reason: Gateway migration scheduled (CHG-20931)
    owner: j.doe@fabrikam.example
    expires: 2025-12-31
attestations:
  - rule: ERG-ENC-002
    resource: /subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-1
    evidence: https://wiki.example.com/reviews/er-1
    attestedBy: ciso@example.com
    date: 2025-05-01
policy:
  encryption:
    accept_appliances: true
`;

describe("erguard.yaml", () => {
  it("reads waivers, attestations and a free-form policy section, keeping dates as YYYY-MM-DD", () => {
    const config = parseConfig(VALID, "erguard.yaml");
    expect(config.waivers).toEqual([
      {
        rule: "ERG-RED-002",
        resource: "/subscriptions/*/resourceGroups/rg-fab-network/**",
        reason: "Gateway migration scheduled (CHG-20931)",
        owner: "j.doe@fabrikam.example",
        expires: "2025-12-31",
      },
    ]);
    expect(config.attestations?.[0]?.date).toBe("2025-05-01");
    expect(config.policy).toEqual({ encryption: { accept_appliances: true } });
  });

  it("tells an absent waivers section from an empty one", () => {
    expect(parseConfig("policy: {}\n", "erguard.yaml").waivers).toBeUndefined();
    expect(parseConfig("waivers:\n", "erguard.yaml").waivers).toEqual([]);
    expect(parseConfig("", "erguard.yaml")).toEqual({ file: "erguard.yaml" });
  });

  it("names the line of a waiver without a reason", () => {
    const err = configError(VALID.replace("    reason: Gateway migration scheduled (CHG-20931)\n", ""));
    expect(err.code).toBe("bad_config");
    expect(err.message).toBe('waivers[0]: missing required property "reason"');
    expect(err.location).toMatchObject({ file: "erguard.yaml", line: 3 });
  });

  it("names the line of an impossible expiry date", () => {
    const err = configError(VALID.replace("2025-12-31", "2025-02-30"));
    expect(err.message).toBe("waivers[0].expires: must be a valid date (YYYY-MM-DD)");
    expect(err.location?.line).toBe(7);
  });

  it("names a misspelt key with the keys it knows", () => {
    const err = configError(VALID.replace("    owner:", "    ownr:"));
    expect(err.message).toBe("waivers[0].ownr: is not a known property (known: rule, resource, reason, owner, expires)");
    expect(err.location?.line).toBe(6);
  });

  it("refuses an unknown top-level section", () => {
    const err = configError("waiver:\n  - rule: x\n");
    expect(err.message).toBe("waiver: is not a known property (known: waivers, attestations, policy)");
    expect(err.location?.line).toBe(1);
  });

  it("names the line of a YAML syntax error and of a duplicate key", () => {
    expect(configError("waivers:\n  - rule: [unclosed\n").location?.line).toBeGreaterThanOrEqual(2);
    const dup = configError("policy: {}\npolicy: {}\n");
    expect(dup.message).toMatch(/invalid YAML: .*unique/i);
    expect(dup.location?.line).toBe(2);
  });

  it("finds erguard.yaml in the working directory, and fails on a --config file that is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "erguard-config-"));
    expect(await loadConfig({ cwd: dir })).toBeUndefined();
    await writeFile(join(dir, "erguard.yaml"), VALID);
    expect((await loadConfig({ cwd: dir }))?.waivers).toHaveLength(1);
    await expect(loadConfig({ cwd: dir, file: join(dir, "other.yaml") })).rejects.toMatchObject({ code: "not_found" });
  });
});
