import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ErguardError } from "../errors.js";
import { BUILTIN_POLICY_DIR } from "./bundle.js";
import { POLICY_CONFIG_SCHEMA, validatePolicyConfig } from "./policy-config.js";

const defaults = (parse(readFileSync(`${BUILTIN_POLICY_DIR}/data.yaml`, "utf8")) as { erguard: { config: Record<string, unknown> } }).erguard
  .config;

function failure(value: unknown): ErguardError {
  try {
    validatePolicyConfig(value, "erguard.yaml");
  } catch (e) {
    if (e instanceof ErguardError) return e;
    throw e;
  }
  throw new Error("expected validatePolicyConfig to throw");
}

// Every key path of a JSON value's objects, for comparing the defaults with the schema.
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

function schemaPaths(schema: unknown, prefix = ""): string[] {
  const props = (schema as { properties?: Record<string, unknown> }).properties;
  if (props === undefined) return [];
  return Object.entries(props).flatMap(([k, v]) => [`${prefix}${k}`, ...schemaPaths(v, `${prefix}${k}.`)]);
}

describe("validatePolicyConfig", () => {
  it("accepts the bundle's documented defaults, and an absent section", () => {
    expect(() => validatePolicyConfig(defaults, "policies/data.yaml")).not.toThrow();
    expect(() => validatePolicyConfig(undefined, "erguard.yaml")).not.toThrow();
    expect(() => validatePolicyConfig(null, "erguard.yaml")).not.toThrow();
  });

  it("documents every parameter the schema knows in the defaults, and no other", () => {
    const documented = keyPaths(defaults).filter((p) => !p.startsWith("customers."));
    const known = schemaPaths(POLICY_CONFIG_SCHEMA).filter((p) => p !== "custom");
    expect(documented.sort()).toEqual(known.sort());
  });

  it("accepts per-customer requirements and free-form custom parameters", () => {
    expect(() =>
      validatePolicyConfig(
        {
          customers: { contoso: { forced_tunneling: true, encryption: "ipsec", onpremises_prefixes: ["172.16.0.0/12", "2001:db8::/32"] } },
          circuit: { bandwidth_mbps: { max: 2000 } },
          custom: { anything: [1, 2] },
        },
        "erguard.yaml",
      ),
    ).not.toThrow();
  });

  it("names a misspelt key by its JSON pointer", () => {
    const e = failure({ circuit: { bandwith_mbps: { min: 50 } } });
    expect(e.code).toBe("bad_config");
    expect(e.location?.file).toBe("erguard.yaml");
    expect(e.message).toMatch(/^\/policy\/circuit\/bandwith_mbps: is not a known property/);
  });

  it("names a value of the wrong type or outside its set by its JSON pointer", () => {
    expect(failure({ customers: { contoso: { encryption: "rot13" } } }).message).toMatch(
      /^\/policy\/customers\/contoso\/encryption: must be one of "none", "ipsec"/,
    );
    expect(failure({ nsg: { management_ports: [22, "ssh"] } }).message).toMatch(/^\/policy\/nsg\/management_ports\/1: /);
    expect(failure({ routing: { approved_communities: ["12076-5010"] } }).message).toMatch(/^\/policy\/routing\/approved_communities\/0: /);
  });

  it("escapes slashes in keys of the pointer", () => {
    expect(failure({ customers: { "a/b": { min_circuits: -1 } } }).message).toMatch(/^\/policy\/customers\/a~1b\/min_circuits: /);
  });
});
