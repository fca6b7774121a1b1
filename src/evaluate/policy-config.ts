// The `policy:` section of erguard.yaml: parameters of the built-in bundle, deep-merged over
// the documented defaults in policies/data.yaml and given to the rules as data.erguard.config.
// config.ts keeps the section free-form; the evaluation checks it here, so that a misspelt key
// or a wrong type stops the run with the JSON pointer of the offending value instead of
// silently changing what a rule checks. Every key is optional (the defaults fill in), and
// `custom` is free-form for the parameters of users' own bundles.

import { ErguardError } from "../errors.js";
import { deepMerge, type LoadedBundle } from "./bundle.js";
import type { ErguardConfig } from "./config.js";
import { schemaCheck } from "./schema-check.js";

const text = { type: "string", minLength: 1 } as const;
const texts = { type: "array", items: text } as const;
const bool = { type: "boolean" } as const;
const count = { type: "integer", minimum: 0 } as const;

// An IPv4 or IPv6 prefix such as 10.0.0.0/8 or 2001:db8::/32 (a bare address is a host).
const prefix = { type: "string", pattern: "^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$" } as const;

const object = <P extends Record<string, unknown>>(properties: P) =>
  ({ type: "object", additionalProperties: false, properties }) as const;

const range = object({ min: count, max: count });

// One customer's requirements (customer_defaults, and each entry of customers).
const CUSTOMER_REQUIREMENTS = object({
  forced_tunneling: bool,
  encryption: { enum: ["none", "ipsec", "macsec", "firewall", "any"] },
  separate_routing_domains: bool,
  min_circuits: count,
  approved_communities: { type: "array", items: { type: "string", pattern: "^[0-9]+:[0-9]+$" } },
  onpremises_prefixes: { type: "array", items: prefix },
  public_prefixes: { type: "array", items: prefix },
});

export const POLICY_CONFIG_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    customer_tag: text,
    customer_defaults: CUSTOMER_REQUIREMENTS,
    customers: { type: "object", additionalProperties: CUSTOMER_REQUIREMENTS },
    circuit: object({
      allowed_tiers: texts,
      allowed_families: texts,
      bandwidth_mbps: range,
      direct_bandwidth_gbps: range,
      standard_max_connections: count,
    }),
    gateway: object({
      legacy_skus: texts,
      zone_redundant_skus: texts,
      scale_min_units: count,
      max_gateway_subnet_prefix_length: { type: "integer", minimum: 0, maximum: 128 },
      fastpath_skus: texts,
      vpn_legacy_skus: texts,
      vpn_zone_redundant_skus: texts,
    }),
    routing: object({
      approved_communities: { type: "array", items: { type: "string", pattern: "^[0-9]+:[0-9]+$" } },
      max_prefixes: object({ standard: count, premium: count }),
      prefix_warning_ratio: { type: "number", exclusiveMinimum: 0, maximum: 1 },
    }),
    encryption: object({
      ike_protocols: texts,
      require_custom_ipsec_policy: bool,
      ike_encryption: texts,
      ike_integrity: texts,
      dh_groups: texts,
      ipsec_encryption: texts,
      ipsec_integrity: texts,
      pfs_groups: texts,
      macsec_ciphers: texts,
    }),
    nsg: object({
      exempt_subnets: texts,
      public_ports: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 } },
      management_ports: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 } },
      lateral_ports: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 } },
    }),
    // Parameters of users' own bundles (data.erguard.config.custom): not checked.
    custom: { type: "object" },
  },
} as const;

const check = schemaCheck(POLICY_CONFIG_SCHEMA);

// Throws bad_config naming the JSON pointer of the first problem (/policy/circuit/…), so that
// the user can find the value in erguard.yaml. A null or absent section is valid.
export function validatePolicyConfig(value: unknown, file: string): void {
  if (value === undefined || value === null) return;
  const problem = check(value)[0];
  if (problem === undefined) return;
  throw new ErguardError("bad_config", `${pointer(["policy", ...problem.path])}: ${problem.message}`, { file });
}

// RFC 6901: "~" and "/" in a key are escaped.
function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => "/" + String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

// The bundle parameters a scan evaluates with: the bundle's documented defaults
// (data.erguard.config) with erguard.yaml's policy: section, checked, over them. Undefined
// when erguard.yaml sets none (the defaults in the bundle's data apply as they are).
export function effectivePolicyConfig(bundle: LoadedBundle, config: ErguardConfig | undefined): Record<string, unknown> | undefined {
  if (config?.policy === undefined) return undefined;
  validatePolicyConfig(config.policy, config.file);
  const erguard = bundle.data["erguard"];
  const defaults = isRecord(erguard) ? erguard["config"] : undefined;
  return deepMerge(isRecord(defaults) ? defaults : {}, config.policy);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
