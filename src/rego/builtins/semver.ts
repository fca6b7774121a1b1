// semver.compare and semver.is_valid, with the parser OPA uses (its internal/semver): an
// optional leading "v", MAJOR.MINOR.PATCH as int64s, then -PRERELEASE and +METADATA made of
// dot-separated [0-9A-Za-z-] identifiers.

import type { Value } from "../value.js";
import { stringArg } from "./args.js";
import { builtinError, type Builtin } from "./registry.js";

interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly preRelease: string;
}

const IDENTIFIERS = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const INT64_MAX = 2n ** 63n - 1n;

function cut(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
}

// Go's strconv.ParseInt(s, 10, 64).
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : n;
}

function parseSemver(text: string): Version | undefined {
  let version = text.startsWith("v") ? text.slice(1) : text;
  let metadata: string;
  [version, metadata] = cut(version, "+");
  if (metadata !== "" && !IDENTIFIERS.test(metadata)) return undefined;
  let preRelease: string;
  [version, preRelease] = cut(version, "-");
  if (preRelease !== "" && !IDENTIFIERS.test(preRelease)) return undefined;
  const numbers = version.split(".");
  if (numbers.length !== 3) return undefined;
  const [major, minor, patch] = numbers.map(parseInt64);
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  return { major, minor, patch, preRelease };
}

const sign = (a: bigint, b: bigint): number => (a > b ? 1 : a < b ? -1 : 0);
const isNumeric = (s: string): boolean => /^\d+$/.test(s);

// SemVer precedence (semver.org item 11).
function compareSemver(v: Version, w: Version): number {
  const c = sign(v.major, w.major) || sign(v.minor, w.minor) || sign(v.patch, w.patch);
  if (c !== 0) return c;
  if (v.preRelease === w.preRelease) return 0;
  if (v.preRelease === "") return 1;
  if (w.preRelease === "") return -1;
  const a = v.preRelease.split(".");
  const b = w.preRelease.split(".");
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const xNum = isNumeric(x);
    const yNum = isNumeric(y);
    if (xNum !== yNum) return xNum ? -1 : 1;
    const d = xNum ? sign(BigInt(x), BigInt(y)) : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return sign(BigInt(a.length), BigInt(b.length));
}

function semverCompare(args: readonly Value[]): Value {
  const a = stringArg("semver.compare", args, 0);
  const b = stringArg("semver.compare", args, 1);
  const va = parseSemver(a);
  if (!va) throw builtinError("semver.compare", `operand 1: string ${a} is not a valid SemVer`);
  const vb = parseSemver(b);
  if (!vb) throw builtinError("semver.compare", `operand 2: string ${b} is not a valid SemVer`);
  return compareSemver(va, vb);
}

function semverIsValid(args: readonly Value[]): Value {
  const v = args[0];
  return typeof v === "string" && parseSemver(v) !== undefined;
}

export const semverBuiltins: readonly Builtin[] = [
  { name: "semver.compare", arity: 2, fn: semverCompare },
  { name: "semver.is_valid", arity: 1, fn: semverIsValid },
];
