// Builtins of the strings family: concat, split, trim*, replace, indexof, substring, …
//
// OPA runs Go's strings package over UTF-8; JS strings are UTF-16. Wherever Go counts
// runes (indexof, substring, strings.count with "", strings.reverse) this file counts code
// points, and case mapping is Go's simple per-rune mapping rather than JS's full mapping.

import { BigNum, isIntegral, numberText, parseDecimal, type Numeric } from "../bignum.js";
import { goQuote, formatNumber } from "../format.js";
import {
  compare,
  isArray,
  isSet,
  kindOf,
  Kind,
  objectEntries,
  objectGet,
  typeName,
  type ArrayValue,
  type ObjectValue,
  type RegoSet,
  type Value,
} from "../value.js";
import { intArg, numberArg, objectArg, oneOfError, stringArg } from "./args.js";
import { BuiltinError, builtinError, type Builtin } from "./registry.js";

// ---------------------------------------------------------------------------------------
// Runes

const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

export function runeCount(s: string): number {
  if (isAscii(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// The code-point index of the UTF-16 offset `unit` in s.
function runeIndex(s: string, unit: number): number {
  let n = 0;
  for (let i = 0; i < unit; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < unit) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
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

export const goToLower = (s: string): string =>
  mapRunes(s, (c) => c.toLowerCase(), (c) => (c === "\u0130" ? "i" : c));
export const goToUpper = (s: string): string => mapRunes(s, (c) => c.toUpperCase(), (c) => c);

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

const goTrimSpace = (s: string): string => {
  const space = (ch: string) => isGoSpace(ch.codePointAt(0)!);
  return trimRightRunes(trimLeftRunes(s, space), space);
};

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

// ---------------------------------------------------------------------------------------
// strings.render_template: the subset of Go's text/template that policies use —
// {{.a.b}}, {{.}}, {{if}}/{{else}}/{{end}}, {{range}}/{{end}}, comments and {{- -}}.

type TemplateNode =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "field"; readonly path: readonly string[]; readonly source: string; readonly line: number }
  | {
      readonly kind: "if" | "range";
      readonly path: readonly string[];
      readonly source: string;
      readonly line: number;
      readonly then: TemplateNode[];
      readonly otherwise: TemplateNode[];
    };

function templateError(message: string): BuiltinError {
  return builtinError("strings.render_template", message);
}

function parseFieldPath(expr: string, line: number): string[] {
  if (expr === ".") return [];
  if (!/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(expr)) {
    throw templateError(`template: template:${line}: unsupported action ${goQuote(expr)}`);
  }
  return expr.slice(1).split(".");
}

function parseTemplate(src: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  type Frame = { node: Extract<TemplateNode, { kind: "if" | "range" }>; inElse: boolean };
  const stack: Frame[] = [];
  const sink = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.node.otherwise : top.node.then;
  };
  let pos = 0;
  let trimNext = false;
  while (pos < src.length) {
    const open = src.indexOf("{{", pos);
    let text = open < 0 ? src.slice(pos) : src.slice(pos, open);
    if (trimNext) text = goTrimSpaceLeft(text);
    const trimBefore = open >= 0 && /^\{\{- /.test(src.slice(open));
    if (trimBefore) text = goTrimSpaceRight(text);
    if (text) sink().push({ kind: "text", text });
    if (open < 0) break;
    const close = src.indexOf("}}", open + 2);
    const line = src.slice(0, open).split("\n").length;
    if (close < 0) throw templateError(`template: template:${line}: unclosed action`);
    let inner = src.slice(open + 2, close);
    trimNext = / -$/.test(inner);
    if (trimBefore) inner = inner.slice(2);
    if (trimNext) inner = inner.slice(0, -2);
    pos = close + 2;
    const action = inner.trim();
    if (action.startsWith("/*") && action.endsWith("*/")) continue;
    const [word, ...rest] = action.split(/\s+/);
    const arg = rest.join(" ");
    if (word === "if" || word === "range") {
      const node: Frame["node"] = { kind: word, path: parseFieldPath(arg, line), source: arg, line, then: [], otherwise: [] };
      sink().push(node);
      stack.push({ node, inElse: false });
    } else if (word === "else" && arg === "") {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) throw templateError(`template: template:${line}: unexpected {{else}}`);
      top.inElse = true;
    } else if (word === "end" && arg === "") {
      if (!stack.pop()) throw templateError(`template: template:${line}: unexpected {{end}}`);
    } else {
      sink().push({ kind: "field", path: parseFieldPath(action, line), source: action, line });
    }
  }
  if (stack.length > 0) throw templateError(`template: template:${stack[stack.length - 1]!.node.line}: unexpected EOF`);
  return root;
}

const goTrimSpaceLeft = (s: string): string => trimLeftRunes(s, (ch) => isGoSpace(ch.codePointAt(0)!));
const goTrimSpaceRight = (s: string): string => trimRightRunes(s, (ch) => isGoSpace(ch.codePointAt(0)!));

function lookupField(dot: Value, node: { path: readonly string[]; source: string; line: number }): Value {
  let v = dot;
  for (const key of node.path) {
    if (kindOf(v) !== Kind.Object) {
      throw templateError(
        `template: template:${node.line}: executing "template" at <${node.source}>: can't evaluate field ${key} in type ${goTypeName(v)}`,
      );
    }
    const next = objectGet(v as ObjectValue, key);
    if (next === undefined) {
      throw templateError(
        `template: template:${node.line}: executing "template" at <${node.source}>: map has no entry for key ${goQuote(key)}`,
      );
    }
    v = next;
  }
  return v;
}

function goTypeName(v: Value): string {
  switch (kindOf(v)) {
    case Kind.Null:
      return "interface {}";
    case Kind.Boolean:
      return "bool";
    case Kind.Number:
      return "json.Number";
    case Kind.String:
      return "string";
    case Kind.Array:
    case Kind.Set:
      return "[]interface {}";
    case Kind.Object:
      return "map[string]interface {}";
  }
}

// A value as Go's fmt prints the interface{} that ast.As makes of it.
function goPrint(v: Value): string {
  switch (kindOf(v)) {
    case Kind.Null:
      return "<nil>";
    case Kind.Boolean:
      return v ? "true" : "false";
    case Kind.Number:
      return formatNumber(v as number | BigNum);
    case Kind.String:
      return v as string;
    case Kind.Array:
      return "[" + (v as ArrayValue).map(goPrint).join(" ") + "]";
    case Kind.Set:
      return "[" + (v as RegoSet).sorted().map(goPrint).join(" ") + "]";
    case Kind.Object: {
      const entries = [...objectEntries(v as ObjectValue)].sort((a, b) => compare(a[0], b[0]));
      return "map[" + entries.map(([k, x]) => `${goPrint(k)}:${goPrint(x)}`).join(" ") + "]";
    }
  }
}

function truthy(v: Value): boolean {
  switch (kindOf(v)) {
    case Kind.Null:
      return false;
    case Kind.Boolean:
      return v as boolean;
    case Kind.Number:
      return typeof v === "number" ? v !== 0 : (v as BigNum).mantissa !== 0n;
    case Kind.String:
      return v !== "";
    case Kind.Array:
      return (v as ArrayValue).length > 0;
    case Kind.Set:
      return (v as RegoSet).size > 0;
    case Kind.Object:
      return objectEntries(v as ObjectValue).next().done !== true;
  }
}

function renderNodes(nodes: readonly TemplateNode[], dot: Value): string {
  let out = "";
  for (const node of nodes) {
    if (node.kind === "text") out += node.text;
    else if (node.kind === "field") {
      const v = lookupField(dot, node);
      out += v === null ? "<no value>" : goPrint(v);
    } else if (node.kind === "if") {
      out += renderNodes(truthy(lookupField(dot, node)) ? node.then : node.otherwise, dot);
    } else {
      const v = lookupField(dot, node);
      const items =
        kindOf(v) === Kind.Array
          ? (v as ArrayValue)
          : kindOf(v) === Kind.Set
            ? (v as RegoSet).sorted()
            : kindOf(v) === Kind.Object
              ? [...objectEntries(v as ObjectValue)].sort((a, b) => compare(a[0], b[0])).map(([, x]) => x)
              : undefined;
      if (items === undefined) {
        throw templateError(
          `template: template:${node.line}: executing "template" at <${node.source}>: range can't iterate over ${goPrint(v)}`,
        );
      }
      if (items.length === 0) out += renderNodes(node.otherwise, dot);
      for (const item of items) out += renderNodes(node.then, item);
    }
  }
  return out;
}

function renderTemplate(args: readonly Value[]): Value {
  const src = stringArg("strings.render_template", args, 0);
  const vars = objectArg("strings.render_template", args, 1);
  return renderNodes(parseTemplate(src), vars);
}

// ---------------------------------------------------------------------------------------

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
  return i < 0 ? -1 : runeIndex(s, i);
}

function indexOfN(args: readonly Value[]): Value {
  const s = stringArg("indexof_n", args, 0);
  const search = stringArg("indexof_n", args, 1);
  if (search === "") throw builtinError("indexof_n", "empty search character");
  const out: number[] = [];
  let runes = 0;
  let from = 0;
  for (let i = s.indexOf(search); i >= 0; i = s.indexOf(search, i + 1)) {
    runes += runeIndex(s.slice(from, i), i - from);
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

function anyPrefixMatch(name: string, reverse: boolean): (args: readonly Value[]) => Value {
  const rev = (s: string) => (reverse ? Array.from(s).reverse().join("") : s);
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
  binary("trim", (s, cut) => {
    const drop = inCutset(cut);
    return trimRightRunes(trimLeftRunes(s, drop), drop);
  }),
  binary("trim_left", (s, cut) => trimLeftRunes(s, inCutset(cut))),
  binary("trim_right", (s, cut) => trimRightRunes(s, inCutset(cut))),
  binary("trim_prefix", (s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  binary("trim_suffix", (s, p) => (p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s)),
  unary("trim_space", goTrimSpace),
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
  unary("strings.reverse", (s) => Array.from(s).reverse().join("")),
  { name: "strings.count", arity: 2, fn: countSubstrings },
  { name: "strings.any_prefix_match", arity: 2, fn: anyPrefixMatch("strings.any_prefix_match", false) },
  { name: "strings.any_suffix_match", arity: 2, fn: anyPrefixMatch("strings.any_suffix_match", true) },
  { name: "format_int", arity: 2, fn: formatInt },
  { name: "strings.render_template", arity: 2, fn: renderTemplate },
];
