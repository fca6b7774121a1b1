// Builtins of the object family: object.get, object.union(_n), object.remove, object.filter,
// object.keys, object.subset, and walk (a relation over every nested [path, value]).

import { isIntegral, toFloat } from "../bignum.js";
import {
  EMPTY_OBJECT,
  ObjectBuilder,
  RegoSet,
  compare,
  equal,
  forEachEntry,
  isArray,
  isNumber,
  isObject,
  isSet,
  objectEntries,
  objectGet,
  objectKeys,
  typeName,
  type ArrayValue,
  type ObjectValue,
  type Value,
} from "../value.js";
import { arrayArg, objectArg, oneOfError } from "./args.js";
import { BuiltinError, type Builtin } from "./registry.js";

// The value at path under v (OPA's Value.Find): object keys, integer array indexes, set members.
function findPath(v: Value, path: ArrayValue): Value | undefined {
  let cur: Value = v;
  for (const seg of path) {
    let next: Value | undefined;
    if (isObject(cur)) next = objectGet(cur, seg);
    else if (isArray(cur)) {
      if (isNumber(seg) && isIntegral(seg)) next = cur[toFloat(seg)];
    } else if (isSet(cur)) next = cur.get(seg);
    if (next === undefined) return undefined;
    cur = next;
  }
  return cur;
}

function objectGetBuiltin(args: readonly Value[]): Value {
  const obj = objectArg("object.get", args, 0);
  const key = args[1] as Value;
  const fallback = args[2] as Value;
  // A non-array key is one top-level key; an array is a path, the empty path the object itself.
  const found = isArray(key) ? findPath(obj, key) : objectGet(obj, key);
  return found === undefined ? fallback : found;
}

// b's entries over a's; where both hold objects, those merge recursively.
function mergeObjects(a: ObjectValue, b: ObjectValue): ObjectValue {
  const out = new ObjectBuilder();
  for (const [k, v] of objectEntries(a)) out.set(k, v);
  for (const [k, v] of objectEntries(b)) {
    const old = out.get(k);
    out.set(k, old !== undefined && isObject(old) && isObject(v) ? mergeObjects(old, v) : v);
  }
  return out.build();
}

function union(args: readonly Value[]): Value {
  const a = objectArg("object.union", args, 0);
  const b = objectArg("object.union", args, 1);
  return equal(a, b) ? a : mergeObjects(a, b);
}

function unionN(args: readonly Value[]): Value {
  const name = "object.union_n";
  const arr = arrayArg(name, args, 0);
  // OPA walks the array from its end, so the last non-object is the one reported.
  for (let i = arr.length - 1; i >= 0; i--) {
    const o = arr[i] as Value;
    if (!isObject(o)) {
      const message = `operand 1 must be array of objects but got array containing ${typeName(o)}`;
      throw new BuiltinError("eval_type_error", `${name}: ${message}`);
    }
  }
  return (arr as ObjectValue[]).reduce<ObjectValue>((acc, o) => mergeObjects(acc, o), EMPTY_OBJECT);
}

// The keys operand of object.remove and object.filter: an array, set or object (its keys).
function keySet(name: string, v: Value): RegoSet {
  if (isArray(v)) return new RegoSet(v);
  if (isSet(v)) return v;
  if (isObject(v)) return new RegoSet(objectKeys(v));
  throw oneOfError(name, 2, ["object", "set", "array"], v);
}

function selectKeys(name: string, args: readonly Value[], keep: boolean): Value {
  const obj = objectArg(name, args, 0);
  const keys = keySet(name, args[1] as Value);
  const out = new ObjectBuilder();
  for (const [k, v] of objectEntries(obj)) if (keys.has(k) === keep) out.set(k, v);
  return out.build();
}

// ---------------------------------------------------------------------------------------
// object.subset, with OPA's rules: objects recurse key by key, sets need every member,
// arrays need a contiguous run, and an array holds a set when it meets every member.

function isSubset(sup: Value, sub: Value): boolean {
  if (isObject(sup) && isObject(sub)) {
    for (const [k, subValue] of objectEntries(sub)) {
      const supValue = objectGet(sup, k);
      if (supValue === undefined) return false;
      if (equal(subValue, supValue)) continue;
      const nested =
        (isObject(supValue) && isObject(subValue)) ||
        (isSet(supValue) && isSet(subValue)) ||
        (isArray(supValue) && isArray(subValue));
      if (!nested || !isSubset(supValue, subValue)) return false;
    }
    return true;
  }
  if (isSet(sup) && isSet(sub)) {
    for (const m of sub) if (!sup.has(m)) return false;
    return true;
  }
  if (isArray(sup) && isArray(sub)) return containsRun(sup, sub);
  if (isArray(sup) && isSet(sub)) {
    // OPA counts matching array elements, duplicates included, and never answers true
    // for an empty array; kept as is to agree with it.
    let unmatched = sub.size;
    for (const x of sup) {
      if (sub.has(x)) unmatched--;
      if (unmatched === 0) return true;
    }
    return false;
  }
  throw new BuiltinError(
    "eval_type_error",
    "object.subset: both arguments object.subset must be of the same type or array and set",
  );
}

function containsRun(sup: ArrayValue, sub: ArrayValue): boolean {
  if (sub.length > sup.length) return false;
  for (let start = 0; start + sub.length <= sup.length; start++) {
    let i = 0;
    while (i < sub.length && compare(sup[start + i] as Value, sub[i] as Value) === 0) i++;
    if (i === sub.length) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// walk: every [path, value] under the operand, itself first, children in Rego order.

function walk(root: Value): Value[] {
  const out: Value[] = [];
  walkLazily(root, (o) => (out.push(o), false));
  return out;
}

// Every [path, value] pair of walk in OPA's order (object keys sorted), stopping as soon as
// visit returns true.
function walkLazily(root: Value, visit: (output: Value) => boolean): boolean {
  const step = (path: Value[], v: Value): boolean => {
    if (visit([path, v])) return true;
    if (isArray(v)) {
      for (let i = 0; i < v.length; i++) if (step([...path, i], v[i] as Value)) return true;
    } else if (isSet(v)) {
      for (const m of v.sorted()) if (step([...path, m], m)) return true;
    } else if (isObject(v)) {
      const entries = [...objectEntries(v)].sort((x, y) => compare(x[0], y[0]));
      for (const [k, x] of entries) if (step([...path, k], x)) return true;
    }
    return false;
  };
  return step([], root);
}

// walk when the caller ignores the path (`walk(x, [_, v])`, which the compiler rewrites to
// this): [null, value] for every nested value, without building paths or sorting keys.
function walkValues(root: Value, visit: (output: Value) => boolean): boolean {
  const step = (v: Value): boolean => {
    if (visit([null, v])) return true;
    if (isArray(v)) {
      for (const x of v) if (step(x as Value)) return true;
    } else if (isSet(v)) {
      for (const m of v) if (step(m)) return true;
    } else if (isObject(v)) {
      return forEachEntry(v, (_k, x) => step(x));
    }
    return false;
  };
  return step(root);
}

export const objectsBuiltins: readonly Builtin[] = [
  { name: "object.get", arity: 3, fn: objectGetBuiltin },
  { name: "object.union", arity: 2, fn: union },
  { name: "object.union_n", arity: 1, fn: unionN },
  { name: "object.remove", arity: 2, fn: (args) => selectKeys("object.remove", args, false) },
  { name: "object.filter", arity: 2, fn: (args) => selectKeys("object.filter", args, true) },
  { name: "object.keys", arity: 1, fn: (args) => new RegoSet(objectKeys(objectArg("object.keys", args, 0))) },
  { name: "object.subset", arity: 2, fn: ([sup, sub]) => isSubset(sup!, sub!) },
  { name: "walk", arity: 1, relation: true, fn: ([v]) => walk(v!), iterate: ([v], _ctx, visit) => walkLazily(v!, visit) },
  { name: "internal.walk_values", arity: 1, relation: true, fn: ([v]) => walk(v!), iterate: ([v], _ctx, visit) => walkValues(v!, visit) },
];
