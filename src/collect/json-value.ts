// The values templates and plans compute with: JSON, where an object of the single key
// "$unknown" is the marker of a value that cannot be known before deployment
// ({"$unknown": "reference(...)"}). A policy sees that the value is unknown, never a guess.

import type { UnknownMarker } from "../snapshot/types.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function unknownValue(expression: string): UnknownMarker & JsonObject {
  return { $unknown: expression };
}

export function isUnknown(value: unknown): value is UnknownMarker {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "$unknown" && typeof (value as { $unknown: unknown }).$unknown === "string";
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isUnknown(value);
}

// A JSON type name for messages ("expected an array, found object").
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (isUnknown(value)) return "unknown value";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "number";
  return typeof value === "boolean" ? "bool" : typeof value;
}

// ARM compares and looks up property names case-insensitively.
export function getProperty(object: JsonObject, name: string): JsonValue | undefined {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i] as JsonValue));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k] as JsonValue, b[k] as JsonValue));
  }
  return false;
}
