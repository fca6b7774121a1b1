// Aggregates over collections: count, sum, product, max, min, sort.
import { addNumeric, mulNumeric, type Numeric } from "../bignum.js";
import { compare, isArray, isNumber, isObject, isSet, objectSize, type Value } from "../value.js";
import { collectionArg, oneOfError, operandError } from "./args.js";
import type { Builtin } from "./registry.js";

function numbers(name: string, args: readonly Value[]): Numeric[] {
  const items = collectionArg(name, args, 0);
  return items.map((x) => {
    if (isNumber(x)) return x;
    throw operandError(name, 1, "collection of numbers", args[0] as Value);
  });
}

export const aggregatesBuiltins: readonly Builtin[] = [
  {
    name: "count",
    arity: 1,
    fn: ([v]) => {
      const x = v as Value;
      if (typeof x === "string") {
        let n = 0;
        for (const _ of x) n++;
        return n;
      }
      if (isArray(x)) return x.length;
      if (isSet(x)) return x.size;
      if (isObject(x)) return objectSize(x);
      throw oneOfError("count", 1, ["array", "object", "set", "string"], x);
    },
  },
  { name: "sum", arity: 1, fn: (args) => numbers("sum", args).reduce<Numeric>((a, b) => addNumeric(a, b), 0) },
  { name: "product", arity: 1, fn: (args) => numbers("product", args).reduce<Numeric>((a, b) => mulNumeric(a, b), 1) },
  {
    name: "max",
    arity: 1,
    fn: (args) => {
      const items = collectionArg("max", args, 0);
      if (items.length === 0) return undefined;
      return items.reduce((a, b) => (compare(b, a) > 0 ? b : a));
    },
  },
  {
    name: "min",
    arity: 1,
    fn: (args) => {
      const items = collectionArg("min", args, 0);
      if (items.length === 0) return undefined;
      return items.reduce((a, b) => (compare(b, a) < 0 ? b : a));
    },
  },
  {
    name: "sort",
    arity: 1,
    fn: (args) => {
      const v = args[0] as Value;
      if (isSet(v)) return v.sorted().slice();
      if (isArray(v)) return [...v].sort(compare);
      throw oneOfError("sort", 1, ["array", "set"], v);
    },
  },
];
