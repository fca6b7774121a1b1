// Rego values, as the engine holds them.
//
// JSON-shaped values are plain JS values, so that an input document parsed by JSON.parse is
// already a Rego value (no conversion of a 100,000-resource snapshot):
//   null, boolean, string, number (or BigNum beyond a double), arrays, and plain objects
//   whose keys are all strings.
// Two classes carry what JSON cannot: RegoSet, and RegoObject for objects with a key that
// is not a string ({1: "a"}). An object whose keys are all strings is a plain object, except
// the large objects partial rules build (indexes keyed by resource id): those are a RegoObject
// over a Map, since V8 looks up a long computed key in a Map far faster than in a dictionary
// object (which must intern the key first). Equality, hashing and order treat both alike.
//
// Values are immutable once built. Read plain objects only through the helpers here:
// objects from JSON.parse inherit from Object.prototype, so `o[k]` alone would find
// "toString".

import { BigNum, compareNumeric, numberText, type Numeric } from "./bignum.js";

export { BigNum } from "./bignum.js";

export type Value = null | boolean | number | BigNum | string | ArrayValue | RegoSet | ObjectValue;
export type ArrayValue = readonly Value[];
export interface JsonObject {
  readonly [key: string]: Value;
}
export type ObjectValue = JsonObject | RegoObject;

// Rego's type order: null < boolean < number < string < array < object < set.
export const enum Kind {
  Null = 0,
  Boolean = 1,
  Number = 2,
  String = 3,
  Array = 6,
  Object = 7,
  Set = 8,
}

export function kindOf(v: Value): Kind {
  switch (typeof v) {
    case "string":
      return Kind.String;
    case "number":
      return Kind.Number;
    case "boolean":
      return Kind.Boolean;
    default:
      if (v === null) return Kind.Null;
      if (Array.isArray(v)) return Kind.Array;
      if (v instanceof RegoSet) return Kind.Set;
      if (v instanceof BigNum) return Kind.Number;
      return Kind.Object;
  }
}

const KIND_NAMES: Record<Kind, string> = {
  [Kind.Null]: "null",
  [Kind.Boolean]: "boolean",
  [Kind.Number]: "number",
  [Kind.String]: "string",
  [Kind.Array]: "array",
  [Kind.Object]: "object",
  [Kind.Set]: "set",
};

export function typeName(v: Value): string {
  return KIND_NAMES[kindOf(v)];
}

export const isString = (v: Value | undefined): v is string => typeof v === "string";
export const isNumber = (v: Value | undefined): v is Numeric => typeof v === "number" || v instanceof BigNum;
export const isBoolean = (v: Value | undefined): v is boolean => typeof v === "boolean";
export const isArray = (v: Value | undefined): v is ArrayValue => Array.isArray(v);
export const isSet = (v: Value | undefined): v is RegoSet => v instanceof RegoSet;
export function isObject(v: Value | undefined): v is ObjectValue {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof RegoSet) && !(v instanceof BigNum)
  );
}

// ---------------------------------------------------------------------------------------
// Hash keys: a string per value, equal exactly when the values are equal. Sets and
// non-string-keyed objects index their members by it.

const compositeKeys = new WeakMap<object, string>();

export function keyOf(v: Value): string {
  switch (typeof v) {
    case "string":
      return "s" + v;
    case "number":
      return "n" + numberText(v);
    case "boolean":
      return v ? "t" : "f";
    default:
      if (v === null) return "z";
      if (v instanceof BigNum) return "n" + v.toString();
      return compositeKey(v);
  }
}

// Inside a composite, a string is its length, a quote and itself: a prefix that says where it
// ends, cheaper to build than an escaped form.
function nestedKey(v: Value): string {
  return typeof v === "string" ? v.length + '"' + v : keyOf(v);
}

function compositeKey(v: ArrayValue | RegoSet | ObjectValue): string {
  const cached = compositeKeys.get(v);
  if (cached !== undefined) return cached;
  let key: string;
  if (Array.isArray(v)) {
    key = "[";
    for (let i = 0; i < v.length; i++) key += (i > 0 ? "," : "") + nestedKey(v[i] as Value);
    key += "]";
  } else if (v instanceof RegoSet) {
    key = "<" + v.sorted().map(nestedKey).join(",") + ">";
  } else if (v instanceof RegoObject && !v.stringKeyed) {
    const parts: string[] = [];
    for (const [k, x] of v.entries()) parts.push(nestedKey(k) + ":" + nestedKey(x));
    key = "{" + parts.sort().join(",") + "}";
  } else {
    // String keys (a plain object or a string-keyed RegoObject, which must hash alike): sorting
    // the keys orders the entries.
    const o = v as ObjectValue;
    const keys = (objectKeys(o) as string[]).sort();
    key = "{";
    for (let i = 0; i < keys.length; i++) key += (i > 0 ? "," : "") + nestedKey(keys[i]!) + ":" + nestedKey(objectGet(o, keys[i]!)!);
    key += "}";
  }
  compositeKeys.set(v, key);
  return key;
}

// ---------------------------------------------------------------------------------------
// Sets

export class RegoSet {
  // Strings (most members) by themselves; other members by their hash key.
  private readonly strings = new Set<string>();
  private readonly others = new Map<string, Value>();
  private sortedCache: Value[] | undefined;

  constructor(values?: Iterable<Value>) {
    if (values) for (const v of values) this.add(v);
  }

  // Only while building: a set is immutable once another value holds it.
  add(v: Value): boolean {
    if (typeof v === "string") {
      if (this.strings.has(v)) return false;
      this.strings.add(v);
    } else {
      const k = keyOf(v);
      if (this.others.has(k)) return false;
      this.others.set(k, v);
    }
    this.sortedCache = undefined;
    return true;
  }

  has(v: Value): boolean {
    return typeof v === "string" ? this.strings.has(v) : this.others.has(keyOf(v));
  }

  // The member equal to v, as the set holds it.
  get(v: Value): Value | undefined {
    if (typeof v === "string") return this.strings.has(v) ? v : undefined;
    return this.others.get(keyOf(v));
  }

  get size(): number {
    return this.strings.size + this.others.size;
  }

  *values(): IterableIterator<Value> {
    yield* this.strings;
    yield* this.others.values();
  }

  [Symbol.iterator](): IterableIterator<Value> {
    return this.values();
  }

  // Members in Rego's order (what a set prints as, and what `sort` returns).
  sorted(): readonly Value[] {
    if (!this.sortedCache) {
      // Other kinds sort before strings except arrays, objects and sets, which sort after.
      const strings = [...this.strings].sort(compareStrings);
      if (this.others.size === 0) this.sortedCache = strings;
      else this.sortedCache = [...this.others.values(), ...strings].sort(compare);
    }
    return this.sortedCache;
  }
}

// ---------------------------------------------------------------------------------------
// Objects

export class RegoObject {
  // An object whose keys are all strings: its entries by key (see ofStrings). Otherwise
  // every entry by its key's hash key, in insertion order.
  private byString: Map<string, Value> | undefined;
  private byKey: Map<string, [Value, Value]> | undefined;

  constructor(entries?: Iterable<readonly [Value, Value]>) {
    this.byKey = new Map();
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  // An object over a map of string keys, which it takes over: the caller no longer writes it.
  // (Keys that look like array indexes would iterate in another order than in a plain object,
  // so callers keep those objects plain.)
  static ofStrings(map: Map<string, Value>): RegoObject {
    const o = new RegoObject();
    o.byKey = undefined;
    o.byString = map;
    return o;
  }

  get stringKeyed(): boolean {
    return this.byString !== undefined;
  }

  // Only while building.
  set(k: Value, v: Value): void {
    if (this.byString) {
      if (typeof k === "string") {
        this.byString.set(k, v);
        return;
      }
      this.byKey = new Map([...this.byString].map(([sk, sv]) => [keyOf(sk), [sk, sv]]));
      this.byString = undefined;
    }
    this.byKey!.set(keyOf(k), [k, v]);
  }

  get(k: Value): Value | undefined {
    if (this.byString) return typeof k === "string" ? this.byString.get(k) : undefined;
    return this.byKey!.get(keyOf(k))?.[1];
  }

  has(k: Value): boolean {
    if (this.byString) return typeof k === "string" && this.byString.has(k);
    return this.byKey!.has(keyOf(k));
  }

  get size(): number {
    return this.byString ? this.byString.size : this.byKey!.size;
  }

  entries(): IterableIterator<[Value, Value]> {
    return this.byString ? this.byString.entries() : this.byKey!.values();
  }

  // Calls fn for each entry; stops when fn returns true.
  each(fn: (k: Value, v: Value) => boolean | void): boolean {
    if (this.byString) {
      for (const [k, v] of this.byString) if (fn(k, v) === true) return true;
      return false;
    }
    for (const [k, v] of this.byKey!.values()) if (fn(k, v) === true) return true;
    return false;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

export function objectGet(o: ObjectValue, key: Value): Value | undefined {
  if (o instanceof RegoObject) return o.get(key);
  if (typeof key !== "string") return undefined;
  // One lookup: what an object inherits from Object.prototype is a function (or, for
  // __proto__, the prototype), which no JSON or Rego value is.
  const v = (o as JsonObject)[key];
  if (v === undefined || typeof v === "function") return undefined;
  return key === "__proto__" && !hasOwn.call(o, key) ? undefined : v;
}

export function objectHas(o: ObjectValue, key: Value): boolean {
  if (o instanceof RegoObject) return o.has(key);
  return typeof key === "string" && hasOwn.call(o, key);
}

export function objectSize(o: ObjectValue): number {
  return o instanceof RegoObject ? o.size : Object.keys(o).length;
}

export function objectKeys(o: ObjectValue): Value[] {
  if (o instanceof RegoObject) return [...o.entries()].map(([k]) => k);
  return Object.keys(o);
}

export function* objectEntries(o: ObjectValue): Generator<[Value, Value]> {
  if (o instanceof RegoObject) {
    yield* o.entries();
    return;
  }
  for (const k of Object.keys(o)) yield [k, (o as JsonObject)[k] as Value];
}

// Calls fn for each entry; stops when fn returns true. Cheaper than objectEntries in hot loops.
export function forEachEntry(o: ObjectValue, fn: (k: Value, v: Value) => boolean | void): boolean {
  if (o instanceof RegoObject) return o.each(fn);
  // Object.keys rather than for…in: no inherited keys to skip, and V8 serves it from the
  // shape's cached key list.
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (fn(k, (o as JsonObject)[k] as Value) === true) return true;
  }
  return false;
}

// Builds an object in its one representation: plain when every key is a string.
export class ObjectBuilder {
  private plain: Record<string, Value> | undefined = Object.create(null) as Record<string, Value>;
  private general: RegoObject | undefined;

  set(k: Value, v: Value): this {
    if (this.plain && typeof k === "string") {
      this.plain[k] = v;
      return this;
    }
    if (!this.general) {
      this.general = new RegoObject(this.plain ? Object.entries(this.plain) : undefined);
      this.plain = undefined;
    }
    this.general.set(k, v);
    return this;
  }

  has(k: Value): boolean {
    if (this.plain) return typeof k === "string" && hasOwn.call(this.plain, k);
    return this.general!.has(k);
  }

  get(k: Value): Value | undefined {
    if (this.plain) return typeof k === "string" && hasOwn.call(this.plain, k) ? this.plain[k] : undefined;
    return this.general!.get(k);
  }

  build(): ObjectValue {
    return this.plain ?? this.general!;
  }
}

export function makeObject(entries: Iterable<readonly [Value, Value]>): ObjectValue {
  const b = new ObjectBuilder();
  for (const [k, v] of entries) b.set(k, v);
  return b.build();
}

export const EMPTY_OBJECT: ObjectValue = Object.freeze(Object.create(null) as JsonObject);

// ---------------------------------------------------------------------------------------
// Collections

// The member of a collection at a key: array index, object key, set member.
export function lookup(v: Value, key: Value): Value | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    if (typeof key !== "number" || !Number.isInteger(key) || key < 0 || key >= v.length) return undefined;
    return v[key] as Value;
  }
  if (v instanceof RegoSet) return v.get(key);
  if (isObject(v)) return objectGet(v, key);
  return undefined;
}

// Calls fn(key, value) for each member of a collection; stops when fn returns true.
export function forEachMember(v: Value, fn: (key: Value, value: Value) => boolean): boolean {
  if (typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (fn(i, v[i] as Value)) return true;
    return false;
  }
  if (isSet(v)) {
    for (const x of v.sorted()) if (fn(x, x)) return true;
    return false;
  }
  if (isObject(v)) return forEachEntry(v, fn);
  return false;
}

// ---------------------------------------------------------------------------------------
// Equality and order

export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta !== "object" || typeof b !== "object" || a === null || b === null) {
    return false; // distinct primitives (numbers are normalised, so 1 and BigNum never meet)
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i] as Value, b[i] as Value)) return false;
    return true;
  }
  if (a instanceof BigNum) return b instanceof BigNum && compareNumeric(a, b) === 0;
  if (a instanceof RegoSet) {
    if (!(b instanceof RegoSet) || a.size !== b.size) return false;
    for (const x of a) if (!b.has(x)) return false;
    return true;
  }
  if (Array.isArray(b) || b instanceof RegoSet || b instanceof BigNum) return false;
  const oa = a as ObjectValue;
  const ob = b as ObjectValue;
  if (objectSize(oa) !== objectSize(ob)) return false;
  return !forEachEntry(oa, (k, v) => {
    const w = objectGet(ob, k);
    return w === undefined || !equal(v, w);
  });
}

function sortedEntries(o: ObjectValue): [Value, Value][] {
  if (o instanceof RegoObject) return [...o.entries()].sort((x, y) => compare(x[0], y[0]));
  return Object.keys(o)
    .sort(compareStrings)
    .map((k) => [k, (o as JsonObject)[k] as Value]);
}

// Go compares strings by bytes (UTF-8); JS by UTF-16 code units. They differ only for
// characters beyond the BMP against U+E000..U+FFFF; compare code points to agree with Go.
const HIGH_CHARS = /[\uD800-\uFFFF]/;

export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  // Without surrogates or characters at or above U+E000 both orders agree: compare natively.
  if (!HIGH_CHARS.test(a) || !HIGH_CHARS.test(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      return cx < cy ? -1 : cx > cy ? 1 : 0;
    }
  }
  return a.length < b.length ? -1 : 1;
}

// Rego's total order over values.
export function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  switch (ka) {
    case Kind.Null:
      return 0;
    case Kind.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case Kind.Number:
      return compareNumeric(a as Numeric, b as Numeric);
    case Kind.String:
      return compareStrings(a as string, b as string);
    case Kind.Array: {
      const x = a as ArrayValue;
      const y = b as ArrayValue;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i] as Value, y[i] as Value);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    case Kind.Object: {
      const x = sortedEntries(a as ObjectValue);
      const y = sortedEntries(b as ObjectValue);
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i]![0], y[i]![0]) || compare(x[i]![1], y[i]![1]);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    case Kind.Set: {
      const x = (a as RegoSet).sorted();
      const y = (b as RegoSet).sorted();
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i] as Value, y[i] as Value);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
  }
}

// ---------------------------------------------------------------------------------------
// JSON

// A JSON value (from JSON.parse or a YAML loader) as a Rego value. Plain JSON is already a
// Rego value; this only checks the shape and turns non-finite or exotic numbers away.
export function fromJSON(x: unknown): Value {
  // Nearly always the value is plain JSON already: check without copying, convert only if not.
  return isPlainJSON(x) ? (x as Value) : convertJSON(x);
}

function isPlainJSON(x: unknown): boolean {
  switch (typeof x) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(x);
    case "object":
      if (x === null) return true;
      if (Array.isArray(x)) {
        for (const e of x) if (!isPlainJSON(e)) return false;
        return true;
      }
      if (x instanceof RegoSet || x instanceof RegoObject || x instanceof BigNum) return false;
      for (const k in x) if (hasOwn.call(x, k) && !isPlainJSON((x as Record<string, unknown>)[k])) return false;
      return true;
    default:
      return false;
  }
}

function convertJSON(x: unknown): Value {
  if (x === null || typeof x === "string" || typeof x === "boolean") return x;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new TypeError(`not a JSON number: ${x}`);
    return x;
  }
  if (typeof x === "bigint") return new BigNum(x, 0);
  if (Array.isArray(x)) return x.map(fromJSON);
  if (typeof x === "object") {
    if (x instanceof RegoSet || x instanceof RegoObject || x instanceof BigNum) return x;
    const b = new ObjectBuilder();
    for (const [k, e] of Object.entries(x as Record<string, unknown>)) b.set(k, fromJSON(e));
    return b.build();
  }
  throw new TypeError(`not a JSON value: ${typeof x}`);
}

// A Rego value as JSON, the way OPA prints results: sets as arrays in Rego order, object
// keys that are not strings as their JSON text.
export function toJSON(v: Value): unknown {
  switch (kindOf(v)) {
    case Kind.Null:
    case Kind.Boolean:
    case Kind.String:
      return v;
    case Kind.Number:
      return v instanceof BigNum ? v.toNumber() : v;
    case Kind.Array:
      return (v as ArrayValue).map(toJSON);
    case Kind.Set:
      return (v as RegoSet).sorted().map(toJSON);
    case Kind.Object: {
      const out: Record<string, unknown> = {};
      for (const [k, x] of objectEntries(v as ObjectValue)) {
        const key = typeof k === "string" ? k : JSON.stringify(toJSON(k));
        Object.defineProperty(out, key, { value: toJSON(x), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}
