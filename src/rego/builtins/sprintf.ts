// sprintf: Go's fmt.Sprintf over the operands OPA hands it.
//
// OPA converts each array member before formatting: an integer that fits an int64 becomes a
// Go int, a larger integer a *big.Int, any other number a float64, a string a Go string, and
// every other value the string of its Rego text (formatValue). So sprintf("%s", [1]) is
// "%!s(int=1)" while sprintf("%s", [123456789123456789123]) is the digits (big.Int formats
// itself under %s), and sprintf("%v", [[1, "a"]]) is `[1, "a"]`.
//
// The verbs, flags (+ - # space 0), width, precision, argument indexes ([n]) and `*` follow
// Go, including its error notation (%!d(string=x), %!v(MISSING), %!(EXTRA …)). Not covered:
// the # flag on floats and a precision on %x of a float.

import { BigNum } from "../bignum.js";
import { formatValue, goQuote } from "../format.js";
import type { Value } from "../value.js";
import { arrayArg, stringArg } from "./args.js";
import type { Builtin } from "./registry.js";
import { runeCount } from "./strings.js";

type GoArg =
  | { readonly type: "int"; readonly value: bigint }
  | { readonly type: "*big.Int"; readonly value: bigint }
  | { readonly type: "float64"; readonly value: number }
  | { readonly type: "string"; readonly value: string };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function integerArg(i: bigint): GoArg {
  return i >= INT64_MIN && i <= INT64_MAX ? { type: "int", value: i } : { type: "*big.Int", value: i };
}

function toGoArg(v: Value): GoArg {
  if (typeof v === "string") return { type: "string", value: v };
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return { type: "float64", value: v };
    // An integral double of 1e21 and more prints with an exponent, as its literal had one;
    // below, it stands for its shortest decimal text (see bignum.ts).
    const text = String(v);
    return text.includes("e") ? { type: "float64", value: v } : integerArg(BigInt(text));
  }
  if (v instanceof BigNum) {
    const i = v.toBigInt();
    return i === undefined ? { type: "float64", value: v.toNumber() } : integerArg(i);
  }
  return { type: "string", value: formatValue(v) };
}

// ---------------------------------------------------------------------------------------
// Decimal digits of a double, as strconv computes them: exact, rounded half to even.

interface Digits {
  d: string; // significant digits, no leading or trailing zeros ("" for zero)
  dp: number; // position of the decimal point relative to d
}

function exactDigits(v: number): Digits {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = biased - 1075;
  if (biased === 0) exp = -1074;
  else mant |= 1n << 52n;
  if (mant === 0n) return { d: "", dp: 0 };
  let text: string;
  let pointFromRight: number;
  if (exp >= 0) {
    text = (mant << BigInt(exp)).toString();
    pointFromRight = 0;
  } else {
    text = (mant * 5n ** BigInt(-exp)).toString();
    pointFromRight = -exp;
  }
  const dp = text.length - pointFromRight;
  return trimDigits({ d: text, dp });
}

function trimDigits(x: Digits): Digits {
  let d = x.d;
  let dp = x.dp;
  let lead = 0;
  while (lead < d.length && d[lead] === "0") lead++;
  d = d.slice(lead);
  dp -= lead;
  d = d.replace(/0+$/, "");
  return d === "" ? { d: "", dp: 0 } : { d, dp };
}

function shortestDigits(v: number): Digits {
  if (v === 0) return { d: "", dp: 0 };
  const [mant, e] = Math.abs(v).toExponential().split("e") as [string, string];
  return trimDigits({ d: mant.replace(".", ""), dp: Number(e) + 1 });
}

// Rounds to nd digits, as strconv's decimal.Round.
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0 || nd >= x.d.length) return x;
  const c = x.d[nd]!;
  let up: boolean;
  if (c === "5" && nd + 1 === x.d.length) up = nd > 0 && Number(x.d[nd - 1]) % 2 === 1;
  else up = c >= "5";
  if (!up) return trimDigits({ d: x.d.slice(0, nd), dp: x.dp });
  let i = nd - 1;
  while (i >= 0 && x.d[i] === "9") i--;
  if (i < 0) return { d: "1", dp: x.dp + 1 };
  return trimDigits({ d: x.d.slice(0, i) + String(Number(x.d[i]) + 1), dp: x.dp });
}

function digitAt(x: Digits, i: number): string {
  return i >= 0 && i < x.d.length ? x.d[i]! : "0";
}

function fmtE(x: Digits, prec: number, e: string): string {
  let out = x.d === "" ? "0" : x.d[0]!;
  if (prec > 0) {
    out += ".";
    for (let i = 1; i <= prec; i++) out += digitAt(x, i);
  }
  const exp = x.d === "" ? 0 : x.dp - 1;
  const abs = Math.abs(exp);
  return out + e + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + String(abs);
}

function fmtF(x: Digits, prec: number): string {
  let out = "";
  if (x.dp > 0) for (let i = 0; i < x.dp; i++) out += digitAt(x, i);
  else out = "0";
  if (prec > 0) {
    out += ".";
    for (let i = 1; i <= prec; i++) out += digitAt(x, x.dp + i - 1);
  }
  return out;
}

// strconv.FormatFloat(v, verb, prec, 64) for verbs e E f F g G, without the sign.
function formatFloatDigits(v: number, verb: string, prec: number): string {
  const shortest = prec < 0;
  let x = shortest ? shortestDigits(v) : exactDigits(v);
  switch (verb) {
    case "e":
    case "E":
      if (shortest) prec = Math.max(x.d.length - 1, 0);
      else x = roundDigits(x, prec + 1);
      return fmtE(x, prec, verb);
    case "f":
    case "F":
      if (shortest) prec = Math.max(x.d.length - x.dp, 0);
      else x = roundDigits(x, x.dp + prec);
      return fmtF(x, prec);
    default: {
      if (shortest) prec = x.d.length;
      else {
        if (prec === 0) prec = 1;
        x = roundDigits(x, prec);
      }
      let eprec = prec;
      if (eprec > x.d.length && x.d.length >= x.dp) eprec = x.d.length;
      if (shortest) eprec = 6;
      const exp = x.dp - 1;
      if (x.d !== "" && (exp < -4 || exp >= eprec)) {
        return fmtE(x, Math.min(prec, x.d.length) - 1, verb === "G" ? "E" : "e");
      }
      if (prec > x.dp) prec = x.d.length;
      return fmtF(x, Math.max(prec - x.dp, 0));
    }
  }
}

function floatBits(v: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mant: frac, exp: -1022 } : { mant: frac | (1n << 52n), exp: biased - 1023 };
}

// strconv's %b: decimal mantissa, binary exponent.
function formatFloatB(v: number): string {
  const { mant, exp } = floatBits(v);
  const e = exp - 52;
  return `${mant}p${e >= 0 ? "+" : ""}${e}`;
}

// strconv's %x with the shortest precision: 0x1.8p+01.
function formatFloatX(v: number, upper: boolean): string {
  let { mant, exp } = floatBits(v);
  if (mant === 0n) exp = 0;
  mant <<= 8n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  let out = "0x" + ((mant >> 60n) & 1n).toString();
  let frac = (mant << 4n) & ((1n << 64n) - 1n);
  if (frac !== 0n) {
    out += ".";
    while (frac !== 0n) {
      out += ((frac >> 60n) & 15n).toString(16);
      frac = (frac << 4n) & ((1n << 64n) - 1n);
    }
  }
  const abs = Math.abs(exp);
  out += "p" + (exp < 0 ? "-" : "+") + String(abs).padStart(2, "0");
  return upper ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------------------------------
// Runes

function isPrintable(cp: number): boolean {
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]/u.test(String.fromCodePoint(cp));
}

function validRune(c: bigint): number {
  return c < 0n || c > 0x10ffffn || (c >= 0xd800n && c < 0xe000n) ? 0xfffd : Number(c);
}

// strconv.QuoteRune (ASCII-only with asciiOnly, as QuoteRuneToASCII).
function quoteRune(cp: number, asciiOnly: boolean): string {
  const ch = String.fromCodePoint(cp);
  const simple: Record<string, string> = {
    "\x07": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "'": "\\'",
    "\\": "\\\\",
  };
  if (simple[ch]) return `'${simple[ch]}'`;
  if (isPrintable(cp) && (!asciiOnly || cp < 0x80)) return `'${ch}'`;
  if (cp < 0x80) return `'\\x${cp.toString(16).padStart(2, "0")}'`;
  if (cp <= 0xffff) return `'\\u${cp.toString(16).padStart(4, "0")}'`;
  return `'\\U${cp.toString(16).padStart(8, "0")}'`;
}

// strconv.QuoteToASCII.
function quoteToAscii(s: string): string {
  return goQuote(s).replace(/[^\x00-\x7f]/gu, (ch) => {
    const cp = ch.codePointAt(0)!;
    return cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, "0")}` : `\\U${cp.toString(16).padStart(8, "0")}`;
  });
}

function canBackquote(s: string): boolean {
  return !/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(s);
}

// ---------------------------------------------------------------------------------------
// The printer

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

const noFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  sharpV: false,
  wid: 0,
  widPresent: false,
  prec: 0,
  precPresent: false,
});

class Printer {
  out = "";
  f: Flags = noFlags();

  private padding(n: number): string {
    return n > 0 ? (this.f.zero ? "0" : " ").repeat(n) : "";
  }

  pad(s: string): void {
    const f = this.f;
    if (!f.widPresent || f.wid === 0) {
      this.out += s;
      return;
    }
    const width = f.wid - runeCount(s);
    if (!f.minus) this.out += this.padding(width) + s;
    else this.out += s + this.padding(width);
  }

  // fmt.fmtInteger: u is the magnitude.
  fmtInteger(u: bigint, negative: boolean, base: number, verb: string, upper: boolean): void {
    const f = this.f;
    if (f.precPresent && f.prec === 0 && u === 0n) {
      const zero = f.zero;
      f.zero = false;
      this.out += this.padding(f.widPresent ? f.wid : 0);
      f.zero = zero;
      return;
    }
    let prec = 0;
    if (f.precPresent) prec = f.prec;
    else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = "0".repeat(prec - digits.length) + digits;
    if (f.sharp) {
      if (base === 2) digits = "0b" + digits;
      else if (base === 8 && digits[0] !== "0") digits = "0" + digits;
      else if (base === 16) digits = (upper ? "0X" : "0x") + digits;
    }
    if (verb === "O") digits = "0o" + digits;
    if (negative) digits = "-" + digits;
    else if (f.plus) digits = "+" + digits;
    else if (f.space) digits = " " + digits;
    const zero = f.zero;
    f.zero = false;
    this.pad(digits);
    f.zero = zero;
  }

  fmtUnicode(u: bigint): void {
    const f = this.f;
    let hex = u.toString(16).toUpperCase();
    const prec = f.precPresent && f.prec > 4 ? f.prec : 4;
    if (hex.length < prec) hex = "0".repeat(prec - hex.length) + hex;
    let s = "U+" + hex;
    if (f.sharp && u <= 0x10ffffn && isPrintable(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    const zero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = zero;
  }

  fmtFloat(v: number, verb: string, defaultPrec: number): void {
    const f = this.f;
    const prec = f.precPresent ? f.prec : defaultPrec;
    let num: string;
    if (verb === "b") num = formatFloatB(v);
    else if (verb === "x" || verb === "X") num = formatFloatX(v, verb === "X");
    else num = formatFloatDigits(v, verb, prec);
    let sign = v < 0 || Object.is(v, -0) ? "-" : "+";
    if (f.space && sign === "+" && !f.plus) sign = " ";
    if (f.plus || sign !== "+") {
      const signed = sign + num;
      if (f.zero && !f.minus && f.widPresent && f.wid > signed.length) {
        this.out += sign + "0".repeat(f.wid - signed.length) + num;
        return;
      }
      this.pad(signed);
      return;
    }
    this.pad(num);
  }

  fmtS(s: string): void {
    const f = this.f;
    if (f.precPresent) s = Array.from(s).slice(0, f.prec).join("");
    this.pad(s);
  }

  fmtSx(s: string, upper: boolean): void {
    const f = this.f;
    let bytes = new TextEncoder().encode(s);
    if (f.precPresent && f.prec < bytes.length) bytes = bytes.subarray(0, f.prec);
    const x = upper ? "0X" : "0x";
    const parts = Array.from(bytes, (b) => {
      const h = b.toString(16).padStart(2, "0");
      return upper ? h.toUpperCase() : h;
    });
    let body: string;
    if (parts.length === 0) body = "";
    else if (f.space) body = parts.map((p) => (f.sharp ? x + p : p)).join(" ");
    else body = (f.sharp ? x : "") + parts.join("");
    if (body === "") {
      if (f.widPresent) this.out += this.padding(f.wid);
      return;
    }
    this.pad(body);
  }

  fmtQ(s: string): void {
    const f = this.f;
    if (f.precPresent) s = Array.from(s).slice(0, f.prec).join("");
    if (f.sharp && canBackquote(s)) this.pad("`" + s + "`");
    else this.pad(f.plus ? quoteToAscii(s) : goQuote(s));
  }

  badVerb(verb: string, arg: GoArg | undefined): void {
    this.out += "%!" + verb + "(";
    if (arg) {
      this.out += arg.type + "=";
      this.printArg(arg, "v");
    } else this.out += "<nil>";
    this.out += ")";
  }

  printArg(arg: GoArg, verb: string): void {
    if (verb === "T") {
      this.fmtS(arg.type);
      return;
    }
    switch (arg.type) {
      case "int":
        return this.printInt(arg, verb);
      case "*big.Int":
        return this.printBigInt(arg.value, verb);
      case "float64":
        return this.printFloat(arg, verb);
      case "string":
        return this.printString(arg, verb);
    }
  }

  private printInt(arg: GoArg & { type: "int" }, verb: string): void {
    const n = arg.value;
    const neg = n < 0n;
    const mag = neg ? -n : n;
    switch (verb) {
      case "v":
      case "d":
        return this.fmtInteger(mag, neg, 10, verb, false);
      case "b":
        return this.fmtInteger(mag, neg, 2, verb, false);
      case "o":
      case "O":
        return this.fmtInteger(mag, neg, 8, verb, false);
      case "x":
        return this.fmtInteger(mag, neg, 16, verb, false);
      case "X":
        return this.fmtInteger(mag, neg, 16, verb, true);
      case "c":
        return this.pad(String.fromCodePoint(validRune(n)));
      case "q":
        return this.pad(quoteRune(validRune(n), this.f.plus));
      case "U":
        return this.fmtUnicode(neg ? 2n ** 64n + n : n);
      default:
        return this.badVerb(verb, arg);
    }
  }

  // math/big's Int.Format.
  private printBigInt(x: bigint, verb: string): void {
    const f = this.f;
    const bases: Record<string, number> = { b: 2, o: 8, O: 8, d: 10, s: 10, v: 10, x: 16, X: 16 };
    const base = bases[verb];
    if (base === undefined) {
      this.out += `%!${verb}(big.Int=${x.toString()})`;
      return;
    }
    const sign = x < 0n ? "-" : f.plus ? "+" : f.space ? " " : "";
    let prefix = "";
    if (f.sharp) prefix = ({ b: "0b", o: "0", x: "0x", X: "0X" } as Record<string, string>)[verb] ?? "";
    if (verb === "O") prefix = "0o";
    let digits = (x < 0n ? -x : x).toString(base);
    if (verb === "X") digits = digits.toUpperCase();
    let zeros = 0;
    if (f.precPresent) {
      if (digits.length < f.prec) zeros = f.prec - digits.length;
      else if (digits === "0" && f.prec === 0) return;
    }
    const length = sign.length + prefix.length + zeros + digits.length;
    let left = 0;
    let right = 0;
    if (f.widPresent && length < f.wid) {
      const d = f.wid - length;
      if (f.minus) right = d;
      else if (f.zero && !f.precPresent) zeros = d;
      else left = d;
    }
    this.out += " ".repeat(left) + sign + prefix + "0".repeat(zeros) + digits + " ".repeat(right);
  }

  private printFloat(arg: GoArg & { type: "float64" }, verb: string): void {
    switch (verb) {
      case "v":
        return this.fmtFloat(arg.value, "g", -1);
      case "b":
      case "g":
      case "G":
      case "x":
      case "X":
        return this.fmtFloat(arg.value, verb, -1);
      case "f":
      case "e":
      case "E":
      case "F":
        return this.fmtFloat(arg.value, verb === "F" ? "f" : verb, 6);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private printString(arg: GoArg & { type: "string" }, verb: string): void {
    switch (verb) {
      case "v":
        return this.f.sharpV ? this.fmtQ(arg.value) : this.fmtS(arg.value);
      case "s":
        return this.fmtS(arg.value);
      case "x":
        return this.fmtSx(arg.value, false);
      case "X":
        return this.fmtSx(arg.value, true);
      case "q":
        return this.fmtQ(arg.value);
      default:
        return this.badVerb(verb, arg);
    }
  }
}

// fmt's parsenum: digits from i, refusing absurd widths.
function parseNum(s: string, i: number): { num: number; ok: boolean; next: number } {
  let num = 0;
  let ok = false;
  let j = i;
  for (; j < s.length && s[j]! >= "0" && s[j]! <= "9"; j++) {
    if (num > 1e6) return { num: 0, ok: false, next: s.length };
    num = num * 10 + Number(s[j]);
    ok = true;
  }
  return { num, ok, next: j };
}

function goSprintf(format: string, args: readonly GoArg[]): string {
  const p = new Printer();
  let argNum = 0;
  let reordered = false;
  let goodArgNum = true;

  // "[n]" at i: the argument index it names.
  const argNumber = (i: number): { next: number; found: boolean } => {
    if (format[i] !== "[") return { next: i, found: false };
    reordered = true;
    const close = format.indexOf("]", i + 1);
    if (format.length - i < 3 || close < 0) {
      goodArgNum = false;
      return { next: i + 1, found: false };
    }
    const { num, ok, next } = parseNum(format, i + 1);
    if (!ok || next !== close) {
      goodArgNum = false;
      return { next: close + 1, found: false };
    }
    if (num - 1 >= 0 && num - 1 < args.length) {
      argNum = num - 1;
      return { next: close + 1, found: true };
    }
    goodArgNum = false;
    return { next: close + 1, found: true };
  };

  // A width or precision taken from an int argument ("*").
  const intFromArg = (): { num: number; ok: boolean } => {
    if (argNum >= args.length) return { num: 0, ok: false };
    const a = args[argNum]!;
    argNum++;
    if (a.type !== "int" || a.value > 1000000n || a.value < -1000000n) return { num: 0, ok: false };
    return { num: Number(a.value), ok: true };
  };

  let i = 0;
  const end = format.length;
  while (i < end) {
    goodArgNum = true;
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      p.out += format.slice(i);
      break;
    }
    p.out += format.slice(i, pct);
    i = pct + 1;
    p.f = noFlags();
    const f = p.f;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case "#":
          f.sharp = true;
          break;
        case "0":
          f.zero = !f.minus;
          break;
        case "+":
          f.plus = true;
          break;
        case "-":
          f.minus = true;
          f.zero = false;
          break;
        case " ":
          f.space = true;
          break;
        default:
          break flags;
      }
    }

    let idx = argNumber(i);
    i = idx.next;
    let afterIndex = idx.found;

    if (format[i] === "*") {
      i++;
      const w = intFromArg();
      f.wid = w.num;
      f.widPresent = w.ok;
      if (!w.ok) p.out += "%!(BADWIDTH)";
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const w = parseNum(format, i);
      f.wid = w.num;
      f.widPresent = w.ok;
      i = w.next;
      if (afterIndex && f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) goodArgNum = false;
      idx = argNumber(i);
      i = idx.next;
      afterIndex = idx.found;
      if (format[i] === "*") {
        i++;
        const pr = intFromArg();
        f.prec = pr.num;
        f.precPresent = pr.ok;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!pr.ok) p.out += "%!(BADPREC)";
        afterIndex = false;
      } else {
        const pr = parseNum(format, i);
        f.prec = pr.ok ? pr.num : 0;
        f.precPresent = true;
        i = pr.next;
      }
    }

    if (!afterIndex) {
      idx = argNumber(i);
      i = idx.next;
    }

    if (i >= end) {
      p.out += "%!(NOVERB)";
      break;
    }

    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;

    if (verb === "%") p.out += "%";
    else if (!goodArgNum) p.out += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.out += `%!${verb}(MISSING)`;
    else {
      if (verb === "v") {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plus = false;
      }
      p.printArg(args[argNum]!, verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = noFlags();
    p.out += "%!(EXTRA ";
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.out += ", ";
      p.out += a.type + "=";
      p.printArg(a, "v");
    });
    p.out += ")";
  }
  return p.out;
}

function sprintf(args: readonly Value[]): Value {
  const format = stringArg("sprintf", args, 0);
  const values = arrayArg("sprintf", args, 1);
  return plainSprintf(format, values) ?? formatGo(format, values);
}

// Go's fmt.Sprintf over Rego values, every case.
export function formatGo(format: string, values: readonly Value[]): string {
  return goSprintf(format, values.map(toGoArg));
}

// What goSprintf prints for the common case, without its machinery (policies format a
// message for every finding): only %s, %d, %v and %% without flags, width or precision, one
// argument per verb, strings for %s and %v, safe integers for %d and %v. Undefined otherwise.
export function plainSprintf(format: string, values: readonly Value[]): string | undefined {
  let out = "";
  let next = 0;
  let from = 0;
  for (let i = format.indexOf("%"); i >= 0; i = format.indexOf("%", from)) {
    out += format.slice(from, i);
    const verb = format.charCodeAt(i + 1);
    from = i + 2;
    if (verb === 0x25) {
      out += "%";
      continue;
    }
    const v = values[next++];
    if ((verb === 0x73 || verb === 0x76) && typeof v === "string") out += v;
    else if ((verb === 0x64 || verb === 0x76) && typeof v === "number" && Number.isSafeInteger(v)) out += String(v);
    else return undefined;
  }
  return next === values.length ? out + format.slice(from) : undefined;
}

export const sprintfBuiltins: readonly Builtin[] = [{ name: "sprintf", arity: 2, fn: sprintf }];
