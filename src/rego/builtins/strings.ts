// Builtins of the strings family: concat, split, trim*, replace, indexof, substring, …
//
// OPA runs Go's strings package over UTF-8; JS strings are UTF-16. Wherever Go counts
// runes (indexof, substring, strings.count with "", strings.reverse) this file counts code
// points, and case mapping is Go's simple per-rune mapping rather than JS's full mapping.

import { isIntegral, numberText, parseDecimal, type Numeric } from "../bignum.js";
import { compare, isArray, isSet, objectEntries, typeName, type ArrayValue, type RegoSet, type Value } from "../value.js";
import { intArg, numberArg, objectArg, oneOfError, stringArg } from "./args.js";
import { BuiltinError, builtinError, type Builtin } from "./registry.js";
import { renderTemplate } from "./template.js";

// ---------------------------------------------------------------------------------------
// Runes

const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

export function runeCount(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// Go's unicode.IsSpace.
function isGoSpace(cp: number): boolean {
  switch (cp) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

// Go maps case rune by rune (unicode.ToLower/ToUpper): a rune whose full mapping is
// several runes keeps its simple mapping, which for U+0130 is "i" and otherwise itself.
function mapRunes(s: string, map: (ch: string) => string, special: (ch: string) => string): string {
  if (isAscii(s)) return map(s);
  let out = "";
  for (const ch of s) {
    const m = map(ch);
    out += m.length === ch.length && runeCount(m) === 1 ? m : special(ch);
  }
  return out;
}

// JS lower-cases like Go except for U+0130 (the one character whose full lower-case mapping
// is two, so the length changes) and the context-dependent final sigma: without those, the
// native mapping is Go's. (lower runs on every resource id; this skips the per-rune walk.)
export const goToLower = (s: string): string => {
  const lowered = s.toLowerCase();
  if (lowered.length === s.length && !s.includes("\u03a3")) return lowered;
  return mapRunes(s, (c) => c.toLowerCase(), (c) => (c === "\u0130" ? "i" : c));
};
const goToUpper = (s: string): string => mapRunes(s, (c) => c.toUpperCase(), (c) => c);

// ---------------------------------------------------------------------------------------
// Go's strings.Trim family: the cutset is a set of runes.

function trimLeftRunes(s: string, drop: (ch: string) => boolean): string {
  let i = 0;
  for (const ch of s) {
    if (!drop(ch)) break;
    i += ch.length;
  }
  return s.slice(i);
}

function trimRightRunes(s: string, drop: (ch: string) => boolean): string {
  const chars = Array.from(s);
  let end = chars.length;
  while (end > 0 && drop(chars[end - 1]!)) end--;
  return chars.slice(0, end).join("");
}

function inCutset(cutset: string): (ch: string) => boolean {
  const set = new Set(Array.from(cutset));
  return (ch) => set.has(ch);
}

const trimRunes = (s: string, drop: (ch: string) => boolean): string => trimRightRunes(trimLeftRunes(s, drop), drop);
const isSpaceRune = (ch: string): boolean => isGoSpace(ch.codePointAt(0)!);

// ---------------------------------------------------------------------------------------
// Go's strings.Split / SplitN

function explode(s: string, n: number): string[] {
  const runes = Array.from(s);
  if (n < 0 || n >= runes.length) return runes;
  return [...runes.slice(0, n - 1), runes.slice(n - 1).join("")];
}

// strings.SplitN(s, sep, n) with n < 0 meaning "all".
function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === "") return explode(s, n);
  if (n < 0) return s.split(sep);
  const out: string[] = [];
  let from = 0;
  while (out.length < n - 1) {
    const i = s.indexOf(sep, from);
    if (i < 0) break;
    out.push(s.slice(from, i));
    from = i + sep.length;
  }
  out.push(s.slice(from));
  return out;
}

// ---------------------------------------------------------------------------------------
// Go's strings.NewReplacer(old1, new1, …).Replace(s): leftmost, non-overlapping; where
// several olds match at one place, the earliest pair wins; an empty old matches between
// runes (but not right after another empty match).

function goReplace(s: string, pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 1 && pairs[0]![0] !== "") return s.split(pairs[0]![0]).join(pairs[0]![1]);
  let out = "";
  let last = 0;
  let prevEmpty = false;
  for (let i = 0; i <= s.length; ) {
    let hit: readonly [string, string] | undefined;
    for (const p of pairs) {
      if (p[0] === "" && prevEmpty) continue;
      if (s.startsWith(p[0], i)) {
        hit = p;
        break;
      }
    }
    prevEmpty = hit !== undefined && hit[0] === "";
    if (hit) {
      out += s.slice(last, i) + hit[1];
      i += hit[0].length;
      last = i;
      continue;
    }
    const cp = s.codePointAt(i);
    i += cp !== undefined && cp > 0xffff ? 2 : 1;
  }
  return out + s.slice(last);
}

// ---------------------------------------------------------------------------------------
// Operands

// OPA's message for a composite operand with a member of the wrong type.
export function elementError(name: string, pos: number, composite: Value, got: Value, expected: string): BuiltinError {
  const kind = typeName(composite);
  return new BuiltinError(
    "eval_type_error",
    `${name}: operand ${pos} must be ${kind} of ${expected}s but got ${kind} containing ${typeName(got)}`,
  );
}

function stringMembers(name: string, pos: number, v: ArrayValue | RegoSet): string[] {
  const members = isSet(v) ? v.sorted() : v;
  return members.map((m) => {
    if (typeof m !== "string") throw elementError(name, pos, v, m, "string");
    return m;
  });
}

// An operand that is a string, or an array or set of strings.
function stringsArg(name: string, args: readonly Value[], i: number): string[] {
  const v = args[i] as Value;
  if (typeof v === "string") return [v];
  if (isArray(v) || isSet(v)) return stringMembers(name, i + 1, v);
  throw oneOfError(name, i + 1, ["string", "set", "array"], v);
}

// ---------------------------------------------------------------------------------------
// format_int: the number truncated toward zero, in base 2, 8, 10 or 16.

function truncatedInteger(n: Numeric): bigint {
  // A double stands for its shortest decimal text (see bignum.ts).
  const b = typeof n === "number" ? parseDecimal(numberText(n))! : n;
  if (b.isInteger()) return b.toBigInt()!;
  return b.mantissa / 10n ** BigInt(-b.exponent); // bigint division truncates toward zero
}

function formatInt(args: readonly Value[]): Value {
  const input = numberArg("format_int", args, 0);
  const base = numberArg("format_int", args, 1);
  const radix = typeof base === "number" ? base : base.toNumber();
  if (![2, 8, 10, 16].includes(radix) || !isIntegral(base)) {
    throw new BuiltinError("eval_type_error", "format_int: operand 2 must be one of {2, 8, 10, 16}");
  }
  const i = truncatedInteger(input);
  return i.toString(radix);
}

function substring(args: readonly Value[]): Value {
  const s = stringArg("substring", args, 0);
  const start = intArg("substring", args, 1);
  const length = intArg("substring", args, 2);
  if (start < 0) throw builtinError("substring", "negative offset");
  if (isAscii(s)) return length < 0 ? s.slice(start) : s.slice(start, start + length);
  const runes = Array.from(s);
  if (start >= runes.length) return "";
  return (length < 0 ? runes.slice(start) : runes.slice(start, start + length)).join("");
}

function indexOf(args: readonly Value[]): Value {
  const s = stringArg("indexof", args, 0);
  const search = stringArg("indexof", args, 1);
  if (search === "") throw builtinError("indexof", "empty search character");
  const i = s.indexOf(search);
  return i < 0 ? -1 : runeCount(s.slice(0, i));
}

function indexOfN(args: readonly Value[]): Value {
  const s = stringArg("indexof_n", args, 0);
  const search = stringArg("indexof_n", args, 1);
  if (search === "") throw builtinError("indexof_n", "empty search character");
  const out: number[] = [];
  let runes = 0;
  let from = 0;
  for (let i = s.indexOf(search); i >= 0; i = s.indexOf(search, i + 1)) {
    runes += runeCount(s.slice(from, i));
    from = i;
    out.push(runes);
  }
  return out;
}

function concat(args: readonly Value[]): Value {
  const sep = stringArg("concat", args, 0);
  const v = args[1] as Value;
  if (!isArray(v) && !isSet(v)) throw oneOfError("concat", 2, ["set", "array"], v);
  return stringMembers("concat", 2, v).join(sep);
}

function split(args: readonly Value[]): Value {
  const s = stringArg("split", args, 0);
  const sep = stringArg("split", args, 1);
  if (!s.includes(sep)) return [s];
  return goSplitN(s, sep, -1);
}

// strings.split_n(s, sep, n): the first n parts, or with n < 0 the last -n parts.
function splitN(args: readonly Value[]): Value {
  const s = stringArg("strings.split_n", args, 0);
  const sep = stringArg("strings.split_n", args, 1);
  const n = intArg("strings.split_n", args, 2);
  if (n >= 0) return goSplitN(s, sep, n + 1).slice(0, n);
  const parts = goSplitN(s, sep, -1);
  return parts.slice(Math.max(parts.length + n, 0));
}

function replaceN(args: readonly Value[]): Value {
  const name = "strings.replace_n";
  const patterns = objectArg(name, args, 0);
  const s = stringArg(name, args, 1);
  const entries = [...objectEntries(patterns)].sort((a, b) => compare(a[0], b[0]));
  const pairs = entries.map(([k, v]): [string, string] => {
    if (typeof k !== "string") {
      throw new BuiltinError("eval_type_error", `${name}: operand 1 non-string key found in pattern object`);
    }
    if (typeof v !== "string") {
      throw new BuiltinError("eval_type_error", `${name}: operand 1 non-string value found in pattern object`);
    }
    return [k, v];
  });
  return pairs.length === 0 ? s : goReplace(s, pairs);
}

function countSubstrings(args: readonly Value[]): Value {
  const s = stringArg("strings.count", args, 0);
  const sub = stringArg("strings.count", args, 1);
  if (sub === "") return runeCount(s) + 1;
  return s.split(sub).length - 1;
}

const reverseRunes = (s: string): string => Array.from(s).reverse().join("");

// strings.any_prefix_match, and with reversed strings strings.any_suffix_match.
function anyAffixMatch(name: string, suffix: boolean): (args: readonly Value[]) => Value {
  const rev = suffix ? reverseRunes : (s: string) => s;
  return (args) => {
    const strs = stringsArg(name, args, 0).map(rev);
    const prefixes = stringsArg(name, args, 1).map(rev);
    return strs.some((s) => prefixes.some((p) => s.startsWith(p)));
  };
}

// Builtins of two string operands that map them to a value.
function binary(name: string, fn: (a: string, b: string) => Value): Builtin {
  return { name, arity: 2, fn: (args) => fn(stringArg(name, args, 0), stringArg(name, args, 1)) };
}

function unary(name: string, fn: (a: string) => Value): Builtin {
  return { name, arity: 1, fn: (args) => fn(stringArg(name, args, 0)) };
}

export const stringsBuiltins: readonly Builtin[] = [
  { name: "concat", arity: 2, fn: concat },
  binary("contains", (s, sub) => s.includes(sub)),
  binary("startswith", (s, p) => s.startsWith(p)),
  binary("endswith", (s, p) => s.endsWith(p)),
  unary("lower", goToLower),
  unary("upper", goToUpper),
  { name: "split", arity: 2, fn: split },
  { name: "strings.split_n", arity: 3, fn: splitN },
  binary("trim", (s, cut) => trimRunes(s, inCutset(cut))),
  binary("trim_left", (s, cut) => trimLeftRunes(s, inCutset(cut))),
  binary("trim_right", (s, cut) => trimRightRunes(s, inCutset(cut))),
  binary("trim_prefix", (s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  binary("trim_suffix", (s, p) => (s.endsWith(p) ? s.slice(0, s.length - p.length) : s)),
  unary("trim_space", (s) => trimRunes(s, isSpaceRune)),
  {
    name: "replace",
    arity: 3,
    fn: (args) =>
      goReplace(stringArg("replace", args, 0), [[stringArg("replace", args, 1), stringArg("replace", args, 2)]]),
  },
  { name: "strings.replace_n", arity: 2, fn: replaceN },
  { name: "substring", arity: 3, fn: substring },
  { name: "indexof", arity: 2, fn: indexOf },
  { name: "indexof_n", arity: 2, fn: indexOfN },
  unary("strings.reverse", reverseRunes),
  { name: "strings.count", arity: 2, fn: countSubstrings },
  { name: "strings.any_prefix_match", arity: 2, fn: anyAffixMatch("strings.any_prefix_match", false) },
  { name: "strings.any_suffix_match", arity: 2, fn: anyAffixMatch("strings.any_suffix_match", true) },
  { name: "format_int", arity: 2, fn: formatInt },
  { name: "strings.render_template", arity: 2, fn: renderTemplate },
];
