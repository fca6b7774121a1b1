// Builtins of the array family: array.concat, array.slice, array.reverse, array.flatten.

import { isArray, type Value } from "../value.js";
import { arrayArg, intArg } from "./args.js";
import type { Builtin } from "./registry.js";

function slice(name: string, args: readonly Value[]): Value {
  const arr = arrayArg(name, args, 0);
  let start = intArg(name, args, 1);
  let stop = intArg(name, args, 2);
  // Out-of-range indexes clamp (OPA): negative to 0, beyond the end to the length, and a
  // start past the stop gives the empty array.
  stop = Math.min(Math.max(stop, 0), arr.length);
  start = Math.min(Math.max(start, 0), stop);
  return arr.slice(start, stop);
}

export const arraysBuiltins: readonly Builtin[] = [
  {
    name: "array.concat",
    arity: 2,
    fn: (args) => [...arrayArg("array.concat", args, 0), ...arrayArg("array.concat", args, 1)],
  },
  { name: "array.slice", arity: 3, fn: (args) => slice("array.slice", args) },
  { name: "array.reverse", arity: 1, fn: (args) => [...arrayArg("array.reverse", args, 0)].reverse() },
  {
    name: "array.flatten",
    // One level only: members that are arrays are spliced in, others kept.
    arity: 1,
    fn: (args) => arrayArg("array.flatten", args, 0).flatMap((x) => (isArray(x) ? x : [x])),
  },
];
