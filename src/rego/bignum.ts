// Exact decimal numbers for the Rego values a float64 cannot hold.
//
// OPA keeps number literals as decimal text and compares and adds them exactly, so
// `1234567890123456789012 < 1234567890123456789013` and `sum([9223372036854775807, 1])`
// are exact there. erguard keeps ordinary numbers as JS numbers (fast, and what JSON
// input gives) and uses BigNum only for the values a double would round: a literal whose
// decimal text does not survive the trip through a double, or an integer sum or product
// beyond 2^53. A BigNum is always normalised so that it never equals a JS number.

export class BigNum {
  // value = mantissa * 10^exponent, with mantissa not divisible by 10 (unless zero).
  readonly mantissa: bigint;
  readonly exponent: number;

  constructor(mantissa: bigint, exponent: number) {
    let m = mantissa;
    let e = exponent;
    if (m === 0n) e = 0;
    else {
      while (m % 10n === 0n) {
        m /= 10n;
        e += 1;
      }
    }
    this.mantissa = m;
    this.exponent = e;
  }

  isInteger(): boolean {
    return this.exponent >= 0;
  }

  toBigInt(): bigint | undefined {
    return this.exponent >= 0 ? this.mantissa * 10n ** BigInt(this.exponent) : undefined;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  // Plain decimal text: integers without exponent (as OPA prints big integers), other
  // values in the shortest exact form.
  toString(): string {
    const neg = this.mantissa < 0n;
    const digits = (neg ? -this.mantissa : this.mantissa).toString();
    const sign = neg ? "-" : "";
    if (this.exponent >= 0) {
      if (this.exponent > 400) return `${sign}${digits[0]}${digits.length > 1 ? "." + digits.slice(1) : ""}e+${digits.length - 1 + this.exponent}`;
      return sign + digits + "0".repeat(this.exponent);
    }
    const point = digits.length + this.exponent;
    if (point > 0) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
    if (point > -20) return `${sign}0.${"0".repeat(-point)}${digits}`;
    return `${sign}${digits[0]}${digits.length > 1 ? "." + digits.slice(1) : ""}e${point - 1}`;
  }
}

export type Numeric = number | BigNum;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

// Parses decimal text exactly. Returns undefined for text that is not a decimal number.
export function parseDecimal(text: string): BigNum | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? "";
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isSafeInteger(exp)) return undefined;
  let mant = BigInt((m[2] ?? "0") + frac);
  if (m[1] === "-") mant = -mant;
  return new BigNum(mant, exp - frac.length);
}

function fromNumber(n: number): BigNum {
  // The shortest decimal text of a double is the decimal the double stands for in Rego.
  const b = parseDecimal(numberText(n));
  if (!b) throw new Error(`not a finite number: ${n}`);
  return b;
}

// Decimal text of a finite double without JS's exponent form for large integers.
export function numberText(n: number): string {
  if (Object.is(n, -0)) return "0";
  const s = String(n);
  return s;
}

// The number a decimal text denotes: a JS number when the text survives a double exactly,
// a BigNum otherwise.
// Integers of up to 15 digits: exact in a double, which prints them back as they are.
const SMALL_INTEGER = /^-?(?:0|[1-9][0-9]{0,14})$/;

export function numberFromText(text: string): Numeric | undefined {
  if (SMALL_INTEGER.test(text)) return Number(text);
  const exact = parseDecimal(text);
  if (!exact) return undefined;
  const n = Number(text);
  if (Number.isFinite(n)) {
    const back = parseDecimal(numberText(n));
    if (back && back.mantissa === exact.mantissa && back.exponent === exact.exponent) return n;
  }
  return normalise(exact);
}

// A BigNum that a double holds exactly becomes that double.
export function normalise(b: BigNum): Numeric {
  const n = b.toNumber();
  if (Number.isFinite(n)) {
    const back = parseDecimal(numberText(n));
    if (back && back.mantissa === b.mantissa && back.exponent === b.exponent) return n;
  }
  return b;
}

function asBig(x: Numeric): BigNum {
  return x instanceof BigNum ? x : fromNumber(x);
}

function align(a: BigNum, b: BigNum): [bigint, bigint, number] {
  const e = Math.min(a.exponent, b.exponent);
  return [a.mantissa * 10n ** BigInt(a.exponent - e), b.mantissa * 10n ** BigInt(b.exponent - e), e];
}

export function compareNumeric(a: Numeric, b: Numeric): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const [x, y] = align(asBig(a), asBig(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isIntegral(a: Numeric): boolean {
  return typeof a === "number" ? Number.isInteger(a) : a.isInteger();
}

export function toFloat(a: Numeric): number {
  return typeof a === "number" ? a : a.toNumber();
}

function exactOp(a: Numeric, b: Numeric, op: (x: bigint, y: bigint) => bigint, mul: boolean): Numeric {
  const A = asBig(a);
  const B = asBig(b);
  if (mul) return normalise(new BigNum(A.mantissa * B.mantissa, A.exponent + B.exponent));
  const [x, y, e] = align(A, B);
  return normalise(new BigNum(op(x, y), e));
}

export function addNumeric(a: Numeric, b: Numeric): Numeric {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  return exactOp(a, b, (x, y) => x + y, false);
}

export function subNumeric(a: Numeric, b: Numeric): Numeric {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  return exactOp(a, b, (x, y) => x - y, false);
}

export function mulNumeric(a: Numeric, b: Numeric): Numeric {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r) || !Number.isInteger(a) || !Number.isInteger(b)) return r;
  }
  return exactOp(a, b, () => 0n, true);
}
