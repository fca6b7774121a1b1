// Checks a value against the snapshot schema. The first problem becomes an ErguardError
// (bad_input) that names the JSON pointer and what was expected there and, when the source
// text is at hand, the line to look at.

import type { ErrorObject, ValidateFunction } from "ajv";
import { ErguardError } from "../errors.js";
import { ajv } from "../lazy-libraries.js";
import { fromPointer, lineOfPath, toPointer, type JsonPath } from "./json-positions.js";
import { snapshotSchema } from "./schema.js";
import type { Snapshot } from "./types.js";

let compiled: ValidateFunction<Snapshot> | undefined;

// Compiled on first use (and ajv loaded then, see lazy-libraries.ts): a scan of one template
// validates no snapshot.
function validator(): ValidateFunction<Snapshot> {
  if (compiled === undefined) {
    const checker = new (ajv().Ajv)({ allErrors: false, verbose: true, strict: true });
    compiled = checker.compile<Snapshot>(snapshotSchema);
  }
  return compiled;
}

// `text`, when given, is the JSON the value was parsed from: the error's location then carries
// the line of the offending value.
export function validateSnapshot(value: unknown, file: string, text?: string): Snapshot {
  const validate = validator();
  if (validate(value)) return value;
  const error = validate.errors?.[0];
  if (error === undefined) throw new ErguardError("bad_input", "not a valid erguard snapshot", { file });
  const problem = describe(error);
  const pointer = toPointer(problem.path) || "/";
  const line = text === undefined ? undefined : lineOfPath(text, problem.path);
  const hint = problem.path.length === 0 && !looksLikeSnapshot(value) ? " (is this an erguard snapshot?)" : "";
  throw new ErguardError(
    "bad_input",
    `invalid snapshot at ${pointer}: ${problem.text}${hint}`,
    line === undefined ? { file } : { file, line },
  );
}

function looksLikeSnapshot(value: unknown): boolean {
  return typeof value === "object" && value !== null && "schemaVersion" in value;
}

interface Problem {
  readonly path: JsonPath;
  readonly text: string;
}

function describe(error: ErrorObject): Problem {
  const path = fromPointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
  const expected = parent.description;
  const found = describeValue(error.data);
  switch (error.keyword) {
    case "required":
      return { path, text: `missing required property "${String(params["missingProperty"])}"` };
    case "additionalProperties": {
      const allowed = Object.keys(parent.properties ?? {}).join(", ");
      return {
        path: [...path, String(params["additionalProperty"])],
        text: `unexpected property "${String(params["additionalProperty"])}" (expected only: ${allowed})`,
      };
    }
    case "type":
      return { path, text: `expected ${expected ?? article(String(params["type"]))}, found ${found}` };
    case "const":
      return { path, text: `expected ${expected ?? JSON.stringify(params["allowedValue"])}, found ${found}` };
    case "enum": {
      const values = (params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ");
      return { path, text: `expected one of ${values}, found ${found}` };
    }
    case "minLength":
      return { path, text: `expected a non-empty string, found ${found}` };
    default:
      return { path, text: `expected ${expected ?? `a value that ${error.message ?? "matches the schema"}`}, found ${found}` };
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  return `${typeof value} ${String(value)}`;
}
