// The JSON schema of a snapshot (schemaVersion 1), the contract of DESIGN.md and
// src/snapshot/types.ts. Every collector's output and every snapshot file read back is checked
// against it. A `description` says, in words, what a value is expected to be: validation
// errors quote it (see validate.ts).
//
// Resources keep the ARM shape: besides the fields listed here they may carry anything a
// Resource Graph row holds (kind, etag, identity, managedBy, extendedLocation, …), so resource
// objects admit other properties. The snapshot's own top level does not: a misspelt key there
// is a broken file, not an extension.

export const SNAPSHOT_SCHEMA_VERSION = 1;

const nonEmptyString = { type: "string", minLength: 1 } as const;

const stringMap = {
  type: "object",
  additionalProperties: { type: "string", description: "a string tag value" },
} as const;

const plainObject = { type: "object" } as const;

export const snapshotSchema = {
  $id: "https://erguard.dev/schemas/snapshot-v1.json",
  title: "erguard snapshot",
  type: "object",
  required: ["schemaVersion", "source", "customers", "resources"],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: SNAPSHOT_SCHEMA_VERSION, description: "schemaVersion 1" },
    source: {
      type: "object",
      required: ["kind", "collectedAt", "tool", "scope", "errors"],
      properties: {
        kind: { enum: ["azure", "arm", "terraform", "snapshot"] },
        collectedAt: {
          type: "string",
          pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
          description: "an ISO-8601 date and time such as 2025-01-31T22:05:00Z",
        },
        tool: nonEmptyString,
        scope: plainObject,
        errors: {
          type: "array",
          items: {
            type: "object",
            required: ["scope", "code", "message"],
            properties: { scope: { type: "string" }, code: nonEmptyString, message: { type: "string" } },
          },
        },
      },
    },
    customers: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "subscriptions"],
        properties: {
          name: nonEmptyString,
          tenantId: { type: "string" },
          subscriptions: { type: "array", items: { type: "string" } },
          model: { enum: ["connect-through", "connect-to"] },
        },
      },
    },
    resources: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "name", "type", "properties"],
        properties: {
          id: nonEmptyString,
          name: { type: "string" },
          type: {
            type: "string",
            minLength: 1,
            pattern: "^[^A-Z]*$",
            description: "a lower-case resource type such as microsoft.network/expressroutecircuits",
          },
          location: { type: "string" },
          subscriptionId: { type: "string" },
          resourceGroup: { type: "string" },
          tenantId: { type: "string" },
          sku: plainObject,
          tags: stringMap,
          zones: { type: "array", items: { type: "string" } },
          properties: plainObject,
          runtime: plainObject,
          origin: {
            type: "object",
            required: ["file"],
            properties: {
              file: nonEmptyString,
              line: { type: "integer", minimum: 1, description: "a line number from 1" },
              address: { type: "string" },
            },
          },
        },
      },
    },
  },
} as const;
