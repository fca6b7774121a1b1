// The functions of the ARM template language, as Azure Resource Manager evaluates them
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions).
//
// Functions whose value only exists once deployed — reference(), list*(), utcNow(), newGuid(),
// pickZones(), providers(), deployer() — return the unknown marker {"$unknown": "<the call>"}.
// The deployment's target (subscription, resource group, tenant) is the placeholder target of
// deployment-target.ts unless a nested deployment names its own.

import { cidrHost, cidrSubnet, parseCidr } from "./arm-cidr.js";
import { ExpressionError, type ArmFunction, type Expr, type FunctionCall, type FunctionResolver } from "./arm-expressions.js";
import { armGuid, uniqueString } from "./arm-hashes.js";
import { extensionResourceIdOf, resourceIdOf, type DeploymentTarget } from "./deployment-target.js";
import { deepEqual, getProperty, isObject, isUnknown, typeName, unknownValue, type JsonObject, type JsonValue } from "./json-value.js";

// What the template under evaluation lends its functions.
export interface TemplateHost {
  readonly target: DeploymentTarget;
  parameter(name: string): JsonValue;
  variable(name: string): JsonValue;
  copyIndex(loop: string | undefined): number;
  deployment(): JsonObject;
  // namespace.name of a user-defined function, or undefined.
  userFunction(qualifiedName: string): ArmFunction | undefined;
  // languageVersion 2.0: the resource declared under this symbolic name.
  resourceInfo(symbolicName: string): JsonObject | undefined;
}

export function functionResolver(host: TemplateHost): FunctionResolver {
  const hosted = hostFunctions(host);
  return {
    resolve(name: string): ArmFunction | undefined {
      if (name.includes(".")) return host.userFunction(name);
      const lower = name.toLowerCase();
      const fn = hosted.get(lower) ?? BUILTINS.get(lower);
      if (fn !== undefined) return fn;
      // listKeys, listSecrets, listConnectionStrings, …: values of deployed resources.
      if (lower.startsWith("list")) return UNKNOWABLE;
      return undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Argument checks

function fail(call: FunctionCall, message: string): never {
  throw new ExpressionError(`${call.name}(): ${message} in "${call.text}"`);
}

function arg(call: FunctionCall, i: number): JsonValue {
  return call.args[i] ?? null;
}

function str(call: FunctionCall, i: number): string {
  const v = arg(call, i);
  if (typeof v !== "string") fail(call, `argument ${i + 1} must be a string, found ${typeName(v)}`);
  return v;
}

function int(call: FunctionCall, i: number): number {
  const v = arg(call, i);
  if (typeof v !== "number" || !Number.isInteger(v)) fail(call, `argument ${i + 1} must be an integer, found ${typeName(v)}`);
  return v;
}

function bool(call: FunctionCall, i: number): boolean {
  const v = arg(call, i);
  if (typeof v !== "boolean") fail(call, `argument ${i + 1} must be a bool, found ${typeName(v)}`);
  return v;
}

function arr(call: FunctionCall, i: number): JsonValue[] {
  const v = arg(call, i);
  if (!Array.isArray(v)) fail(call, `argument ${i + 1} must be an array, found ${typeName(v)}`);
  return v;
}

function obj(call: FunctionCall, i: number): JsonObject {
  const v = arg(call, i);
  if (!isObject(v)) fail(call, `argument ${i + 1} must be an object, found ${typeName(v)}`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Conversions shared by several functions

// string(): how ARM (.NET) prints a value: True/False for bools, compact JSON for objects.
export function armString(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

function lengthOf(call: FunctionCall, value: JsonValue): number {
  if (typeof value === "string" || Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  fail(call, `expects an array, an object or a string, found ${typeName(value)}`);
}

function compare(call: FunctionCall): number {
  const a = arg(call, 0);
  const b = arg(call, 1);
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  fail(call, `compares two integers or two strings, found ${typeName(a)} and ${typeName(b)}`);
}

// .NET composite formatting as format() uses it: {0}, {1:D3}, {{ and }}.
function formatString(call: FunctionCall): string {
  const pattern = str(call, 0);
  const values = call.args.slice(1);
  return pattern.replace(/\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}/g, (whole, index?: string, align?: string, spec?: string) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    const i = Number(index);
    if (i >= values.length) fail(call, `the format refers to argument {${i}} but only ${values.length} were given`);
    let out = formatValue(values[i] as JsonValue, spec);
    if (align !== undefined) {
      const width = Number(align);
      out = width < 0 ? out.padEnd(-width) : out.padStart(width);
    }
    return out;
  });
}

function formatValue(value: JsonValue, spec: string | undefined): string {
  if (spec === undefined || typeof value !== "number") return armString(value);
  const m = /^([DdNnXx])(\d*)$/.exec(spec);
  if (m === null) return armString(value);
  const digits = m[2] === "" ? undefined : Number(m[2]);
  switch (m[1]) {
    case "D":
    case "d":
      return (value < 0 ? "-" : "") + String(Math.abs(value)).padStart(digits ?? 0, "0");
    case "X":
      return value.toString(16).toUpperCase().padStart(digits ?? 0, "0");
    case "x":
      return value.toString(16).padStart(digits ?? 0, "0");
    default:
      return value.toLocaleString("en-US", { minimumFractionDigits: digits ?? 2, maximumFractionDigits: digits ?? 2 });
  }
}

// lambda('x', 'i', <body>) given to filter, map, reduce, sort, toObject, mapValues.
function lambdaArg(call: FunctionCall, i: number): (values: readonly JsonValue[]) => JsonValue {
  const node = call.node.args[i];
  if (node === undefined || node.kind !== "call" || node.name.toLowerCase() !== "lambda") {
    fail(call, `argument ${i + 1} must be a lambda('name', expression)`);
  }
  const names = node.args.slice(0, -1).map((a) => {
    const v = call.evaluate(a);
    if (typeof v !== "string") fail(call, "lambda variable names must be strings");
    return v;
  });
  const body = node.args[node.args.length - 1] as Expr;
  return (values) => call.evaluateWith(body, new Map(names.map((n, k) => [n, values[k] ?? null])));
}

function lazyArray(call: FunctionCall, i: number): JsonValue[] | undefined {
  const v = call.evaluate(call.node.args[i] as Expr);
  if (isUnknown(v)) return undefined;
  if (!Array.isArray(v)) fail(call, `argument ${i + 1} must be an array, found ${typeName(v)}`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// The builtins that need nothing from the template

const fn = (minArgs: number, maxArgs: number, run: (call: FunctionCall) => JsonValue, options: Partial<ArmFunction> = {}): ArmFunction => ({
  minArgs,
  maxArgs,
  run,
  ...options,
});

const UNKNOWABLE: ArmFunction = fn(0, Infinity, (call) => unknownValue(call.text), { acceptsUnknown: true });

const V = Infinity;

const ENVIRONMENT: JsonObject = {
  name: "AzureCloud",
  gallery: "https://gallery.azure.com/",
  graph: "https://graph.windows.net/",
  portal: "https://portal.azure.com",
  graphAudience: "https://graph.windows.net/",
  activeDirectoryDataLake: "https://datalake.azure.net/",
  batch: "https://batch.core.windows.net/",
  media: "https://rest.media.azure.net",
  sqlManagement: "https://management.core.windows.net:8443/",
  resourceManager: "https://management.azure.com/",
  authentication: {
    loginEndpoint: "https://login.microsoftonline.com/",
    audiences: ["https://management.core.windows.net/", "https://management.azure.com/"],
    tenant: "common",
    identityProvider: "AAD",
  },
  suffixes: {
    acrLoginServer: ".azurecr.io",
    azureDatalakeAnalyticsCatalogAndJob: "azuredatalakeanalytics.net",
    azureDatalakeStoreFileSystem: "azuredatalakestore.net",
    azureFrontDoorEndpointSuffix: "azurefd.net",
    keyvaultDns: ".vault.azure.net",
    sqlServerHostname: ".database.windows.net",
    storage: "core.windows.net",
  },
};

const BUILTINS = new Map<string, ArmFunction>(
  Object.entries({
    // --- string
    concat: fn(0, V, (call) => {
      if (call.args.length > 0 && call.args.every((a) => Array.isArray(a) || a === null)) {
        return call.args.flatMap((a) => (Array.isArray(a) ? a : []));
      }
      if (call.args.some((a) => Array.isArray(a))) fail(call, "concatenates either arrays or strings, not both");
      return call.args.map(armString).join("");
    }),
    format: fn(1, V, (call) => formatString(call)),
    tolower: fn(1, 1, (call) => str(call, 0).toLowerCase()),
    toupper: fn(1, 1, (call) => str(call, 0).toUpperCase()),
    trim: fn(1, 1, (call) => str(call, 0).trim()),
    replace: fn(3, 3, (call) => str(call, 0).split(str(call, 1)).join(str(call, 2))),
    split: fn(2, 2, (call) => {
      const delimiters = Array.isArray(arg(call, 1)) ? arr(call, 1).map((d, i) => (typeof d === "string" ? d : fail(call, `delimiter ${i + 1} is not a string`))) : [str(call, 1)];
      let parts = [str(call, 0)];
      for (const d of delimiters) parts = parts.flatMap((p) => p.split(d));
      return parts;
    }),
    substring: fn(2, 3, (call) => {
      const s = str(call, 0);
      const start = int(call, 1);
      const length = call.args.length > 2 ? int(call, 2) : s.length - start;
      if (start < 0 || start > s.length) fail(call, `start index ${start} is outside the string of length ${s.length}`);
      if (length < 0 || start + length > s.length) fail(call, `length ${length} from index ${start} runs past the string of length ${s.length}`);
      return s.substring(start, start + length);
    }),
    padleft: fn(2, 3, (call) => {
      const v = arg(call, 0);
      const s = typeof v === "number" ? String(v) : str(call, 0);
      const pad = call.args.length > 2 ? str(call, 2) : " ";
      if (pad.length !== 1) fail(call, "the padding must be one character");
      return s.padStart(int(call, 1), pad);
    }),
    startswith: fn(2, 2, (call) => str(call, 0).toLowerCase().startsWith(str(call, 1).toLowerCase())),
    endswith: fn(2, 2, (call) => str(call, 0).toLowerCase().endsWith(str(call, 1).toLowerCase())),
    contains: fn(2, 2, (call) => {
      const container = arg(call, 0);
      const item = arg(call, 1);
      if (typeof container === "string") return container.toLowerCase().includes(armString(item).toLowerCase());
      if (Array.isArray(container)) return container.some((x) => deepEqual(x, item));
      if (isObject(container)) return getProperty(container, str(call, 1)) !== undefined;
      fail(call, `expects an array, an object or a string, found ${typeName(container)}`);
    }),
    indexof: fn(2, 2, (call) => {
      const c = arg(call, 0);
      if (Array.isArray(c)) return c.findIndex((x) => deepEqual(x, arg(call, 1)));
      return str(call, 0).toLowerCase().indexOf(str(call, 1).toLowerCase());
    }),
    lastindexof: fn(2, 2, (call) => {
      const c = arg(call, 0);
      if (Array.isArray(c)) {
        for (let i = c.length - 1; i >= 0; i--) if (deepEqual(c[i] as JsonValue, arg(call, 1))) return i;
        return -1;
      }
      return str(call, 0).toLowerCase().lastIndexOf(str(call, 1).toLowerCase());
    }),
    empty: fn(1, 1, (call) => {
      const v = arg(call, 0);
      return v === null || lengthOf(call, v) === 0;
    }),
    length: fn(1, 1, (call) => lengthOf(call, arg(call, 0))),
    first: fn(1, 1, (call) => {
      const v = arg(call, 0);
      if (v === null) return null;
      if (typeof v === "string") return v.slice(0, 1);
      return arr(call, 0)[0] ?? null;
    }),
    last: fn(1, 1, (call) => {
      const v = arg(call, 0);
      if (v === null) return null;
      if (typeof v === "string") return v.slice(-1);
      const a = arr(call, 0);
      return a[a.length - 1] ?? null;
    }),
    take: fn(2, 2, (call) => {
      const v = arg(call, 0);
      const n = Math.max(0, int(call, 1));
      if (v === null) return null;
      return typeof v === "string" ? v.slice(0, n) : arr(call, 0).slice(0, n);
    }),
    skip: fn(2, 2, (call) => {
      const v = arg(call, 0);
      const n = Math.max(0, int(call, 1));
      if (v === null) return null;
      return typeof v === "string" ? v.slice(n) : arr(call, 0).slice(n);
    }),
    join: fn(2, 2, (call) => arr(call, 0).map(armString).join(str(call, 1))),
    string: fn(1, 1, (call) => armString(arg(call, 0))),
    uniquestring: fn(1, V, (call) => uniqueString(call.args.map((_, i) => str(call, i)))),
    guid: fn(1, V, (call) => armGuid(call.args.map((_, i) => str(call, i)))),
    base64: fn(1, 1, (call) => Buffer.from(str(call, 0), "utf8").toString("base64")),
    base64tostring: fn(1, 1, (call) => Buffer.from(str(call, 0), "base64").toString("utf8")),
    base64tojson: fn(1, 1, (call) => parseJsonArg(call, Buffer.from(str(call, 0), "base64").toString("utf8"))),
    datauri: fn(1, 1, (call) => `data:text/plain;charset=utf8;base64,${Buffer.from(armString(arg(call, 0)), "utf8").toString("base64")}`),
    datauritostring: fn(1, 1, (call) => {
      const m = /^data:[^,]*?(;base64)?,(.*)$/s.exec(str(call, 0));
      if (m === null) fail(call, "expects a data URI");
      return m[1] !== undefined ? Buffer.from(m[2] ?? "", "base64").toString("utf8") : decodeURIComponent(m[2] ?? "");
    }),
    uri: fn(2, 2, (call) => {
      try {
        return new URL(str(call, 1), str(call, 0)).toString();
      } catch {
        fail(call, `"${str(call, 0)}" is not an absolute URI`);
      }
    }),
    uricomponent: fn(1, 1, (call) => encodeURIComponent(str(call, 0))),
    uricomponenttostring: fn(1, 1, (call) => decodeURIComponent(str(call, 0))),
    json: fn(1, 1, (call) => parseJsonArg(call, str(call, 0))),
    // --- values that exist only once deployed
    newguid: UNKNOWABLE,
    utcnow: UNKNOWABLE,
    reference: UNKNOWABLE,
    references: UNKNOWABLE,
    providers: UNKNOWABLE,
    pickzones: UNKNOWABLE,
    deployer: UNKNOWABLE,
    managementgroup: UNKNOWABLE,
    // --- logical and comparison
    true: fn(0, 0, () => true),
    false: fn(0, 0, () => false),
    null: fn(0, 0, () => null),
    bool: fn(1, 1, (call) => {
      const v = arg(call, 0);
      if (typeof v === "boolean") return v;
      if (typeof v === "number") return v !== 0;
      if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
      fail(call, `cannot convert ${typeName(v)} ${JSON.stringify(v)} to a bool`);
    }),
    not: fn(1, 1, (call) => !bool(call, 0)),
    and: fn(2, V, (call) => logical(call, false), { acceptsUnknown: true }),
    or: fn(2, V, (call) => logical(call, true), { acceptsUnknown: true }),
    if: fn(
      3,
      3,
      (call) => {
        const condition = call.evaluate(call.node.args[0] as Expr);
        if (isUnknown(condition)) return unknownValue(call.text);
        if (typeof condition !== "boolean") fail(call, `the condition must be a bool, found ${typeName(condition)}`);
        // Only the chosen branch is evaluated, as in ARM.
        return call.evaluate(call.node.args[condition ? 1 : 2] as Expr);
      },
      { lazy: true },
    ),
    coalesce: fn(
      1,
      V,
      (call) => {
        for (const a of call.node.args) {
          const v = call.evaluate(a);
          if (isUnknown(v)) return unknownValue(call.text);
          if (v !== null) return v;
        }
        return null;
      },
      { lazy: true },
    ),
    equals: fn(2, 2, (call) => deepEqual(arg(call, 0), arg(call, 1))),
    greater: fn(2, 2, (call) => compare(call) > 0),
    greaterorequals: fn(2, 2, (call) => compare(call) >= 0),
    less: fn(2, 2, (call) => compare(call) < 0),
    lessorequals: fn(2, 2, (call) => compare(call) <= 0),
    // --- numeric
    add: fn(2, 2, (call) => int(call, 0) + int(call, 1)),
    sub: fn(2, 2, (call) => int(call, 0) - int(call, 1)),
    mul: fn(2, 2, (call) => int(call, 0) * int(call, 1)),
    div: fn(2, 2, (call) => {
      const d = int(call, 1);
      if (d === 0) fail(call, "division by zero");
      return Math.trunc(int(call, 0) / d);
    }),
    mod: fn(2, 2, (call) => {
      const d = int(call, 1);
      if (d === 0) fail(call, "division by zero");
      return int(call, 0) % d;
    }),
    int: fn(1, 1, (call) => {
      const v = arg(call, 0);
      if (typeof v === "number") return Math.trunc(v);
      if (typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
      fail(call, `cannot convert ${typeName(v)} ${JSON.stringify(v)} to an integer`);
    }),
    float: fn(1, 1, (call) => {
      const v = arg(call, 0);
      const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
      if (Number.isNaN(n)) fail(call, `cannot convert ${typeName(v)} to a number`);
      return n;
    }),
    min: fn(1, V, (call) => extreme(call, Math.min)),
    max: fn(1, V, (call) => extreme(call, Math.max)),
    range: fn(2, 2, (call) => {
      const start = int(call, 0);
      const count = int(call, 1);
      if (count < 0 || count > 10_000) fail(call, `count must be between 0 and 10000, found ${count}`);
      return Array.from({ length: count }, (_, i) => start + i);
    }),
    // --- arrays and objects
    array: fn(1, 1, (call) => {
      const v = arg(call, 0);
      return Array.isArray(v) ? v : [v];
    }),
    createarray: fn(0, V, (call) => [...call.args], { acceptsUnknown: true }),
    createobject: fn(
      0,
      V,
      (call) => {
        if (call.args.length % 2 !== 0) fail(call, "takes pairs of key and value");
        const out: JsonObject = {};
        for (let i = 0; i < call.args.length; i += 2) {
          const key = call.args[i];
          if (typeof key !== "string") fail(call, `key ${i / 2 + 1} must be a string, found ${typeName(key ?? null)}`);
          out[key] = call.args[i + 1] ?? null;
        }
        return out;
      },
      { acceptsUnknown: true },
    ),
    union: fn(1, V, (call) => {
      if (call.args.every(Array.isArray)) {
        const out: JsonValue[] = [];
        for (const a of call.args as JsonValue[][]) for (const x of a) if (!out.some((y) => deepEqual(x, y))) out.push(x);
        return out;
      }
      return call.args.reduce<JsonObject>((acc, _, i) => mergeDeep(acc, obj(call, i)), {});
    }),
    intersection: fn(2, V, (call) => {
      if (Array.isArray(arg(call, 0))) {
        const [head, ...rest] = call.args.map((_, i) => arr(call, i));
        const out: JsonValue[] = [];
        for (const x of head ?? []) if (rest.every((r) => r.some((y) => deepEqual(x, y))) && !out.some((y) => deepEqual(x, y))) out.push(x);
        return out;
      }
      const [head, ...rest] = call.args.map((_, i) => obj(call, i));
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(head ?? {})) if (rest.every((r) => Object.hasOwn(r, k) && deepEqual(r[k] as JsonValue, v))) out[k] = v;
      return out;
    }),
    shallowmerge: fn(1, 1, (call) => Object.assign({}, ...arr(call, 0).map((x, i) => (isObject(x) ? x : fail(call, `element ${i} is not an object`)))) as JsonObject),
    flatten: fn(1, 1, (call) => arr(call, 0).flatMap((x) => (Array.isArray(x) ? x : fail(call, "expects an array of arrays")))),
    items: fn(1, 1, (call) =>
      Object.entries(obj(call, 0))
        .sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase(), "en"))
        .map(([key, value]) => ({ key, value })),
    ),
    objectkeys: fn(1, 1, (call) => Object.keys(obj(call, 0))),
    tryget: fn(2, V, (call) => {
      let v: JsonValue = arg(call, 0);
      for (let i = 1; i < call.args.length; i++) {
        const key = arg(call, i);
        if (isObject(v) && typeof key === "string") v = getProperty(v, key) ?? null;
        else if (Array.isArray(v) && typeof key === "number") v = v[key] ?? null;
        else return null;
      }
      return v;
    }),
    // --- lambdas
    lambda: fn(1, V, (call) => fail(call, "a lambda can only be an argument of filter, map, reduce, sort, toObject or mapValues"), { lazy: true }),
    filter: fn(
      2,
      2,
      (call) => {
        const items = lazyArray(call, 0);
        if (items === undefined) return unknownValue(call.text);
        const predicate = lambdaArg(call, 1);
        return items.filter((x, i) => {
          const keep = predicate([x, i]);
          if (typeof keep !== "boolean") fail(call, `the lambda must return a bool, found ${typeName(keep)}`);
          return keep;
        });
      },
      { lazy: true },
    ),
    map: fn(
      2,
      2,
      (call) => {
        const items = lazyArray(call, 0);
        if (items === undefined) return unknownValue(call.text);
        const mapper = lambdaArg(call, 1);
        return items.map((x, i) => mapper([x, i]));
      },
      { lazy: true },
    ),
    reduce: fn(
      3,
      3,
      (call) => {
        const items = lazyArray(call, 0);
        if (items === undefined) return unknownValue(call.text);
        const reducer = lambdaArg(call, 2);
        return items.reduce<JsonValue>((acc, x, i) => reducer([acc, x, i]), call.evaluate(call.node.args[1] as Expr));
      },
      { lazy: true },
    ),
    sort: fn(
      2,
      2,
      (call) => {
        const items = lazyArray(call, 0);
        if (items === undefined) return unknownValue(call.text);
        const before = lambdaArg(call, 1);
        return [...items].sort((a, b) => (before([a, b]) === true ? -1 : before([b, a]) === true ? 1 : 0));
      },
      { lazy: true },
    ),
    toobject: fn(
      2,
      3,
      (call) => {
        const items = lazyArray(call, 0);
        if (items === undefined) return unknownValue(call.text);
        const key = lambdaArg(call, 1);
        const value = call.node.args.length > 2 ? lambdaArg(call, 2) : (x: readonly JsonValue[]) => x[0] ?? null;
        const out: JsonObject = {};
        for (const x of items) {
          const k = key([x]);
          if (typeof k !== "string") fail(call, `keys must be strings, found ${typeName(k)}`);
          out[k] = value([x]);
        }
        return out;
      },
      { lazy: true },
    ),
    mapvalues: fn(
      2,
      2,
      (call) => {
        const source = call.evaluate(call.node.args[0] as Expr);
        if (isUnknown(source)) return unknownValue(call.text);
        if (!isObject(source)) fail(call, `argument 1 must be an object, found ${typeName(source)}`);
        const mapper = lambdaArg(call, 1);
        return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, mapper([v])]));
      },
      { lazy: true },
    ),
    lambdavariables: fn(1, 1, (call) => {
      const name = str(call, 0);
      const v = call.lambdaVariable(name);
      if (v === undefined) fail(call, `no lambda variable "${name}" is in scope`);
      return v;
    }),
    // --- network
    parsecidr: fn(1, 1, (call) => parseCidr(str(call, 0))),
    cidrsubnet: fn(3, 3, (call) => cidrSubnet(str(call, 0), int(call, 1), int(call, 2))),
    cidrhost: fn(2, 2, (call) => cidrHost(str(call, 0), int(call, 1))),
    // --- dates
    datetimeadd: fn(2, 3, (call) => {
      const base = Date.parse(str(call, 0));
      if (Number.isNaN(base)) fail(call, `"${str(call, 0)}" is not a date`);
      return new Date(base + durationMs(call, str(call, 1))).toISOString().replace(".000Z", "Z");
    }),
    datetimefromepoch: fn(1, 1, (call) => new Date(int(call, 0) * 1000).toISOString().replace(".000Z", "Z")),
    datetimetoepoch: fn(1, 1, (call) => {
      const t = Date.parse(str(call, 0));
      if (Number.isNaN(t)) fail(call, `"${str(call, 0)}" is not a date`);
      return Math.floor(t / 1000);
    }),
    environment: fn(0, 0, () => ENVIRONMENT),
  }),
);

function logical(call: FunctionCall, shortCircuitOn: boolean): JsonValue {
  let unknown = false;
  call.args.forEach((v, i) => {
    if (isUnknown(v)) unknown = true;
    else if (typeof v !== "boolean") fail(call, `argument ${i + 1} must be a bool, found ${typeName(v)}`);
  });
  if (call.args.some((v) => v === shortCircuitOn)) return shortCircuitOn;
  return unknown ? unknownValue(call.text) : !shortCircuitOn;
}

function extreme(call: FunctionCall, pick: (...values: number[]) => number): number {
  const values = call.args.length === 1 && Array.isArray(arg(call, 0)) ? arr(call, 0) : call.args;
  if (values.length === 0) fail(call, "needs at least one value");
  return pick(
    ...values.map((v) => (typeof v === "number" ? v : fail(call, `compares integers, found ${typeName(v)}`))),
  );
}

function mergeDeep(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const existing = out[k];
    out[k] = isObject(existing) && isObject(v) ? mergeDeep(existing, v) : v;
  }
  return out;
}

function parseJsonArg(call: FunctionCall, text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    fail(call, `"${text.length > 40 ? text.slice(0, 37) + "..." : text}" is not valid JSON`);
  }
}

// ISO-8601 durations as dateTimeAdd takes them: P1D, PT1H30M, -P1Y (years and months are
// counted as 365 and 30 days).
function durationMs(call: FunctionCall, text: string): number {
  const m = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (m === null || text === "P" || text.endsWith("T")) fail(call, `"${text}" is not an ISO-8601 duration such as P1D or PT1H`);
  const n = (i: number): number => Number(m[i] ?? 0);
  const seconds = ((n(2) * 365 + n(3) * 30 + n(4) * 7 + n(5)) * 24 + n(6)) * 3600 + n(7) * 60 + n(8);
  return (m[1] === "-" ? -1 : 1) * seconds * 1000;
}

// ---------------------------------------------------------------------------------------------
// Functions that read the template: parameters, variables, loops, the deployment's target

function hostFunctions(host: TemplateHost): Map<string, ArmFunction> {
  const t = host.target;
  const subscriptionObject = (subscriptionId: string): JsonObject => ({
    id: `/subscriptions/${subscriptionId}`,
    subscriptionId,
    tenantId: t.tenantId,
    displayName: unknownValue("subscription().displayName"),
  });
  return new Map<string, ArmFunction>(
    Object.entries({
      parameters: fn(1, 1, (call) => host.parameter(str(call, 0))),
      variables: fn(1, 1, (call) => host.variable(str(call, 0))),
      copyindex: fn(0, 2, (call) => {
        const first = arg(call, 0);
        const loop = typeof first === "string" ? first : undefined;
        const offsetArg = loop === undefined ? 0 : 1;
        const offset = call.args.length > offsetArg ? int(call, offsetArg) : 0;
        return host.copyIndex(loop) + offset;
      }),
      deployment: fn(0, 0, () => host.deployment()),
      subscription: fn(0, 0, () => subscriptionObject(t.subscriptionId)),
      tenant: fn(0, 0, () => ({ id: `/tenants/${t.tenantId}`, tenantId: t.tenantId, displayName: unknownValue("tenant().displayName") })),
      resourcegroup: fn(0, 0, (call) => {
        if (t.resourceGroup === undefined) fail(call, "is only available in a resource group deployment");
        return {
          id: `/subscriptions/${t.subscriptionId}/resourceGroups/${t.resourceGroup}`,
          name: t.resourceGroup,
          type: "Microsoft.Resources/resourceGroups",
          location: t.location,
          tags: {},
          properties: { provisioningState: "Succeeded" },
        };
      }),
      resourceid: fn(2, V, (call) => {
        const strings = call.args.map((_, i) => str(call, i));
        const typeAt = strings.findIndex((s) => s.includes("/"));
        if (typeAt < 0) fail(call, "needs a resource type such as Microsoft.Network/virtualNetworks");
        if (typeAt > 2) fail(call, "takes at most a subscription id and a resource group name before the resource type");
        const [subscriptionId, resourceGroup] =
          typeAt === 2 ? [strings[0], strings[1]] : typeAt === 1 ? [t.subscriptionId, strings[0]] : [t.subscriptionId, t.resourceGroup];
        return resourceIdOf({ subscriptionId, resourceGroup }, strings[typeAt] as string, namesFor(call, strings[typeAt] as string, strings.slice(typeAt + 1)));
      }),
      subscriptionresourceid: fn(2, V, (call) => {
        const strings = call.args.map((_, i) => str(call, i));
        const typeAt = strings.findIndex((s) => s.includes("/"));
        if (typeAt < 0 || typeAt > 1) fail(call, "takes an optional subscription id, a resource type and names");
        const subscriptionId = typeAt === 1 ? (strings[0] as string) : t.subscriptionId;
        return resourceIdOf({ subscriptionId }, strings[typeAt] as string, namesFor(call, strings[typeAt] as string, strings.slice(typeAt + 1)));
      }),
      tenantresourceid: fn(2, V, (call) => {
        const strings = call.args.map((_, i) => str(call, i));
        return resourceIdOf({}, strings[0] as string, namesFor(call, strings[0] as string, strings.slice(1)));
      }),
      extensionresourceid: fn(3, V, (call) => {
        const strings = call.args.map((_, i) => str(call, i));
        return extensionResourceIdOf(strings[0] as string, strings[1] as string, namesFor(call, strings[1] as string, strings.slice(2)));
      }),
      managementgroupresourceid: fn(2, V, (call) => {
        const strings = call.args.map((_, i) => str(call, i));
        const typeAt = strings.findIndex((s) => s.includes("/"));
        if (typeAt !== 1) return unknownValue(call.text); // the management group of the deployment is not known
        const scope = `/providers/Microsoft.Management/managementGroups/${strings[0] as string}`;
        return extensionResourceIdOf(scope, strings[1] as string, namesFor(call, strings[1] as string, strings.slice(2)));
      }),
      resourceinfo: fn(1, 1, (call) => {
        const info = host.resourceInfo(str(call, 0));
        if (info === undefined) fail(call, `no resource is declared with the symbolic name "${str(call, 0)}"`);
        return info;
      }),
    }),
  );
}

function namesFor(call: FunctionCall, type: string, names: readonly string[]): string[] {
  const expected = type.split("/").length - 1;
  if (names.length !== expected) {
    fail(call, `the type ${type} needs ${expected} name${expected === 1 ? "" : "s"}, found ${names.length}`);
  }
  return [...names];
}

