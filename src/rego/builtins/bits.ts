// Builtins of the bits family: bitwise operations on integers of any size (OPA uses
// big.Int), with two's-complement semantics for negative numbers.

import { BigNum, isIntegral, normalise, numberText, type Numeric } from "../bignum.js";
import { typeName, type Value } from "../value.js";
import { BuiltinError, builtinError, type Builtin } from "./registry.js";

function bigIntArg(name: string, args: readonly Value[], i: number): bigint {
  const v = args[i] as Value;
  if (typeof v !== "number" && !(v instanceof BigNum)) {
    throw new BuiltinError("eval_type_error", `${name}: operand ${i + 1} must be integer but got ${typeName(v)}`);
  }
  if (!isIntegral(v)) {
    throw new BuiltinError(
      "eval_type_error",
      `${name}: operand ${i + 1} must be integer number but got floating-point number`,
    );
  }
  // A JS number stands for its shortest decimal text (see bignum.ts), not its binary value.
  return typeof v === "number" ? BigInt(numberText(v)) : v.toBigInt()!;
}

// A bigint as a Rego number: a JS number when exact, a BigNum beyond 2^53.
export function fromBigInt(n: bigint): Numeric {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : normalise(new BigNum(n, 0));
}

function binary(name: string, op: (a: bigint, b: bigint) => bigint): Builtin {
  return {
    name,
    arity: 2,
    fn: (args) => fromBigInt(op(bigIntArg(name, args, 0), bigIntArg(name, args, 1))),
  };
}

// Left shifts beyond this many bits are refused rather than allocating a giant number.
const MAX_LEFT_SHIFT = 1 << 20;

function shift(name: string, left: boolean): Builtin {
  return {
    name,
    arity: 2,
    fn: (args) => {
      const a = bigIntArg(name, args, 0);
      const b = bigIntArg(name, args, 1);
      if (b < 0n) {
        throw new BuiltinError(
          "eval_type_error",
          `${name}: operand 2 must be an unsigned integer number but got a negative integer`,
        );
      }
      if (!left) return fromBigInt(a >> (b > 1n << 32n ? 1n << 32n : b));
      if (a === 0n) return 0;
      if (b > BigInt(MAX_LEFT_SHIFT)) throw builtinError(name, `shift of ${b} bits is too large`);
      return fromBigInt(a << b);
    },
  };
}

export const bitsBuiltins: readonly Builtin[] = [
  binary("bits.or", (a, b) => a | b),
  binary("bits.and", (a, b) => a & b),
  binary("bits.xor", (a, b) => a ^ b),
  { name: "bits.negate", arity: 1, fn: (args) => fromBigInt(~bigIntArg("bits.negate", args, 0)) },
  shift("bits.lsh", true),
  shift("bits.rsh", false),
];
