// Arithmetic: + - * / % (OPA names plus, minus, mul, div, rem; minus also takes the
// difference of two sets), abs, round, ceil, floor, numbers.range, numbers.range_step.
// Integers stay exact beyond 2^53 (see bignum.ts).
import {
  BigNum,
  addNumeric,
  isIntegral,
  mulNumeric,
  normalise,
  subNumeric,
  toFloat,
  type Numeric,
} from "../bignum.js";
import { RegoSet, isNumber, isSet, type Value } from "../value.js";
import { intArg, numberArg, oneOfError, operandError } from "./args.js";
import { builtinError, type Builtin } from "./registry.js";

function result(n: number): Numeric {
  if (!Number.isFinite(n)) throw builtinError("arithmetic", "result is not a finite number");
  return Object.is(n, -0) ? 0 : n;
}

function exactDiv(name: string, a: Numeric, b: Numeric): Numeric {
  if (toFloat(b) === 0 && (typeof b === "number" || b.mantissa === 0n)) throw builtinError(name, "divide by zero");
  if (typeof a === "number" && typeof b === "number") return result(a / b);
  // Exact when the quotient terminates within a generous number of digits.
  const A = a instanceof BigNum ? a : new BigNum(BigInt(Math.trunc(a)), 0);
  const B = b instanceof BigNum ? b : new BigNum(BigInt(Math.trunc(b)), 0);
  if ((typeof a === "number" && !Number.isInteger(a)) || (typeof b === "number" && !Number.isInteger(b))) {
    return result(toFloat(a) / toFloat(b));
  }
  const scale = 40n;
  const num = A.mantissa * 10n ** scale;
  const q = num / B.mantissa;
  if (q * B.mantissa === num) return normalise(new BigNum(q, A.exponent - B.exponent - Number(scale)));
  return result(toFloat(a) / toFloat(b));
}

function arith(name: string, op: (a: Numeric, b: Numeric) => Numeric): Builtin {
  return {
    name,
    arity: 2,
    fn: (args) => op(numberArg(name, args, 0), numberArg(name, args, 1)),
  };
}

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function unaryInt(name: string, f: (x: number) => number): Builtin {
  return {
    name,
    arity: 1,
    fn: (args) => {
      const n = numberArg(name, args, 0);
      if (isIntegral(n)) return n;
      return result(f(toFloat(n)));
    },
  };
}

function range(name: string, a: number, b: number, step: number): Value[] {
  if (step <= 0) throw builtinError(name, "step must be a positive number above zero");
  const out: Value[] = [];
  if (a <= b) for (let x = a; x <= b; x += step) out.push(x);
  else for (let x = a; x >= b; x -= step) out.push(x);
  return out;
}

export const numbersBuiltins: readonly Builtin[] = [
  arith("plus", addNumeric),
  {
    name: "minus",
    arity: 2,
    fn: (args) => {
      const [a, b] = args as [Value, Value];
      if (isNumber(a) && isNumber(b)) return subNumeric(a, b);
      if (isSet(a) && isSet(b)) {
        const out = new RegoSet();
        for (const x of a) if (!b.has(x)) out.add(x);
        return out;
      }
      if (isNumber(a)) throw operandError("minus", 2, "number", b);
      if (isSet(a)) throw operandError("minus", 2, "set", b);
      throw oneOfError("minus", 1, ["number", "set"], a);
    },
  },
  arith("mul", mulNumeric),
  { name: "div", arity: 2, fn: (args) => exactDiv("div", numberArg("div", args, 0), numberArg("div", args, 1)) },
  {
    name: "rem",
    arity: 2,
    fn: (args) => {
      const a = numberArg("rem", args, 0);
      const b = numberArg("rem", args, 1);
      if (!isIntegral(a) || !isIntegral(b)) throw builtinError("rem", "modulo on floating-point number");
      if (toFloat(b) === 0) throw builtinError("rem", "modulo by zero");
      if (typeof a === "number" && typeof b === "number") return result(a % b);
      const x = a instanceof BigNum ? a.toBigInt()! : BigInt(a);
      const y = b instanceof BigNum ? b.toBigInt()! : BigInt(b);
      return normalise(new BigNum(x % y, 0));
    },
  },
  {
    name: "abs",
    arity: 1,
    fn: (args) => {
      const n = numberArg("abs", args, 0);
      if (n instanceof BigNum) return n.mantissa < 0n ? new BigNum(-n.mantissa, n.exponent) : n;
      return Math.abs(n);
    },
  },
  unaryInt("round", roundHalfAway),
  unaryInt("ceil", Math.ceil),
  unaryInt("floor", Math.floor),
  {
    name: "numbers.range",
    arity: 2,
    fn: (args) => range("numbers.range", intArg("numbers.range", args, 0), intArg("numbers.range", args, 1), 1),
  },
  {
    name: "numbers.range_step",
    arity: 3,
    fn: (args) =>
      range(
        "numbers.range_step",
        intArg("numbers.range_step", args, 0),
        intArg("numbers.range_step", args, 1),
        intArg("numbers.range_step", args, 2),
      ),
  },
];
