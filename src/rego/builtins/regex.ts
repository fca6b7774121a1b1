// Builtins of the regex family, with Go's RE2 syntax and linear-time matching (re2js, a
// port of Go's regexp): no pattern backtracks, whatever the input.
//
// re2js works on UTF-16 strings where Go works on UTF-8 bytes; match positions differ in
// unit but never in which text matches.

import type { Matcher, RE2JS } from "re2js";
import { re2js } from "../../lazy-libraries.js";
import { goQuote } from "../format.js";
import type { Value } from "../value.js";
import { intArg, stringArg } from "./args.js";
import { builtinError, type Builtin, type BuiltinContext } from "./registry.js";

// The part of re2js's RE2 class (Go's *regexp.Regexp) used here; re2js leaves it untyped.
interface GoRegexp {
  findAll(s: string, n: number): string[] | null;
  findAllIndex(s: string, n: number): number[][] | null;
  findAllSubmatch(s: string, n: number): (string | null)[][] | null;
}

interface CompiledRegex {
  readonly pattern: RE2JS;
  readonly go: GoRegexp;
}

// Compiles a pattern with Go's syntax, once per query. Throws the compile error as a
// builtin error of `name` ("regex.match: error parsing regexp: missing closing ]: `[`").
function compileRegex(name: string, pattern: string, ctx: BuiltinContext): CompiledRegex {
  const key = "regex\u0000" + pattern;
  let entry = ctx.queryCache.get(key) as CompiledRegex | string | undefined;
  if (entry === undefined) {
    try {
      const re = re2js().RE2JS.compile(pattern);
      entry = { pattern: re, go: re.re2() as unknown as GoRegexp };
    } catch (e) {
      entry = e instanceof Error ? e.message : String(e);
    }
    ctx.queryCache.set(key, entry);
  }
  if (typeof entry === "string") throw builtinError(name, entry);
  return entry;
}

function isValid(args: readonly Value[]): Value {
  const pattern = args[0];
  if (typeof pattern !== "string") return false;
  try {
    re2js().RE2JS.compile(pattern);
    return true;
  } catch {
    return false;
  }
}

function match(name: string): Builtin["fn"] {
  return (args, ctx) => {
    const pattern = stringArg(name, args, 0);
    const value = stringArg(name, args, 1);
    return compileRegex(name, pattern, ctx).pattern.test(value);
  };
}

// Go's Regexp.Split(s, -1).
function split(args: readonly Value[], ctx: BuiltinContext): Value {
  const pattern = stringArg("regex.split", args, 0);
  const s = stringArg("regex.split", args, 1);
  const re = compileRegex("regex.split", pattern, ctx);
  if (pattern.length > 0 && s.length === 0) return [""];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const [start, stop] of re.go.findAllIndex(s, -1) ?? []) {
    end = start!;
    if (stop !== 0) out.push(s.slice(beg, end));
    beg = stop!;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

function findN(args: readonly Value[], ctx: BuiltinContext): Value {
  const pattern = stringArg("regex.find_n", args, 0);
  const s = stringArg("regex.find_n", args, 1);
  const n = intArg("regex.find_n", args, 2);
  if (n === 0) return [];
  return compileRegex("regex.find_n", pattern, ctx).go.findAll(s, n < 0 ? -1 : n) ?? [];
}

function findAllSubmatch(args: readonly Value[], ctx: BuiltinContext): Value {
  const name = "regex.find_all_string_submatch_n";
  const pattern = stringArg(name, args, 0);
  const s = stringArg(name, args, 1);
  const n = intArg(name, args, 2);
  if (n === 0) return [];
  const matches = compileRegex(name, pattern, ctx).go.findAllSubmatch(s, n < 0 ? -1 : n) ?? [];
  return matches.map((groups) => groups.map((g) => g ?? ""));
}

// Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$.
function expand(template: string, m: Matcher, names: Readonly<Record<string, number>>): string {
  let out = "";
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf("$");
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith("$")) {
      out += "$";
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u.exec(rest);
    if (!ref) {
      out += "$";
      continue;
    }
    rest = rest.slice(ref[0].length);
    const name = (ref[1] ?? ref[2])!;
    let group: number | undefined;
    if (/^\d+$/.test(name) && !(name.length > 1 && name[0] === "0") && name.length <= 8) group = Number(name);
    else group = names[name];
    if (group !== undefined && group <= m.groupCount() && m.start(group) >= 0) out += m.group(group) ?? "";
  }
  return out + rest;
}

// Go's Regexp.ReplaceAllString.
function replace(args: readonly Value[], ctx: BuiltinContext): Value {
  const src = stringArg("regex.replace", args, 0);
  const pattern = stringArg("regex.replace", args, 1);
  const template = stringArg("regex.replace", args, 2);
  const re = compileRegex("regex.replace", pattern, ctx).pattern;
  const names = re.namedGroups();
  const m = re.matcher(src);
  let out = "";
  let last = 0;
  let pos = 0;
  while (pos <= src.length && m.find(pos)) {
    const start = m.start(0);
    const end = m.end(0);
    out += src.slice(last, start);
    // No replacement for an empty match right after the previous match.
    if (end > last || start === 0) out += expand(template, m, names);
    last = end;
    const cp = src.codePointAt(pos);
    const width = cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
    if (pos + width > end) pos += width;
    else if (pos + 1 > end) pos++;
    else pos = end;
  }
  return out + src.slice(last);
}

// Go's regexp.QuoteMeta.
function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}

// regex.template_match: literal text with regexes between one-character delimiters,
// "urn:foo:{.*}" (gorilla/mux's template syntax, as OPA forked it).
function templatePattern(tpl: string, open: string, close: string): string {
  const parts: string[] = ["^"];
  let level = 0;
  let start = 0;
  let end = 0;
  for (let i = 0; i < tpl.length; i++) {
    if (tpl[i] === open) {
      if (++level === 1) start = i;
    } else if (tpl[i] === close) {
      if (--level === 0) {
        parts.push(quoteMeta(tpl.slice(end, start)), "(", tpl.slice(start + 1, i), ")");
        end = i + 1;
      } else if (level < 0) break;
    }
  }
  if (level !== 0) throw builtinError("regex.template_match", `unbalanced braces in ${goQuote(tpl)}`);
  parts.push(quoteMeta(tpl.slice(end)), "$");
  return parts.join("");
}

function templateMatch(args: readonly Value[], ctx: BuiltinContext): Value {
  const name = "regex.template_match";
  const tpl = stringArg(name, args, 0);
  const value = stringArg(name, args, 1);
  const open = stringArg(name, args, 2);
  const close = stringArg(name, args, 3);
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  if (bytes(open) !== 1) {
    throw builtinError(name, `start delimiter has to be exactly one character long but is ${bytes(open)} long`);
  }
  if (bytes(close) !== 1) {
    // OPA reports the start delimiter's length here.
    throw builtinError(name, `end delimiter has to be exactly one character long but is ${bytes(open)} long`);
  }
  const pattern = templatePattern(tpl, open, close);
  return compileRegex(name, pattern, ctx).pattern.test(value);
}

export const regexBuiltins: readonly Builtin[] = [
  { name: "regex.is_valid", arity: 1, fn: isValid },
  { name: "regex.match", arity: 2, fn: match("regex.match") },
  { name: "re_match", arity: 2, fn: match("re_match") },
  { name: "regex.split", arity: 2, fn: split },
  { name: "regex.find_n", arity: 3, fn: findN },
  { name: "regex.find_all_string_submatch_n", arity: 3, fn: findAllSubmatch },
  { name: "regex.replace", arity: 3, fn: replace },
  { name: "regex.template_match", arity: 4, fn: templateMatch },
];
