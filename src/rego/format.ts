// Rego values as OPA prints them (ast.Value.String()): what sprintf's %v shows for
// composites, what print() writes, and what error messages quote.
//   "a" → "a" (quoted, Go style)   [1, "a"]   {"a": 1}   {1, 2}   set()

import { BigNum, numberText } from "./bignum.js";
import { Kind, kindOf, RegoSet, compare, objectEntries, type ArrayValue, type ObjectValue, type Value } from "./value.js";

const GO_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

// Go's strconv.Quote.
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = GO_ESCAPES[ch];
    if (esc) {
      out += esc;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if ((cp >= 0x80 && cp < 0xa0) || cp === 0xfffd || (cp >= 0xd800 && cp < 0xe000)) {
      out += "\\u" + cp.toString(16).padStart(4, "0");
    } else out += ch;
  }
  return out + '"';
}

export function formatNumber(v: number | BigNum): string {
  if (v instanceof BigNum) return v.toString();
  if (Number.isInteger(v) && Math.abs(v) >= 1e21) return BigInt(v).toString();
  return numberText(v);
}

export function formatValue(v: Value): string {
  switch (kindOf(v)) {
    case Kind.Null:
      return "null";
    case Kind.Boolean:
      return v ? "true" : "false";
    case Kind.Number:
      return formatNumber(v as number | BigNum);
    case Kind.String:
      return goQuote(v as string);
    case Kind.Array:
      return "[" + (v as ArrayValue).map(formatValue).join(", ") + "]";
    case Kind.Set: {
      const s = v as RegoSet;
      if (s.size === 0) return "set()";
      return "{" + s.sorted().map(formatValue).join(", ") + "}";
    }
    case Kind.Object: {
      const entries = [...objectEntries(v as ObjectValue)].sort((a, b) => compare(a[0], b[0]));
      return "{" + entries.map(([k, x]) => `${formatValue(k)}: ${formatValue(x)}`).join(", ") + "}";
    }
  }
}
