// json.patch: RFC 6902 operations (add, remove, replace, move, copy, test) applied to a
// Rego value, with OPA's rules: paths may also be arrays of segments, sets are edited
// through their members, array indexes have no leading zeros, and "-" appends. A failing
// operation fails the whole patch, which OPA reports as an undefined result, not an error.

import {
  ObjectBuilder,
  RegoSet,
  equal,
  isArray,
  isObject,
  isSet,
  objectEntries,
  objectGet,
  objectHas,
  type ArrayValue,
  type ObjectValue,
  type Value,
} from "../value.js";

// A path as OPA reads one: "/a/b" (a JSON pointer, leading slashes optional, "" the root)
// or an array of segments.
export function parsePath(v: Value): Value[] | undefined {
  if (typeof v === "string") {
    if (v === "") return [];
    return v
      .replace(/^\/+/, "")
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
  }
  if (isArray(v)) return [...v];
  return undefined;
}

class PatchFailure extends Error {}

function fail(): never {
  throw new PatchFailure();
}

const PATCH_OPS = new Set(["add", "remove", "replace", "move", "copy", "test"]);

// An array index in a path: an integer, a decimal string without leading zeros, or "-"
// for the end of the array.
function toIndex(length: number, key: Value): number {
  if (typeof key === "number" && Number.isInteger(key)) return key;
  if (typeof key === "string") {
    if (key === "-") return length;
    if (/^[+-]?[0-9]+$/.test(key) && !(key !== "0" && key.startsWith("0"))) {
      const n = Number(key);
      if (Number.isSafeInteger(n)) return n;
    }
  }
  return fail();
}

function childOf(node: Value, key: Value): Value {
  let child: Value | undefined;
  if (isObject(node)) child = objectGet(node, key);
  else if (isSet(node)) child = node.get(key);
  else if (isArray(node)) child = node[toIndex(node.length, key)];
  return child === undefined ? fail() : child;
}

function withEntry(obj: ObjectValue, key: Value, value: Value | undefined): ObjectValue {
  const out = new ObjectBuilder();
  for (const [k, v] of objectEntries(obj)) if (!equal(k, key)) out.set(k, v);
  if (value !== undefined) out.set(key, value);
  return out.build();
}

function withMember(set: RegoSet, old: Value | undefined, added: Value | undefined): RegoSet {
  const out = new RegoSet();
  for (const m of set) if (old === undefined || !equal(m, old)) out.add(m);
  if (added !== undefined) out.add(added);
  return out;
}

// Rebuilds node with the container at path replaced by edit(container).
function editAt(node: Value, path: readonly Value[], edit: (container: Value) => Value): Value {
  if (path.length === 0) return edit(node);
  const [key, ...rest] = path as [Value, ...Value[]];
  const child = childOf(node, key);
  const updated = editAt(child, rest, edit);
  if (isObject(node)) return withEntry(node, key, updated);
  if (isSet(node)) return withMember(node, child, updated);
  const arr = [...(node as ArrayValue)];
  arr[toIndex(arr.length, key)] = updated;
  return arr;
}

function insertInto(container: Value, key: Value, value: Value): Value {
  if (isObject(container)) return withEntry(container, key, value);
  if (isSet(container)) return equal(key, value) ? withMember(container, undefined, value) : fail();
  if (isArray(container)) {
    const i = toIndex(container.length, key);
    if (i < 0 || i > container.length) fail();
    return [...container.slice(0, i), value, ...container.slice(i)];
  }
  return fail();
}

function deleteFrom(container: Value, key: Value): Value {
  if (isObject(container)) return objectHas(container, key) ? withEntry(container, key, undefined) : fail();
  if (isSet(container)) return container.has(key) ? withMember(container, key, undefined) : fail();
  if (isArray(container)) {
    const i = toIndex(container.length, key);
    if (i < 0 || i >= container.length) fail();
    return [...container.slice(0, i), ...container.slice(i + 1)];
  }
  return fail();
}

// The document is undefined once its root was removed; only an add at "" revives it.
type Doc = Value | undefined;

function insertAt(doc: Doc, path: readonly Value[], value: Value): Value {
  if (path.length === 0) return value;
  if (doc === undefined) fail();
  return editAt(doc, path.slice(0, -1), (c) => insertInto(c, path[path.length - 1] as Value, value));
}

function deleteAt(doc: Doc, path: readonly Value[]): Doc {
  if (doc === undefined) fail();
  if (path.length === 0) return undefined;
  return editAt(doc, path.slice(0, -1), (c) => deleteFrom(c, path[path.length - 1] as Value));
}

function getAt(doc: Doc, path: readonly Value[]): Value {
  if (doc === undefined) fail();
  return path.reduce<Value>((node, key) => childOf(node, key), doc);
}

function applyOperation(doc: Doc, operation: Value): Doc {
  if (!isObject(operation)) fail();
  const attr = (name: string): Value => {
    const v = objectGet(operation, name);
    return v === undefined ? fail() : v;
  };
  const op = attr("op");
  if (typeof op !== "string" || !PATCH_OPS.has(op)) fail();
  const path = parsePath(attr("path")) ?? fail();
  const from = op === "move" || op === "copy" ? (parsePath(attr("from")) ?? fail()) : [];
  const value = op === "add" || op === "replace" || op === "test" ? attr("value") : null;
  switch (op) {
    case "add":
      return insertAt(doc, path, value);
    case "remove":
      return deleteAt(doc, path);
    case "replace":
      return insertAt(deleteAt(doc, path), path, value);
    case "move": {
      const chunk = getAt(doc, from);
      return insertAt(deleteAt(doc, from), path, chunk);
    }
    case "copy":
      return insertAt(doc, path, getAt(doc, from));
    default:
      return equal(getAt(doc, path), value) ? doc : fail();
  }
}

// The document after the operations, or undefined when one of them fails.
export function applyPatch(doc: Value, operations: ArrayValue): Value | undefined {
  try {
    return operations.reduce<Doc>(applyOperation, doc);
  } catch (e) {
    if (e instanceof PatchFailure) return undefined;
    throw e;
  }
}
