// Builtins of the json family: json.marshal(_with_options), json.unmarshal, json.is_valid,
// json.filter, json.remove, json.patch (RFC 6902), json.verify_schema, json.match_schema.
//
// json.marshal writes what Go's encoding/json writes for OPA: object keys sorted, sets as
// sorted arrays, non-string keys as their JSON text, and <, >, &, U+2028, U+2029 escaped.

import { numberFromText, type Numeric } from "../bignum.js";
import { formatNumber, formatValue } from "../format.js";
import {
  Kind,
  ObjectBuilder,
  RegoSet,
  compare,
  compareStrings,
  isArray,
  isObject,
  isSet,
  keyOf,
  kindOf,
  objectEntries,
  typeName,
  type ArrayValue,
  type ObjectValue,
  type Value,
} from "../value.js";
import { arrayArg, objectArg, oneOfError, stringArg } from "./args.js";
import { BuiltinError, builtinError, type Builtin } from "./registry.js";
import { applyPatch, parsePath } from "./json-patch.js";
import { matchSchema, verifySchema } from "./json-schema.js";

// ---------------------------------------------------------------------------------------
// Serialisation

// A string as Go's json.Marshal quotes it (HTML-safe; lone surrogates become U+FFFD).
function goJSONString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xe000) {
      const d = s.charCodeAt(i + 1);
      if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else out += "\ufffd";
      continue;
    }
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += "\\\\";
        break;
      case 0x08:
        out += "\\b";
        break;
      case 0x0c:
        out += "\\f";
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0d:
        out += "\\r";
        break;
      case 0x09:
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
          out += "\\u" + c.toString(16).padStart(4, "0");
        } else out += s[i]!;
    }
  }
  return out + '"';
}

interface Indent {
  readonly prefix: string;
  readonly unit: string;
}

// JSON text of a Rego value; with `indent`, laid out as Go's json.MarshalIndent.
export function marshalJSON(v: Value, indent?: Indent): string {
  const nl = (depth: number) => (indent ? "\n" + indent.prefix + indent.unit.repeat(depth) : "");
  const colon = indent ? ": " : ":";
  const write = (x: Value, depth: number): string => {
    switch (kindOf(x)) {
      case Kind.Null:
        return "null";
      case Kind.Boolean:
        return x ? "true" : "false";
      case Kind.Number:
        return formatNumber(x as Numeric);
      case Kind.String:
        return goJSONString(x as string);
      case Kind.Array:
      case Kind.Set: {
        const items = isSet(x) ? x.sorted() : (x as ArrayValue);
        if (items.length === 0) return "[]";
        return "[" + items.map((e) => nl(depth + 1) + write(e, depth + 1)).join(",") + nl(depth) + "]";
      }
      case Kind.Object: {
        const entries = [...objectEntries(x as ObjectValue)].map(
          ([k, e]) => [typeof k === "string" ? k : marshalJSON(k), e] as const,
        );
        if (entries.length === 0) return "{}";
        entries.sort((a, b) => compareStrings(a[0], b[0]));
        const parts = entries.map(([k, e]) => nl(depth + 1) + goJSONString(k) + colon + write(e, depth + 1));
        return "{" + parts.join(",") + nl(depth) + "}";
      }
    }
  };
  return write(v, 0);
}

function marshalWithOptions(args: readonly Value[]): Value {
  const name = "json.marshal_with_options";
  const value = args[0] as Value;
  const opts = objectArg(name, args, 1);
  const optionError = (message: string) => new BuiltinError("eval_type_error", `${name}: operand 2 ${message}`);
  let prefix = "";
  let unit = "\t";
  let implicitPretty = false;
  let pretty: boolean | undefined;
  // OPA reads the options in key order, quoting each one's index as an operand position.
  const entries = [...objectEntries(opts)].sort((a, b) => compare(a[0], b[0]));
  entries.forEach(([key, v], idx) => {
    if (typeof key !== "string") {
      throw optionError(
        `failed to stringify key ${formatValue(key)} at index ${idx}: operand ${idx} must be string but got ${typeName(key)}`,
      );
    }
    switch (key) {
      case "prefix":
      case "indent":
        if (typeof v !== "string") {
          throw optionError(`key ${key} failed cast to string: operand ${idx} must be string but got ${typeName(v)}`);
        }
        if (key === "prefix") prefix = v;
        else unit = v;
        implicitPretty = true;
        break;
      case "pretty":
        if (typeof v !== "boolean") throw optionError(`key ${key} failed cast to bool`);
        pretty = v;
        break;
      default:
        throw optionError(`object contained unknown key ${key}`);
    }
  });
  if (!(pretty ?? implicitPretty)) return marshalJSON(value);
  // MarshalIndent does not prefix the first line; OPA adds it.
  return prefix + marshalJSON(value, { prefix, unit });
}

// ---------------------------------------------------------------------------------------
// Parsing

type Reviver = (key: string, value: unknown) => unknown;

// JSON text as a Rego value, numbers exact (a big integer stays a BigNum).
export function parseJSON(text: string): Value {
  const reviver = (_key: string, value: unknown, context?: { source?: string }): unknown =>
    typeof value === "number" && context?.source !== undefined ? numberFromText(context.source) : value;
  return JSON.parse(text, reviver as Reviver) as Value;
}

function unmarshal(args: readonly Value[]): Value {
  const text = stringArg("json.unmarshal", args, 0);
  try {
    return parseJSON(text);
  } catch (e) {
    throw builtinError("json.unmarshal", (e as Error).message);
  }
}

function isValidJSON(v: Value): boolean {
  if (typeof v !== "string") return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// json.filter and json.remove

function pathsOperand(name: string, v: Value): Value[][] {
  let members: readonly Value[];
  if (isArray(v)) members = v;
  else if (isSet(v)) members = v.sorted();
  else throw oneOfError(name, 2, ["set", "array"], v);
  return members.map((m) => {
    const path = parsePath(m);
    if (!path) {
      throw new BuiltinError(
        "eval_type_error",
        `${name}: operand 2 must be one of {set, array} containing string paths or array of path segments but got ${typeName(m)}`,
      );
    }
    return path;
  });
}

// The paths as a tree keyed by keyOf of each segment. A leaf (null) selects everything
// beneath it, so a shorter path wins over a longer one through the same keys.
interface PathTree extends Map<string, PathTree | null> {}

function pathTree(paths: readonly Value[][]): PathTree {
  const root: PathTree = new Map();
  for (const path of paths) {
    if (path.length === 0) continue;
    let node = root;
    let covered = false;
    for (let i = 0; i < path.length - 1 && !covered; i++) {
      const id = keyOf(path[i] as Value);
      const child = node.get(id);
      if (child === undefined) {
        const sub: PathTree = new Map();
        node.set(id, sub);
        node = sub;
      } else if (child === null) covered = true;
      else node = child;
    }
    if (!covered) node.set(keyOf(path[path.length - 1] as Value), null);
  }
  return root;
}

// What the tree says about one child of a value: not selected, all of it, or a subtree.
function branch(tree: PathTree, key: Value): PathTree | null | undefined {
  return tree.get(keyOf(key));
}

// json.filter: only the selected parts. Array elements are selected by their index as a string.
function filterValue(v: Value, tree: PathTree | null): Value {
  if (tree === null) return v;
  if (isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const b = branch(tree, String(i));
      if (b !== undefined) out.push(filterValue(x, b));
    });
    return out;
  }
  if (isSet(v)) {
    const out = new RegoSet();
    for (const m of v) {
      const b = branch(tree, m);
      if (b !== undefined) out.add(filterValue(m, b));
    }
    return out;
  }
  if (isObject(v)) {
    const out = new ObjectBuilder();
    for (const [k, x] of objectEntries(v)) {
      const b = branch(tree, k);
      if (b !== undefined) out.set(k, filterValue(x, b));
    }
    return out.build();
  }
  return v;
}

// json.remove: everything but the selected parts; removed array elements close up.
function removeValue(v: Value, tree: PathTree | null | undefined): Value | undefined {
  if (tree === undefined) return v;
  if (tree === null) return undefined;
  if (isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const kept = removeValue(x, branch(tree, String(i)));
      if (kept !== undefined) out.push(kept);
    });
    return out;
  }
  if (isSet(v)) {
    const out = new RegoSet();
    for (const m of v) {
      const kept = removeValue(m, branch(tree, m));
      if (kept !== undefined) out.add(kept);
    }
    return out;
  }
  if (isObject(v)) {
    const out = new ObjectBuilder();
    for (const [k, x] of objectEntries(v)) {
      const kept = removeValue(x, branch(tree, k));
      if (kept !== undefined) out.set(k, kept);
    }
    return out.build();
  }
  return v;
}

// ---------------------------------------------------------------------------------------

export const jsonBuiltins: readonly Builtin[] = [
  { name: "json.marshal", arity: 1, fn: ([v]) => marshalJSON(v!) },
  { name: "json.marshal_with_options", arity: 2, fn: marshalWithOptions },
  { name: "json.unmarshal", arity: 1, fn: unmarshal },
  { name: "json.is_valid", arity: 1, fn: ([v]) => isValidJSON(v!) },
  {
    name: "json.filter",
    arity: 2,
    fn: (args) => {
      const obj = objectArg("json.filter", args, 0);
      return filterValue(obj, pathTree(pathsOperand("json.filter", args[1] as Value)));
    },
  },
  {
    name: "json.remove",
    arity: 2,
    fn: (args) => {
      const obj = objectArg("json.remove", args, 0);
      return removeValue(obj, pathTree(pathsOperand("json.remove", args[1] as Value)));
    },
  },
  {
    name: "json.patch",
    arity: 2,
    fn: (args) => applyPatch(args[0] as Value, arrayArg("json.patch", args, 1)),
  },
  { name: "json.verify_schema", arity: 1, fn: ([schema]) => verifySchema(schema!) },
  { name: "json.match_schema", arity: 2, fn: ([doc, schema]) => matchSchema(doc!, schema!) },
];
