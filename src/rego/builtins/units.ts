// units.parse and units.parse_bytes: "10Ki" → 10240, "1.5GB" → 1500000000.
//
// units.parse multiplies exactly (OPA uses big.Rat) and rounds non-integers to ten
// decimals; units.parse_bytes multiplies in 64-bit binary floating point (OPA uses
// big.Float) and truncates to an integer. Both stay exact beyond 2^53 (BigNum).

import { BigNum, normalise, parseDecimal, type Numeric } from "../bignum.js";
import type { Value } from "../value.js";
import { stringArg } from "./args.js";
import { builtinError, type Builtin } from "./registry.js";
import { goToLower } from "./strings.js";

const MAX_EXPONENT_DIGITS = 6;

class ExponentTooLarge extends Error {}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

// Splits "1.5e3Ki" into the amount "1.5e3" and the unit "Ki" as OPA does: the amount runs
// over digits, '.', signs and an 'e' or 'E' followed by a digit or sign.
function splitAmount(s: string): { num: string; unit: string } {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (!isDigit(c) && c !== "." && c !== "e" && c !== "E" && c !== "+" && c !== "-") {
      return { num: s.slice(0, i), unit: s.slice(i) };
    }
    if (c === "e" || c === "E") {
      const next = s[i + 1];
      if (!isDigit(next) && next !== "+" && next !== "-") return { num: s.slice(0, i), unit: s.slice(i) };
      if (next === "+" || next === "-") i++;
      let end = i + 1;
      while (isDigit(s[end])) end++;
      if (end - (i + 1) > MAX_EXPONENT_DIGITS) throw new ExponentTooLarge();
    }
  }
  return { num: s, unit: "" };
}

// A decimal amount as Go's big.Rat / big.Float accept it: sign, digits with an optional
// point, an optional exponent.
function parseAmount(num: string): BigNum | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+)?$/.exec(num);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const sign = m[1] === "-" ? "-" : "";
  return parseDecimal(`${sign}${m[2] || "0"}${m[3] ? "." + m[3] : ""}${m[4] ?? ""}`);
}

const digitCount = (m: bigint): number => (m < 0n ? -m : m).toString().length;

function toNumeric(i: bigint): Numeric {
  return normalise(new BigNum(i, 0));
}

// ---------------------------------------------------------------------------------------
// units.parse

const KI = 1024n;
const SI_UNITS: Readonly<Record<string, bigint>> = {
  "": 1n,
  k: 1000n,
  K: 1000n,
  ki: KI,
  Ki: KI,
  M: 1000n ** 2n,
  mi: KI ** 2n,
  Mi: KI ** 2n,
  g: 1000n ** 3n,
  G: 1000n ** 3n,
  gi: KI ** 3n,
  Gi: KI ** 3n,
  t: 1000n ** 4n,
  T: 1000n ** 4n,
  ti: KI ** 4n,
  Ti: KI ** 4n,
  p: 1000n ** 5n,
  P: 1000n ** 5n,
  pi: KI ** 5n,
  Pi: KI ** 5n,
  e: 1000n ** 6n,
  E: 1000n ** 6n,
  ei: KI ** 6n,
  Ei: KI ** 6n,
};

// big.Rat.FloatString(10): rounded half away from zero to ten decimals.
function roundToTenDecimals(b: BigNum): Numeric {
  if (b.exponent >= -10) return normalise(b);
  if (digitCount(b.mantissa) + b.exponent < -11) return 0;
  const scale = 10n ** BigInt(-b.exponent - 10);
  const neg = b.mantissa < 0n;
  const abs = neg ? -b.mantissa : b.mantissa;
  let q = abs / scale;
  if ((abs % scale) * 2n >= scale) q++;
  return normalise(new BigNum(neg ? -q : q, -10));
}

function unitsParse(args: readonly Value[]): Value {
  const name = "units.parse";
  const s = stringArg(name, args, 0).replaceAll('"', "");
  if (s.includes(" ")) throw builtinError(name, "spaces not allowed in resource strings");
  let parts: { num: string; unit: string };
  try {
    parts = splitAmount(s);
  } catch {
    throw builtinError(name, "exponent too large");
  }
  if (parts.num === "") throw builtinError(name, "no amount provided");
  // Only the letters after the first are case-insensitive: "m" is milli, "M" mega.
  const unit = parts.unit.length > 1 ? parts.unit[0] + goToLower(parts.unit.slice(1)) : parts.unit;
  const milli = unit === "m";
  const factor = SI_UNITS[unit];
  if (!milli && factor === undefined) throw builtinError(name, `unit ${unit} not recognized`);
  const amount = parseAmount(parts.num);
  if (!amount) throw builtinError(name, "could not parse amount to a number");
  const result = milli
    ? new BigNum(amount.mantissa, amount.exponent - 3)
    : new BigNum(amount.mantissa * factor!, amount.exponent);
  if (result.isInteger()) return toNumeric(result.toBigInt()!);
  return roundToTenDecimals(result);
}

// ---------------------------------------------------------------------------------------
// units.parse_bytes

const BYTE_UNITS: Readonly<Record<string, bigint>> = {
  "": 1n,
  kb: 1000n,
  k: 1000n,
  kib: KI,
  ki: KI,
  mb: 1000n ** 2n,
  m: 1000n ** 2n,
  mib: KI ** 2n,
  mi: KI ** 2n,
  gb: 1000n ** 3n,
  g: 1000n ** 3n,
  gib: KI ** 3n,
  gi: KI ** 3n,
  tb: 1000n ** 4n,
  t: 1000n ** 4n,
  tib: KI ** 4n,
  ti: KI ** 4n,
  pb: 1000n ** 5n,
  p: 1000n ** 5n,
  pib: KI ** 5n,
  pi: KI ** 5n,
  eb: 1000n ** 6n,
  e: 1000n ** 6n,
  eib: KI ** 6n,
  ei: KI ** 6n,
};

const PRECISION = 64n;

function bitLength(n: bigint): bigint {
  return BigInt(n.toString(2).length);
}

// A positive binary float: mant * 2^exp, with mant below 2^64.
interface BinaryFloat {
  readonly mant: bigint;
  readonly exp: bigint;
}

// num/den rounded to 64 significant bits, half to even (big.Float's default).
function roundBinary(num: bigint, den: bigint): BinaryFloat {
  if (num === 0n) return { mant: 0n, exp: 0n };
  // num/den / 2^exp then lies in [2^63, 2^65); one more bit of exp if it reached 2^64.
  let exp = bitLength(num) - bitLength(den) - PRECISION;
  const divide = (e: bigint): [bigint, bigint, bigint] => {
    const n = e < 0n ? num << -e : num;
    const d = e > 0n ? den << e : den;
    return [n / d, n % d, d];
  };
  let [mant, rem, d] = divide(exp);
  if (mant >= 1n << PRECISION) [mant, rem, d] = divide(++exp);
  const twice = rem * 2n;
  if (twice > d || (twice === d && (mant & 1n) === 1n)) mant++;
  if (mant >= 1n << PRECISION) return { mant: mant >> 1n, exp: exp + 1n };
  return { mant, exp };
}

function bytesOf(amount: BigNum, factor: bigint): bigint {
  const neg = amount.mantissa < 0n;
  const abs = neg ? -amount.mantissa : amount.mantissa;
  if (abs === 0n) return 0n;
  // |amount| < 1 byte of the largest unit cannot reach one byte.
  if (digitCount(abs) + amount.exponent < -20) return 0n;
  const e = BigInt(amount.exponent);
  const parsed = e >= 0n ? roundBinary(abs * 10n ** e, 1n) : roundBinary(abs, 10n ** -e);
  const product = roundBinary(parsed.mant * factor, 1n);
  const exp = parsed.exp + product.exp;
  const int = exp >= 0n ? product.mant << exp : product.mant >> -exp;
  return neg ? -int : int;
}

function unitsParseBytes(args: readonly Value[]): Value {
  const name = "units.parse_bytes";
  const s = goToLower(stringArg(name, args, 0)).replaceAll('"', "");
  if (s.includes(" ")) throw builtinError(name, "spaces not allowed in resource strings");
  let parts: { num: string; unit: string };
  try {
    parts = splitAmount(s);
  } catch {
    throw builtinError(name, "exponent too large");
  }
  if (parts.num === "") throw builtinError(name, "no byte amount provided");
  const factor = BYTE_UNITS[parts.unit];
  if (factor === undefined) throw builtinError(name, `byte unit ${parts.unit} not recognized`);
  const amount = parseAmount(parts.num);
  if (!amount) throw builtinError(name, "could not parse byte amount to a number");
  return toNumeric(bytesOf(amount, factor));
}

export const unitsBuiltins: readonly Builtin[] = [
  { name: "units.parse", arity: 1, fn: unitsParse },
  { name: "units.parse_bytes", arity: 1, fn: unitsParseBytes },
];
