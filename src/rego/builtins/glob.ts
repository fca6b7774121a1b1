// glob.match and glob.quote_meta, with the syntax of gobwas/glob (which OPA uses):
//   *      any run of characters that are not delimiters
//   **     any run of characters
//   ?      one character that is not a delimiter
//   [abc] [!abc] [a-z] [!a-z]   one character in (or not in) a list or a range
//   {a,b*,c}                    alternatives, which may nest
//   \c     the character c
// A pattern must match the whole string. Patterns compile to RE2 regexes (linear time).

import type { RE2JS } from "re2js";
import { re2js } from "../../lazy-libraries.js";
import type { Value } from "../value.js";
import { oneOfError, stringArg } from "./args.js";
import { builtinError, type Builtin, type BuiltinContext } from "./registry.js";
import { elementError } from "./strings.js";

class GlobSyntaxError extends Error {}

function syntaxError(at: number, message: string): GlobSyntaxError {
  return new GlobSyntaxError(`glob: syntax error at ${at}: ${message}`);
}

const rx = (cp: number): string => `\\x{${cp.toString(16)}}`;

// Translates a glob pattern (as code points) into an RE2 expression.
class GlobCompiler {
  private pos = 0;

  constructor(
    private readonly chars: readonly string[],
    private readonly delimiters: readonly string[],
  ) {}

  compile(): string {
    const body = this.sequence(0);
    return `\\A(?s:${body})\\z`;
  }

  private get notDelimiter(): string {
    return this.delimiters.length === 0 ? "." : `[^${this.delimiters.map((d) => rx(d.codePointAt(0)!)).join("")}]`;
  }

  // A run of terms up to the end, or inside braces up to ',' or '}'.
  private sequence(depth: number): string {
    let out = "";
    while (this.pos < this.chars.length) {
      const c = this.chars[this.pos]!;
      if (depth > 0 && (c === "," || c === "}")) return out;
      this.pos++;
      switch (c) {
        case "*":
          if (this.chars[this.pos] === "*") {
            this.pos++;
            out += ".*";
          } else out += this.notDelimiter + "*";
          break;
        case "?":
          out += this.notDelimiter;
          break;
        case "[":
          out += this.characterClass();
          break;
        case "{":
          out += this.alternatives(depth + 1);
          break;
        case "\\":
          if (this.pos >= this.chars.length) throw syntaxError(this.pos, "trailing backslash");
          out += rx(this.chars[this.pos++]!.codePointAt(0)!);
          break;
        default:
          out += rx(c.codePointAt(0)!);
      }
    }
    return out;
  }

  private alternatives(depth: number): string {
    const options: string[] = [];
    for (;;) {
      options.push(this.sequence(depth));
      if (this.pos >= this.chars.length) throw syntaxError(this.pos, "unclosed `{`");
      if (this.chars[this.pos++] === "}") return `(?:${options.join("|")})`;
    }
  }

  // After '[': "!"? then either lo-hi or a list of (possibly escaped) characters, then ']'.
  private characterClass(): string {
    const next = (): string => {
      if (this.pos >= this.chars.length) throw syntaxError(this.pos, "unexpected end of input");
      return this.chars[this.pos++]!;
    };
    let negate = false;
    if (this.chars[this.pos] === "!") {
      negate = true;
      this.pos++;
    }
    const open = negate ? "[^" : "[";
    const first = next();
    if (first !== "]" && this.chars[this.pos] === "-") {
      this.pos++;
      const hi = next();
      if (next() !== "]") throw syntaxError(this.pos, "expected close range character");
      const [lo, up] = [first.codePointAt(0)!, hi.codePointAt(0)!];
      if (up < lo) throw syntaxError(this.pos, "range hi character is less than lo");
      return `${open}${rx(lo)}-${rx(up)}]`;
    }
    const list: number[] = [];
    for (let c = first; c !== "]"; c = next()) {
      list.push((c === "\\" ? next() : c).codePointAt(0)!);
    }
    if (list.length === 0) throw syntaxError(this.pos, "could not parse range");
    return open + list.map(rx).join("") + "]";
  }
}

function compileGlob(pattern: string, delimiters: readonly string[], ctx: BuiltinContext): RE2JS {
  const key = "glob\u0000" + pattern + "\u0000" + delimiters.join("");
  let entry = ctx.queryCache.get(key) as RE2JS | string | undefined;
  if (entry === undefined) {
    try {
      entry = re2js().RE2JS.compile(new GlobCompiler(Array.from(pattern), delimiters).compile());
    } catch (e) {
      if (!(e instanceof GlobSyntaxError)) throw e;
      entry = e.message;
    }
    ctx.queryCache.set(key, entry);
  }
  if (typeof entry === "string") throw builtinError("glob.match", entry);
  return entry;
}

// Operand 2: null for no delimiters, [] for the default ".", or single characters.
function delimitersArg(args: readonly Value[]): string[] {
  const v = args[1] as Value;
  if (v === null) return [];
  if (!Array.isArray(v)) throw oneOfError("glob.match", 2, ["array", "null"], v);
  const list = v as readonly Value[];
  if (list.length === 0) return ["."];
  return list.map((d) => {
    if (typeof d !== "string") throw elementError("glob.match", 2, list, d, "string");
    if (Array.from(d).length !== 1) throw elementError("glob.match", 2, list, d, "rune");
    return d;
  });
}

function globMatch(args: readonly Value[], ctx: BuiltinContext): Value {
  const pattern = stringArg("glob.match", args, 0);
  const delimiters = delimitersArg(args);
  const value = stringArg("glob.match", args, 2);
  return compileGlob(pattern, delimiters, ctx).matches(value);
}

// gobwas/glob's QuoteMeta: a backslash before each of * ? \ [ ] { }.
function quoteMeta(args: readonly Value[]): Value {
  return stringArg("glob.quote_meta", args, 0).replace(/[*?\\[\]{}]/g, "\\$&");
}

export const globBuiltins: readonly Builtin[] = [
  { name: "glob.match", arity: 3, fn: globMatch },
  { name: "glob.quote_meta", arity: 1, fn: quoteMeta },
];
