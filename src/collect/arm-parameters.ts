// Parameter values of an ARM template: parameter files (deploymentParameters.json, with Key
// Vault references) and --param name=value overrides, checked against the template's
// declarations (type, allowedValues) the way Resource Manager checks them.

import { ErguardError, type SourceLocation } from "../errors.js";
import { getProperty, isObject, typeName, unknownValue, type JsonObject, type JsonValue } from "./json-value.js";

// A value given for a parameter, and where it came from (for messages).
export interface GivenParameter {
  readonly value: JsonValue;
  readonly source: string; // "main.parameters.json" or "--param"
  // --param values are text, converted to the declared type when the template is known.
  readonly fromCommandLine?: boolean;
}

export type ParameterValues = ReadonlyMap<string, GivenParameter>; // keyed by lower-case name

// The "parameters" of a parameter file, or the file itself when it is the bare
// { "name": { "value": … } } form the Azure CLI also accepts. A Key Vault reference becomes the
// unknown marker: erguard never reads secrets.
export function parameterFileValues(content: unknown, file: string): Map<string, GivenParameter> {
  if (!isObject(content as JsonValue)) throw new ErguardError("bad_input", "a parameter file must be a JSON object", { file });
  const root = content as JsonObject;
  const params = isObject(root["parameters"] ?? null) ? (root["parameters"] as JsonObject) : root;
  const out = new Map<string, GivenParameter>();
  for (const [name, entry] of Object.entries(params)) {
    if (name.startsWith("$") || name === "contentVersion") continue;
    if (!isObject(entry)) {
      throw new ErguardError("bad_input", `parameter "${name}": expected an object with "value" or "reference", found ${typeName(entry)}`, { file });
    }
    if (Object.hasOwn(entry, "value")) out.set(name.toLowerCase(), { value: entry["value"] as JsonValue, source: file });
    else if (Object.hasOwn(entry, "reference")) out.set(name.toLowerCase(), { value: unknownValue(`parameters('${name}')`), source: file });
    else throw new ErguardError("bad_input", `parameter "${name}": expected "value" or "reference"`, { file });
  }
  return out;
}

export function commandLineValues(params: Readonly<Record<string, string>>): Map<string, GivenParameter> {
  const out = new Map<string, GivenParameter>();
  for (const [name, value] of Object.entries(params)) {
    out.set(name.toLowerCase(), { value, source: "--param", fromCommandLine: true });
  }
  return out;
}

export type ParameterType = "string" | "securestring" | "int" | "bool" | "object" | "secureobject" | "array" | "any";

export function declaredType(declaration: JsonObject): ParameterType {
  const t = declaration["type"];
  if (typeof t !== "string") return "any"; // languageVersion 2.0 may declare a $ref to a type definition
  const lower = t.toLowerCase();
  const known: readonly ParameterType[] = ["string", "securestring", "int", "bool", "object", "secureobject", "array"];
  return (known as readonly string[]).includes(lower) ? (lower as ParameterType) : "any";
}

export function isSecure(type: ParameterType): boolean {
  return type === "securestring" || type === "secureobject";
}

// Converts a --param text to the declared type and checks any value against the declaration.
export function checkParameterValue(
  name: string,
  declaration: JsonObject,
  given: GivenParameter,
  location: SourceLocation,
): JsonValue {
  const type = declaredType(declaration);
  const value = given.fromCommandLine === true && typeof given.value === "string" ? fromText(name, type, given.value, location) : given.value;
  if (isObject(value) && Object.hasOwn(value, "$unknown")) return value;
  const wrong = (expected: string): never => {
    throw new ErguardError("bad_input", `parameter "${name}" (from ${given.source}): expected ${expected}, found ${typeName(value)}`, location);
  };
  switch (type) {
    case "string":
    case "securestring":
      if (typeof value !== "string") wrong("a string");
      break;
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) wrong("an integer");
      break;
    case "bool":
      if (typeof value !== "boolean") wrong("a bool");
      break;
    case "object":
    case "secureobject":
      if (!isObject(value)) wrong("an object");
      break;
    case "array":
      if (!Array.isArray(value)) wrong("an array");
      break;
    case "any":
      break;
  }
  const allowed = getProperty(declaration, "allowedValues");
  if (Array.isArray(allowed)) {
    const candidates = Array.isArray(value) && type === "array" ? value : [value];
    for (const candidate of candidates) {
      if (!allowed.some((a) => sameAllowedValue(a, candidate))) {
        throw new ErguardError(
          "bad_input",
          `parameter "${name}" (from ${given.source}): ${JSON.stringify(candidate)} is not one of the allowed values ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
          location,
        );
      }
    }
  }
  return value;
}

function sameAllowedValue(allowed: JsonValue, value: JsonValue): boolean {
  if (typeof allowed === "string" && typeof value === "string") return allowed.toLowerCase() === value.toLowerCase();
  return JSON.stringify(allowed) === JSON.stringify(value);
}

function fromText(name: string, type: ParameterType, text: string, location: SourceLocation): JsonValue {
  const bad = (expected: string): never => {
    throw new ErguardError("bad_input", `--param ${name}=${text}: expected ${expected}`, location);
  };
  switch (type) {
    case "int":
      return /^[-+]?\d+$/.test(text.trim()) ? Number(text) : bad("an integer");
    case "bool":
      return /^(true|false)$/i.test(text.trim()) ? text.trim().toLowerCase() === "true" : bad("true or false");
    case "object":
    case "secureobject":
    case "array":
    case "any":
      try {
        return JSON.parse(text) as JsonValue;
      } catch {
        return type === "any" ? text : bad(`JSON for the ${type} parameter`);
      }
    default:
      return text;
  }
}
