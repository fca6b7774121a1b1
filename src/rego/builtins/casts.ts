// to_number: numbers from strings, booleans and null.
import { numberFromText } from "../bignum.js";
import { BigNum, type Value } from "../value.js";
import { oneOfError } from "./args.js";
import { BuiltinError, builtinError, type Builtin } from "./registry.js";

export const castsBuiltins: readonly Builtin[] = [
  {
    name: "to_number",
    arity: 1,
    fn: ([v]) => {
      const x = v as Value;
      if (x === null) return 0;
      if (typeof x === "boolean") return x ? 1 : 0;
      if (typeof x === "number" || x instanceof BigNum) return x;
      if (typeof x === "string") {
        // Go's ParseFloat accepts inf and nan; OPA refuses them as not numbers.
        if (/^[+-]?(inf|infinity|nan)$/i.test(x.trim())) {
          throw new BuiltinError("eval_type_error", `to_number: operand 1 must be a valid number string but got ${x}`);
        }
        const text = x.startsWith("+") ? x.slice(1) : x;
        const n = numberFromText(text) ?? numberFromText(normaliseNumberText(text));
        if (n === undefined) throw builtinError("to_number", `strconv.ParseFloat: parsing ${JSON.stringify(x)}: invalid syntax`);
        return n;
      }
      throw oneOfError("to_number", 1, ["null", "boolean", "number", "string"], x);
    },
  },
];

// Go's ParseFloat also takes ".5", "5." and leading zeros.
function normaliseNumberText(s: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?((?:[eE][+-]?\d+)?)$/.exec(s);
  if (!m || (!m[2] && !m[3])) return s;
  const int = (m[2] ?? "").replace(/^0+(?=\d)/, "") || "0";
  const frac = m[3] ? `.${m[3]}` : "";
  return `${m[1]}${int}${frac === "." ? "" : frac}${m[4]}`;
}
