// Comparison operators: == != < <= > >= (OPA names equal, neq, lt, lte, gt, gte). They
// compare any two values by Rego's total order.
import { compare, equal, type Value } from "../value.js";
import type { Builtin } from "./registry.js";

const cmp = (name: string, test: (c: number) => boolean): Builtin => ({
  name,
  arity: 2,
  fn: ([a, b]) => test(compare(a as Value, b as Value)),
});

export const comparisonBuiltins: readonly Builtin[] = [
  { name: "equal", arity: 2, fn: ([a, b]) => equal(a as Value, b as Value) },
  { name: "neq", arity: 2, fn: ([a, b]) => !equal(a as Value, b as Value) },
  cmp("lt", (c) => c < 0),
  cmp("lte", (c) => c <= 0),
  cmp("gt", (c) => c > 0),
  cmp("gte", (c) => c >= 0),
];
