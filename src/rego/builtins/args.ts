// Operand checks with OPA's messages: "<builtin>: operand 2 must be string but got number".

import { BigNum, isIntegral, toFloat, type Numeric } from "../bignum.js";
import {
  isArray,
  isObject,
  isSet,
  typeName,
  type ArrayValue,
  type ObjectValue,
  type RegoSet,
  type Value,
} from "../value.js";
import { BuiltinError } from "./registry.js";

export function operandError(name: string, pos: number, expected: string, got: Value): BuiltinError {
  return new BuiltinError("eval_type_error", `${name}: operand ${pos} must be ${expected} but got ${typeName(got)}`);
}

function arg(args: readonly Value[], i: number): Value {
  return args[i] as Value;
}

export function stringArg(name: string, args: readonly Value[], i: number): string {
  const v = arg(args, i);
  if (typeof v !== "string") throw operandError(name, i + 1, "string", v);
  return v;
}

export function numberArg(name: string, args: readonly Value[], i: number): Numeric {
  const v = arg(args, i);
  if (typeof v !== "number" && !(v instanceof BigNum)) throw operandError(name, i + 1, "number", v);
  return v;
}

// A number as a JS double (precision beyond a double is lost; fine for most builtins).
export function floatArg(name: string, args: readonly Value[], i: number): number {
  return toFloat(numberArg(name, args, i));
}

// An integral number, as OPA requires for counts and indexes.
export function intArg(name: string, args: readonly Value[], i: number): number {
  const n = numberArg(name, args, i);
  if (!isIntegral(n)) {
    throw new BuiltinError(
      "eval_type_error",
      `${name}: operand ${i + 1} must be integer number but got floating-point number`,
    );
  }
  return toFloat(n);
}

export function booleanArg(name: string, args: readonly Value[], i: number): boolean {
  const v = arg(args, i);
  if (typeof v !== "boolean") throw operandError(name, i + 1, "boolean", v);
  return v;
}

export function arrayArg(name: string, args: readonly Value[], i: number): ArrayValue {
  const v = arg(args, i);
  if (!isArray(v)) throw operandError(name, i + 1, "array", v);
  return v;
}

export function objectArg(name: string, args: readonly Value[], i: number): ObjectValue {
  const v = arg(args, i);
  if (!isObject(v)) throw operandError(name, i + 1, "object", v);
  return v;
}

export function setArg(name: string, args: readonly Value[], i: number): RegoSet {
  const v = arg(args, i);
  if (!isSet(v)) throw operandError(name, i + 1, "set", v);
  return v;
}

// For operands OPA types as a union: "must be one of {array, set} but got string".
export function oneOfError(name: string, pos: number, kinds: readonly string[], got: Value): BuiltinError {
  return new BuiltinError(
    "eval_type_error",
    `${name}: operand ${pos} must be one of {${kinds.join(", ")}} but got ${typeName(got)}`,
  );
}

// The members of an array or set operand, in order (sets in Rego order).
export function collectionArg(name: string, args: readonly Value[], i: number): readonly Value[] {
  const v = arg(args, i);
  if (isArray(v)) return v;
  if (isSet(v)) return v.sorted();
  throw oneOfError(name, i + 1, ["array", "set"], v);
}
