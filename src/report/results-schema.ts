// The JSON schema of results.json (resultsVersion 1), the contract of src/evaluate/results.ts.
// Reports load saved results months later, so the loader checks them against this schema
// before any reporter reads a field. Unknown properties are allowed, so a newer minor
// addition to the contract does not break an older reader; every known field is checked.

import { ATTESTATION_SCHEMA, WAIVER_SCHEMA } from "../evaluate/config.js";
import { BASELINES, SEVERITIES, STATUSES } from "../evaluate/results.js";

const nonEmpty = { type: "string", minLength: 1 } as const;
const stringList = { type: "array", items: { type: "string" } } as const;
const sha256 = { type: "string", pattern: "^[0-9a-f]{64}$" } as const;
const severity = { enum: [...SEVERITIES] } as const;

const origin = {
  type: "object",
  required: ["file"],
  properties: {
    file: nonEmpty,
    line: { type: "integer", minimum: 1 },
    address: { type: "string" },
  },
} as const;

const rule = {
  type: "object",
  required: [
    "id",
    "title",
    "description",
    "severity",
    "baseline",
    "resourceTypes",
    "references",
    "frameworks",
    "manual",
    "package",
    "file",
    "bundle",
  ],
  properties: {
    id: nonEmpty,
    title: nonEmpty,
    description: { type: "string" },
    severity,
    // User bundles may name baselines of their own.
    baseline: { ...nonEmpty, description: `${BASELINES.join(" | ")} or a user bundle's own` },
    resourceTypes: stringList,
    remediation: { type: "string" },
    references: stringList,
    frameworks: { type: "object", additionalProperties: stringList },
    manual: { type: "boolean" },
    package: { type: "string" },
    file: { type: "string" },
    bundle: { type: "string" },
  },
} as const;

const entry = {
  type: "object",
  required: ["ruleId", "resourceId", "status", "severity", "baseline", "message", "fingerprint"],
  properties: {
    ruleId: nonEmpty,
    resourceId: { type: ["string", "null"] },
    resourceType: { type: "string" },
    resourceName: { type: "string" },
    status: { enum: [...STATUSES] },
    severity,
    baseline: { type: "string" },
    message: { type: "string" },
    evidence: { type: "object" },
    origin,
    snapshotLine: { type: "integer", minimum: 1 },
    tags: { type: "object", additionalProperties: { type: "string" } },
    customer: { type: "string" },
    fingerprint: sha256,
    waiver: {
      ...WAIVER_SCHEMA,
      required: [...WAIVER_SCHEMA.required, "expired"],
      properties: { ...WAIVER_SCHEMA.properties, expired: { type: "boolean" } },
    },
    attestation: ATTESTATION_SCHEMA,
    baselineState: { enum: ["new", "existing"] },
  },
} as const;

const error = {
  type: "object",
  required: ["code", "message"],
  properties: {
    ruleId: { type: "string" },
    scope: { type: "string" },
    code: nonEmpty,
    message: { type: "string" },
  },
} as const;

export const RESULTS_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/erguard/erguard/schemas/results-1.json",
  title: "erguard results (resultsVersion 1)",
  type: "object",
  required: ["resultsVersion", "tool", "evaluatedAt", "policy", "snapshot", "rules", "results", "errors", "waivers"],
  properties: {
    resultsVersion: { const: 1 },
    tool: {
      type: "object",
      required: ["name", "version", "informationUri"],
      properties: {
        name: { const: "erguard" },
        version: nonEmpty,
        informationUri: { type: "string", format: "uri" },
      },
    },
    evaluatedAt: { type: "string", format: "date-time" },
    policy: {
      type: "object",
      required: ["revision", "sha256", "bundles"],
      properties: { revision: { type: "string" }, sha256, bundles: stringList },
    },
    snapshot: {
      type: "object",
      required: ["sha256", "source", "customers"],
      properties: {
        sha256,
        file: { type: "string" },
        source: {
          type: "object",
          required: ["kind", "collectedAt", "scope", "errors"],
          properties: {
            kind: { enum: ["azure", "arm", "terraform", "snapshot"] },
            collectedAt: { type: "string", format: "date-time" },
            scope: { type: "object" },
            errors: {
              type: "array",
              items: {
                type: "object",
                required: ["scope", "code", "message"],
                properties: { scope: { type: "string" }, code: { type: "string" }, message: { type: "string" } },
              },
            },
          },
        },
        customers: {
          type: "array",
          items: {
            type: "object",
            required: ["name"],
            properties: {
              name: nonEmpty,
              model: { type: "string" },
              tenantId: { type: "string" },
              subscriptions: stringList,
            },
          },
        },
      },
    },
    rules: { type: "array", items: rule },
    results: { type: "array", items: entry },
    errors: { type: "array", items: error },
    waivers: {
      type: "object",
      required: ["stale", "expired"],
      properties: {
        stale: { type: "array", items: WAIVER_SCHEMA },
        expired: { type: "array", items: WAIVER_SCHEMA },
      },
    },
    baseline: {
      type: "object",
      required: ["file", "evaluatedAt"],
      properties: { file: { type: "string" }, evaluatedAt: { type: "string", format: "date-time" } },
    },
    fixed: {
      type: "array",
      items: {
        type: "object",
        required: ["ruleId", "resourceId", "fingerprint"],
        properties: { ruleId: nonEmpty, resourceId: { type: ["string", "null"] }, fingerprint: sha256 },
      },
    },
  },
} as const;
