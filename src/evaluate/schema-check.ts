// Checks a parsed document against a JSON schema (ajv, draft-07, with formats) and returns
// each problem as a path into the document plus a sentence, so that the caller can point at
// the line: erguard.yaml through its YAML nodes, results.json through its JSON tree.

import type { ErrorObject, ValidateFunction } from "ajv";
import { ajv, ajvFormats } from "../lazy-libraries.js";

export interface SchemaProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type SchemaCheck = (value: unknown) => readonly SchemaProblem[];

// The schema is compiled on first use: modules declare their checks at load time, and a scan
// that never reads erguard.yaml or a results file never pays for compiling them (nor for
// loading ajv, see lazy-libraries.ts).
export function schemaCheck(schema: object): SchemaCheck {
  let validate: ValidateFunction | undefined;
  return (value) => {
    if (validate === undefined) {
      // verbose: the parent schema lets an unknown property be answered with the known ones.
      const checker = new (ajv().Ajv)({ allErrors: true, strict: true, verbose: true });
      ajvFormats().default(checker);
      validate = checker.compile(schema);
    }
    return validate(value) ? [] : simplify(validate.errors ?? []);
  };
}

function simplify(errors: readonly ErrorObject[]): SchemaProblem[] {
  // anyOf/allOf wrappers repeat what their branches said; keep the specific messages.
  const specific = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "allOf");
  // A misspelt key also misses a required one; the unknown key is the better clue.
  const ordered = [...(specific.length > 0 ? specific : errors)].sort(
    (a, b) => Number(b.keyword === "additionalProperties") - Number(a.keyword === "additionalProperties"),
  );
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const e of ordered) {
    const path = pointerPath(e.instancePath);
    const unknown = e.keyword === "additionalProperties" ? String(e.params["additionalProperty"]) : undefined;
    const problem = { path: unknown === undefined ? path : [...path, unknown], message: describe(e) };
    const key = `${problem.path.join("/")}\u0000${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}

function pointerPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

function describe(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `missing required property "${String(params["missingProperty"])}"`;
    case "additionalProperties": {
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `is not a known property${known.length > 0 ? ` (known: ${known.join(", ")})` : ""}`;
    }
    case "enum":
      return `must be one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `must be ${JSON.stringify(params["allowedValue"])}`;
    case "format":
      return `must be a valid ${String(params["format"])}${params["format"] === "date" ? " (YYYY-MM-DD)" : ""}`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

// "waivers[2].expires" for messages.
export function describePath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, p) => (typeof p === "number" ? `${out}[${p}]` : out ? `${out}.${p}` : p), "");
}
