// Sets: & and | (OPA names and, or), intersection, union; membership (`in`) as
// internal.member_2 and internal.member_3.
import { RegoSet, equal, forEachMember, isArray, isObject, isSet, lookup, objectGet, type Value } from "../value.js";
import { setArg } from "./args.js";
import { builtinError, type Builtin } from "./registry.js";

function setsOf(name: string, args: readonly Value[]): RegoSet[] {
  const outer = setArg(name, args, 0);
  const sets: RegoSet[] = [];
  for (const s of outer) {
    if (!isSet(s)) throw builtinError(name, "operand 1 must be set of sets");
    sets.push(s);
  }
  return sets;
}

export const setsBuiltins: readonly Builtin[] = [
  {
    name: "and",
    arity: 2,
    fn: (args) => {
      const a = setArg("and", args, 0);
      const b = setArg("and", args, 1);
      return new RegoSet([...a].filter((x) => b.has(x)));
    },
  },
  {
    name: "or",
    arity: 2,
    fn: (args) => new RegoSet([...setArg("or", args, 0), ...setArg("or", args, 1)]),
  },
  {
    name: "intersection",
    arity: 1,
    fn: (args) => {
      const sets = setsOf("intersection", args);
      if (sets.length === 0) return new RegoSet();
      const [first, ...rest] = sets as [RegoSet, ...RegoSet[]];
      return new RegoSet([...first].filter((x) => rest.every((s) => s.has(x))));
    },
  },
  {
    name: "union",
    arity: 1,
    fn: (args) => {
      const out = new RegoSet();
      for (const s of setsOf("union", args)) for (const x of s) out.add(x);
      return out;
    },
  },
  {
    // x in xs
    name: "internal.member_2",
    arity: 2,
    fn: ([x, xs]) => {
      const coll = xs as Value;
      if (isSet(coll)) return coll.has(x as Value);
      return forEachMember(coll, (_k, v) => equal(v, x as Value));
    },
  },
  {
    // k, v in xs
    name: "internal.member_3",
    arity: 3,
    fn: ([k, v, xs]) => {
      const coll = xs as Value;
      if (isArray(coll) || isObject(coll) || isSet(coll)) {
        const at = isObject(coll) ? objectGet(coll, k as Value) : lookup(coll, k as Value);
        return at !== undefined && equal(at, v as Value);
      }
      return false;
    },
  },
];
