// Builtins of the encoding family: base64.*, base64url.*, hex.*, urlquery.*, yaml.*.
//
// OPA runs Go's encoders over the UTF-8 bytes of a string; decoded bytes that are not UTF-8
// come back with U+FFFD in their place (JS strings cannot hold raw bytes). Error messages
// are Go's, byte offsets included ("illegal base64 data at input byte 4"). YAML follows
// YAML 1.1 as OPA's go-yaml does (yes/no/on/off are booleans, timestamps stay strings).

import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from "yaml";
import { yaml } from "../../lazy-libraries.js";
import { numberFromText } from "../bignum.js";
import { goQuote } from "../format.js";
import {
  ObjectBuilder,
  compareStrings,
  isObject,
  toJSON,
  type Value,
} from "../value.js";
import { operandError, stringArg } from "./args.js";
import { BuiltinError, builtinError, type Builtin } from "./registry.js";

const utf8 = (s: string): Buffer => Buffer.from(s, "utf8");
const fromBytes = (b: Uint8Array): string => new TextDecoder().decode(b);

// ---------------------------------------------------------------------------------------
// base64, decoded as Go's base64.StdEncoding / URLEncoding do: padding required, CR and
// LF skipped, anything else outside the alphabet an error at its byte offset.

const STD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function decodeTable(alphabet: string): Int16Array {
  const t = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}
const STD_TABLE = decodeTable(STD_ALPHABET);
const URL_TABLE = decodeTable(URL_ALPHABET);

class Base64Error extends Error {
  constructor(offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

const isNewline = (c: number | undefined) => c === 0x0a || c === 0x0d;

function decodeBase64(text: string, table: Int16Array): Uint8Array {
  const src = utf8(text);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum = [0, 0, 0, 0];
    let length = 4; // sextets read in this quantum
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw new Base64Error(si - j);
      }
      const c = src[si++]!;
      const v = table[c]!;
      if (v >= 0) {
        quantum[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d || j < 2) throw new Base64Error(si - 1);
      if (j === 2) {
        // "==" expected: the second "=" may follow newlines.
        while (isNewline(src[si])) si++;
        if (si === src.length) throw new Base64Error(src.length);
        if (src[si] !== 0x3d) throw new Base64Error(si - 1);
        si++;
      }
      while (isNewline(src[si])) si++;
      if (si < src.length) throw new Base64Error(si);
      length = j;
      end = true;
      break;
    }
    const bits = (quantum[0]! << 18) | (quantum[1]! << 12) | (quantum[2]! << 6) | quantum[3]!;
    out.push(...[(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff].slice(0, length - 1));
    if (end) break;
  }
  return Uint8Array.from(out);
}

function base64Decode(name: string, text: string, table: Int16Array): string {
  try {
    return fromBytes(decodeBase64(text, table));
  } catch (e) {
    if (e instanceof Base64Error) throw builtinError(name, e.message);
    throw e;
  }
}

function base64UrlDecode(args: readonly Value[]): string {
  const name = "base64url.decode";
  let s = stringArg(name, args, 0);
  // Encoders often drop the padding; restore it (RFC 7515, appendix C).
  if (!s.endsWith("=")) {
    const rest = utf8(s).length % 4;
    if (rest === 1) throw builtinError(name, `illegal base64url string: ${s}`);
    s += rest === 2 ? "==" : rest === 3 ? "=" : "";
  }
  return base64Decode(name, s, URL_TABLE);
}

// ---------------------------------------------------------------------------------------
// hex

const HEX_DIGIT = /^[0-9a-fA-F]$/;

// Go's %#U of a byte: U+0067 'g', the character only when printable.
function goRune(b: number): string {
  const code = `U+${b.toString(16).toUpperCase().padStart(4, "0")}`;
  const printable = (b >= 0x20 && b < 0x7f) || (b > 0xa0 && b !== 0xad);
  return printable ? `${code} '${String.fromCharCode(b)}'` : code;
}

function hexDecode(args: readonly Value[]): string {
  const name = "hex.decode";
  const src = utf8(stringArg(name, args, 0));
  const valid = (b: number) => HEX_DIGIT.test(String.fromCharCode(b));
  for (let i = 0; i < src.length; i++) {
    if (!valid(src[i]!)) throw builtinError(name, `encoding/hex: invalid byte: ${goRune(src[i]!)}`);
  }
  if (src.length % 2 === 1) throw builtinError(name, "encoding/hex: odd length hex string");
  return fromBytes(Buffer.from(src.toString("latin1"), "hex"));
}

// ---------------------------------------------------------------------------------------
// urlquery, as Go's net/url QueryEscape / QueryUnescape / ParseQuery / Values.Encode.

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

function queryEscape(s: string): string {
  let out = "";
  for (const b of utf8(s)) {
    const ch = String.fromCharCode(b);
    if (UNRESERVED.test(ch)) out += ch;
    else if (b === 0x20) out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

class EscapeError extends Error {}

function queryUnescape(s: string): string {
  const src = utf8(s);
  const isHex = (b: number | undefined) => b !== undefined && HEX_DIGIT.test(String.fromCharCode(b));
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const b = src[i]!;
    if (b === 0x25) {
      if (!isHex(src[i + 1]) || !isHex(src[i + 2])) {
        const bad = fromBytes(src.subarray(i, i + 3));
        throw new EscapeError(`invalid URL escape ${goQuote(bad)}`);
      }
      out.push(parseInt(String.fromCharCode(src[i + 1]!, src[i + 2]!), 16));
      i += 2;
    } else out.push(b === 0x2b ? 0x20 : b);
  }
  return fromBytes(Uint8Array.from(out));
}

function urlqueryDecode(args: readonly Value[]): string {
  const name = "urlquery.decode";
  try {
    return queryUnescape(stringArg(name, args, 0));
  } catch (e) {
    if (e instanceof EscapeError) throw builtinError(name, e.message);
    throw e;
  }
}

function encodeObject(args: readonly Value[]): string {
  const name = "urlquery.encode_object";
  const obj = args[0] as Value;
  if (!isObject(obj)) throw operandError(name, 1, "object", obj);
  const valuesError = () =>
    new BuiltinError("eval_type_error", `${name}: operand 1 values must be string, array[string], or set[string]`);
  // As JSON: non-string keys become their JSON text, sets sorted arrays.
  const fields = toJSON(obj) as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(fields).sort(compareStrings)) {
    const v = fields[key];
    const values = typeof v === "string" ? [v] : Array.isArray(v) ? v : undefined;
    if (!values) throw valuesError();
    for (const x of values) {
      if (typeof x !== "string") throw valuesError();
      parts.push(`${queryEscape(key)}=${queryEscape(x)}`);
    }
  }
  return parts.join("&");
}

function decodeObject(args: readonly Value[]): Value {
  const name = "urlquery.decode_object";
  const query = stringArg(name, args, 0);
  const fields = new Map<string, string[]>();
  let error: string | undefined;
  for (const pair of query.split("&")) {
    if (pair.includes(";")) {
      error = "invalid semicolon separator in query";
      continue;
    }
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    try {
      const key = queryUnescape(eq < 0 ? pair : pair.slice(0, eq));
      const value = queryUnescape(eq < 0 ? "" : pair.slice(eq + 1));
      fields.set(key, [...(fields.get(key) ?? []), value]);
    } catch (e) {
      if (!(e instanceof EscapeError)) throw e;
      error ??= e.message;
    }
  }
  if (error !== undefined) throw builtinError(name, error);
  const out = new ObjectBuilder();
  for (const [k, vs] of fields) out.set(k, vs);
  return out.build();
}

// ---------------------------------------------------------------------------------------
// YAML

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.1",
  // go-yaml leaves timestamps as strings when decoding into untyped values.
  customTags: (tags: Tags) => tags.filter((t) => typeof t === "string" || t.tag !== "tag:yaml.org,2002:timestamp"),
  intAsBigInt: true,
  uniqueKeys: false,
};

class YamlError extends Error {}

// A plain value from the YAML library as a Rego value.
function fromYaml(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === "string" || typeof x === "boolean") return x;
  if (typeof x === "bigint") return numberFromText(x.toString())!;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw new YamlError(`json: unsupported value: ${x}`);
    return x;
  }
  if (Array.isArray(x)) return x.map(fromYaml);
  if (typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype) {
    const out = new ObjectBuilder();
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) out.set(k, fromYaml(v));
    return out.build();
  }
  throw new YamlError(`unsupported YAML value: ${Object.prototype.toString.call(x)}`);
}

function parseYaml(text: string): Value {
  const docs = yaml().parseAllDocuments(text, YAML_OPTIONS);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) {
    const first = d.errors[0];
    // The library's messages end with an excerpt of the text; keep the sentence.
    if (first) throw new YamlError(first.message.split(":\n")[0]!);
  }
  if (list.length === 0) return null;
  try {
    return fromYaml(list[0]!.toJS({ maxAliasCount: 100 }));
  } catch (e) {
    if (e instanceof YamlError) throw e;
    throw new YamlError((e as Error).message);
  }
}

// A Rego value as YAML the way go-yaml writes it: keys sorted, block sequences not indented.
function marshalYaml(v: Value): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (x !== null && typeof x === "object") {
      const out: Record<string, unknown> = {};
      const obj = x as Record<string, unknown>;
      for (const k of Object.keys(obj).sort(compareStrings)) {
        Object.defineProperty(out, k, { value: sortKeys(obj[k]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return x;
  };
  return yaml().stringify(sortKeys(toJSON(v)), { version: "1.1", indentSeq: false });
}

function yamlUnmarshal(args: readonly Value[]): Value {
  const name = "yaml.unmarshal";
  try {
    return parseYaml(stringArg(name, args, 0));
  } catch (e) {
    if (e instanceof YamlError) throw builtinError(name, e.message);
    throw e;
  }
}

function isValidYaml(v: Value): boolean {
  if (typeof v !== "string") return false;
  try {
    parseYaml(v);
    return true;
  } catch (e) {
    if (e instanceof YamlError) return false;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------

// A builtin of one string operand.
function onString(name: string, f: (s: string) => Value): Builtin {
  return { name, arity: 1, fn: (args) => f(stringArg(name, args, 0)) };
}

function isValidBase64(v: Value): boolean {
  if (typeof v !== "string") return false;
  try {
    decodeBase64(v, STD_TABLE);
    return true;
  } catch (e) {
    if (e instanceof Base64Error) return false;
    throw e;
  }
}

export const encodingBuiltins: readonly Builtin[] = [
  onString("base64.encode", (s) => utf8(s).toString("base64")),
  onString("base64.decode", (s) => base64Decode("base64.decode", s, STD_TABLE)),
  { name: "base64.is_valid", arity: 1, fn: ([v]) => isValidBase64(v!) },
  onString("base64url.encode", (s) => utf8(s).toString("base64").replaceAll("+", "-").replaceAll("/", "_")),
  onString("base64url.encode_no_pad", (s) => utf8(s).toString("base64url")),
  { name: "base64url.decode", arity: 1, fn: base64UrlDecode },
  onString("hex.encode", (s) => utf8(s).toString("hex")),
  { name: "hex.decode", arity: 1, fn: hexDecode },
  onString("urlquery.encode", queryEscape),
  { name: "urlquery.decode", arity: 1, fn: urlqueryDecode },
  { name: "urlquery.encode_object", arity: 1, fn: encodeObject },
  { name: "urlquery.decode_object", arity: 1, fn: decodeObject },
  { name: "yaml.marshal", arity: 1, fn: ([v]) => marshalYaml(v!) },
  { name: "yaml.unmarshal", arity: 1, fn: yamlUnmarshal },
  { name: "yaml.is_valid", arity: 1, fn: ([v]) => isValidYaml(v!) },
];
