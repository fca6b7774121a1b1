// json.verify_schema and json.match_schema on ajv (draft-07, with formats).
//
// OPA validates with gojsonschema; its results are [valid, errors] where each error is
// {error, type, field, desc}. ajv's findings are reported in gojsonschema's vocabulary (type
// names, "(root)" and dotted fields, description wording) for the common keywords; the
// rest keep ajv's wording. Which errors appear can still differ (ajv explains every branch
// of a failed anyOf, for one).

import type { ErrorObject, ValidateFunction } from "ajv";
import { ajv, ajvFormats } from "../../lazy-libraries.js";
import { isObject, makeObject, toJSON, type Value } from "../value.js";
import { builtinError } from "./registry.js";

// Compiled schemas by their JSON text; bounded, since policies use a handful of schemas.
const compiled = new Map<string, ValidateFunction>();
const COMPILED_MAX = 64;

function compile(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    // One Ajv per schema: two schemas with the same $id must not collide. (ajv loads on the
    // first call, see lazy-libraries.ts: few policies validate JSON schemas.)
    const checker = new (ajv().Ajv)({ allErrors: true, strict: false });
    ajvFormats().default(checker);
    validate = checker.compile(schema as object);
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

// A schema or document operand: JSON text or an object.
function load(v: Value): unknown {
  if (typeof v === "string") {
    try {
      return JSON.parse(v);
    } catch {
      throw new Error("invalid JSON string");
    }
  }
  if (isObject(v)) return toJSON(v);
  throw new Error("wrong type, expected string or object");
}

export function verifySchema(schema: Value): Value {
  try {
    compile(load(schema));
    return [true, null];
  } catch (e) {
    return [false, `jsonschema: ${(e as Error).message}`];
  }
}

export function matchSchema(document: Value, schema: Value): Value {
  const name = "json.match_schema";
  let doc: unknown;
  let validate: ValidateFunction;
  try {
    doc = load(document);
    validate = compile(load(schema));
  } catch (e) {
    throw builtinError(name, (e as Error).message);
  }
  const valid = validate(doc);
  const errors = valid ? [] : (validate.errors ?? []).map((e) => describe(e, doc));
  return [valid, errors];
}

// ---------------------------------------------------------------------------------------

function fieldOf(instancePath: string): string {
  if (instancePath === "") return "(root)";
  return instancePath
    .slice(1)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function valueAt(doc: unknown, instancePath: string): unknown {
  if (instancePath === "") return doc;
  let cur = doc;
  for (const p of instancePath.slice(1).split("/")) {
    const k = p.replaceAll("~1", "/").replaceAll("~0", "~");
    cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined;
  }
  return cur;
}

// gojsonschema's type name and description for an ajv error.
function translate(e: ErrorObject, field: string, doc: unknown): [string, string] {
  const p = e.params as Record<string, unknown>;
  const list = (xs: unknown) => (xs as unknown[]).map((x) => JSON.stringify(x)).join(", ");
  switch (e.keyword) {
    case "required":
      return ["required", `${String(p["missingProperty"])} is required`];
    case "type": {
      const expected = String(p["type"]).split(",");
      const shown = expected.length === 1 ? expected[0]! : `[${expected.join(",")}]`;
      return ["invalid_type", `Invalid type. Expected: ${shown}, given: ${jsonType(valueAt(doc, e.instancePath))}`];
    }
    case "additionalProperties":
      return ["additional_property_not_allowed", `Additional property ${String(p["additionalProperty"])} is not allowed`];
    case "enum":
      return ["enum", `${field} must be one of the following: ${list(p["allowedValues"])}`];
    case "const":
      return ["const", `${field} does not match: ${JSON.stringify(p["allowedValue"])}`];
    case "minLength":
      return ["string_gte", `String length must be greater than or equal to ${String(p["limit"])}`];
    case "maxLength":
      return ["string_lte", `String length must be less than or equal to ${String(p["limit"])}`];
    case "pattern":
      return ["pattern", `Does not match pattern '${String(p["pattern"])}'`];
    case "format":
      return ["format", `Does not match format '${String(p["format"])}'`];
    case "minimum":
      return ["number_gte", `Must be greater than or equal to ${String(p["limit"])}`];
    case "exclusiveMinimum":
      return ["number_gt", `Must be greater than ${String(p["limit"])}`];
    case "maximum":
      return ["number_lte", `Must be less than or equal to ${String(p["limit"])}`];
    case "exclusiveMaximum":
      return ["number_lt", `Must be less than ${String(p["limit"])}`];
    case "multipleOf":
      return ["multiple_of", `Must be a multiple of ${String(p["multipleOf"])}`];
    case "minItems":
      return ["array_min_items", `Array must have at least ${String(p["limit"])} items`];
    case "maxItems":
      return ["array_max_items", `Array must have at most ${String(p["limit"])} items`];
    case "uniqueItems":
      return ["unique", `array items[${String(p["j"])},${String(p["i"])}] must be unique`];
    case "minProperties":
      return ["array_min_properties", `Must have at least ${String(p["limit"])} properties`];
    case "maxProperties":
      return ["array_max_properties", `Must have at most ${String(p["limit"])} properties`];
    case "anyOf":
      return ["number_any_of", "Must validate at least one schema (anyOf)"];
    case "oneOf":
      return ["number_one_of", "Must validate one and only one schema (oneOf)"];
    case "not":
      return ["number_not", "Must not validate the schema (not)"];
    case "false schema":
      return ["false", "False always fails validation"];
    default:
      return [e.keyword, e.message ?? e.keyword];
  }
}

function describe(e: ErrorObject, doc: unknown): Value {
  const field = fieldOf(e.instancePath);
  const [type, desc] = translate(e, field, doc);
  return makeObject([
    ["error", `${field}: ${desc}`],
    ["type", type],
    ["field", field],
    ["desc", desc],
  ]);
}
