// Builtins of the time family. Times are nanoseconds since the Unix epoch as exact integers
// within int64 (OPA's range: 1677-09-21 to 2262-04-11); a time operand is `ns` or
// `[ns, tz]` or (time.format) `[ns, tz, layout]`, tz being "", "UTC", "Local" or an IANA
// name resolved through Intl. Layouts are Go's (reference time Mon Jan 2 15:04:05 MST 2006),
// and so are the parse errors, which policies sometimes show to users.

import { BigNum, normalise, type Numeric } from "../bignum.js";
import { isNumber, typeName, type Value } from "../value.js";
import { BuiltinError, builtinError, type Builtin, type BuiltinContext } from "./registry.js";
import { intArg, stringArg } from "./args.js";

const NS_PER_SECOND = 1_000_000_000n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function nsValue(ns: bigint): Numeric {
  return Number.isSafeInteger(Number(ns)) && BigInt(Number(ns)) === ns ? Number(ns) : normalise(new BigNum(ns, 0));
}

// ---------------------------------------------------------------------------------------
// Calendar (proleptic Gregorian, as Go)

const floorDiv = (a: number, b: number): number => Math.floor(a / b);
const mod = (a: number, b: number): number => a - b * Math.floor(a / b);

// Days from 1970-01-01 to year-month-day (month 1..12; day may overflow).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = floorDiv(153 * mp + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return DAYS_BEFORE[month]! - DAYS_BEFORE[month - 1]!;
}

const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));
const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));

// ---------------------------------------------------------------------------------------
// Zones

interface Zone {
  readonly name: string;
  // Offset east of UTC in seconds in effect at a Unix second.
  offset(unixSec: number): number;
  // The zone's abbreviation at a Unix second ("EST"), for the MST layout element.
  abbreviation(unixSec: number): string;
}

const UTC: Zone = { name: "UTC", offset: () => 0, abbreviation: () => "UTC" };

// Date's range (±8.64e15 ms); zone lookups beyond it use its edge.
const MAX_DATE_SEC = 8.64e12;
const clampToDate = (sec: number): number => Math.max(-MAX_DATE_SEC, Math.min(MAX_DATE_SEC, sec));

class IntlZone implements Zone {
  private readonly parts: Intl.DateTimeFormat;
  private readonly names = new Map<string, Intl.DateTimeFormat>();

  constructor(readonly name: string) {
    this.parts = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  offset(unixSec: number): number {
    const sec = clampToDate(unixSec);
    const field: Record<string, string> = {};
    for (const p of this.parts.formatToParts(new Date(sec * 1000))) field[p.type] = p.value;
    let year = Number(field.year);
    if (field.era === "BC" || field.era === "B") year = 1 - year;
    const local =
      daysFromCivil(year, Number(field.month), Number(field.day)) * 86400 +
      Number(field.hour) * 3600 +
      Number(field.minute) * 60 +
      Number(field.second);
    return local - sec;
  }

  // tzdata's abbreviation: Intl's short name ("EST", "CET"), else "+04" / "+0530" as tzdata
  // writes zones without letters.
  abbreviation(unixSec: number): string {
    const date = new Date(clampToDate(unixSec) * 1000);
    for (const locale of ["en-US", "en-GB"]) {
      let fmt = this.names.get(locale);
      if (!fmt) {
        fmt = new Intl.DateTimeFormat(locale, { timeZone: this.name, timeZoneName: "short" });
        this.names.set(locale, fmt);
      }
      const short = fmt.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "";
      if (short === "UTC" || short === "GMT" || !/^(GMT|UTC)[+-−]/.test(short)) return short;
    }
    const offset = this.offset(unixSec);
    const abs = Math.abs(offset);
    const hm = String(Math.floor(abs / 3600)).padStart(2, "0") + (abs % 3600 ? String(Math.floor((abs % 3600) / 60)).padStart(2, "0") : "");
    return (offset < 0 ? "-" : "+") + hm;
  }
}

const zoneCache = new Map<string, Zone>();

function loadZone(name: string, fnName: string): Zone {
  if (name === "" || name === "UTC") return UTC;
  const zoneName = name === "Local" ? new Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  let zone = zoneCache.get(name);
  if (!zone) {
    try {
      zone = zoneName === "UTC" ? UTC : new IntlZone(zoneName);
    } catch {
      throw builtinError(fnName, `unknown time zone ${name}`);
    }
    zoneCache.set(name, zone);
  }
  return zone;
}

// ---------------------------------------------------------------------------------------
// Instants

// A point in time with the zone it is shown in.
interface ZonedTime {
  readonly sec: number; // Unix seconds (floor)
  readonly nsec: number; // 0..999,999,999
  readonly zone: Zone;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  yday: number;
  weekday: number;
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  offset: number;
}

function fieldsOf(t: ZonedTime): Fields {
  const offset = t.zone.offset(t.sec);
  const local = t.sec + offset;
  const days = floorDiv(local, 86400);
  const secOfDay = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    weekday: mod(days + 4, 7),
    hour: floorDiv(secOfDay, 3600),
    min: floorDiv(secOfDay % 3600, 60),
    sec: secOfDay % 60,
    nsec: t.nsec,
    offset,
  };
}

function fromNs(ns: bigint, zone: Zone): ZonedTime {
  let sec = ns / NS_PER_SECOND;
  let nsec = ns % NS_PER_SECOND;
  if (nsec < 0n) {
    nsec += NS_PER_SECOND;
    sec -= 1n;
  }
  return { sec: Number(sec), nsec: Number(nsec), zone };
}

// Unix nanoseconds of a time, or OPA's error beyond int64.
function toNs(name: string, sec: number, nsec: number): Numeric {
  if (!Number.isSafeInteger(sec)) throw builtinError(name, "time outside of valid range");
  const ns = BigInt(sec) * NS_PER_SECOND + BigInt(nsec);
  if (ns < INT64_MIN || ns > INT64_MAX) throw builtinError(name, "time outside of valid range");
  return nsValue(ns);
}

// Go's time.Date: local fields (which may overflow) in a zone, to Unix seconds.
function dateToUnix(
  year: number,
  month: number,
  day: number,
  hour: number,
  min: number,
  sec: number,
  zone: Zone,
): number {
  const m0 = month - 1;
  const y = year + floorDiv(m0, 12);
  const m = mod(m0, 12) + 1;
  const local = (daysFromCivil(y, m, 1) + day - 1) * 86400 + hour * 3600 + min * 60 + sec;
  // As Go: the offset at the local time read as UTC, corrected once if that instant falls
  // in another offset period.
  const guess = zone.offset(local);
  return local - (guess === 0 ? 0 : zone.offset(local - guess));
}

// A time operand: ns, or [ns, tz] or [ns, tz, layout].
function timeArg(name: string, v: Value | undefined): { time: ZonedTime; layout: string } {
  const typeError = () =>
    new BuiltinError(
      "eval_type_error",
      `${name}: operand 1 must be either number (ns) or [number (ns), string (tz)] but got ${v === undefined ? "undefined" : typeName(v)}`,
    );
  let n: Value;
  let zone = UTC;
  let layout = "";
  if (Array.isArray(v)) {
    const arr = v as readonly Value[];
    if (arr.length === 0) throw typeError();
    n = arr[0]!;
    if (!isNumber(n)) throw operandMust(name, "number", n);
    if (arr.length > 1) {
      const tz = arr[1]!;
      if (typeof tz !== "string") throw operandMust(name, "string", tz);
      zone = loadZone(tz, name);
    }
    if (arr.length > 2) {
      const lay = arr[2]!;
      if (typeof lay !== "string") throw operandMust(name, "string", lay);
      layout = lay;
    }
  } else if (v !== undefined && isNumber(v)) n = v;
  else throw typeError();
  const ns = exactInt64(n as Numeric);
  if (ns === undefined) throw builtinError(name, "timestamp too big");
  return { time: fromNs(ns, zone), layout };
}

function operandMust(name: string, expected: string, got: Value): BuiltinError {
  return new BuiltinError("eval_type_error", `${name}: operand 1 must be ${expected} but got ${typeName(got)}`);
}

function exactInt64(n: Numeric): bigint | undefined {
  let i: bigint | undefined;
  // A double stands for its shortest decimal text (see bignum.ts), not its binary value.
  if (typeof n === "number") i = Number.isInteger(n) && !String(n).includes("e") ? BigInt(String(n)) : undefined;
  else i = n.toBigInt();
  return i !== undefined && i >= INT64_MIN && i <= INT64_MAX ? i : undefined;
}

// ---------------------------------------------------------------------------------------
// Go layouts

type Std =
  | "January"
  | "Jan"
  | "1"
  | "01"
  | "Monday"
  | "Mon"
  | "2"
  | "_2"
  | "02"
  | "__2"
  | "002"
  | "15"
  | "3"
  | "03"
  | "4"
  | "04"
  | "5"
  | "05"
  | "2006"
  | "06"
  | "PM"
  | "pm"
  | "MST"
  | "Z0700"
  | "Z070000"
  | "Z07"
  | "Z07:00"
  | "Z07:00:00"
  | "-0700"
  | "-070000"
  | "-07"
  | "-07:00"
  | "-07:00:00"
  | "frac0"
  | "frac9";

interface Chunk {
  readonly prefix: string;
  readonly std: Std | undefined;
  readonly stdText: string;
  readonly digits: number; // fractional seconds
  readonly separator: string; // fractional seconds
  readonly suffix: string;
}

const startsWithLower = (s: string): boolean => s.length > 0 && s[0]! >= "a" && s[0]! <= "z";
const ZONE_STDS: readonly Std[] = ["-070000", "-07:00:00", "-0700", "-07:00", "-07"];
const ISO_ZONE_STDS: readonly Std[] = ["Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07"];

// Go's nextStdChunk: the text before the first layout element, the element, the rest.
function nextStdChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number, prefixEnd = i): Chunk => ({
    prefix: layout.slice(0, prefixEnd),
    std,
    stdText: layout.slice(prefixEnd, i + len),
    digits: 0,
    separator: ".",
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i]!;
    const rest = layout.slice(i);
    switch (c) {
      case "J":
        if (rest.startsWith("Jan")) {
          if (rest.startsWith("January")) return at(i, "January", 7);
          if (!startsWithLower(rest.slice(3))) return at(i, "Jan", 3);
        }
        break;
      case "M":
        if (rest.startsWith("Mon")) {
          if (rest.startsWith("Monday")) return at(i, "Monday", 6);
          if (!startsWithLower(rest.slice(3))) return at(i, "Mon", 3);
        }
        if (rest.startsWith("MST")) return at(i, "MST", 3);
        break;
      case "0":
        if (rest.length >= 2 && rest[1]! >= "1" && rest[1]! <= "6") {
          return at(i, (["01", "02", "03", "04", "05", "06"] as const)[Number(rest[1]) - 1]!, 2);
        }
        if (rest.startsWith("002")) return at(i, "002", 3);
        break;
      case "1":
        if (rest.startsWith("15")) return at(i, "15", 2);
        return at(i, "1", 1);
      case "2":
        if (rest.startsWith("2006")) return at(i, "2006", 4);
        return at(i, "2", 1);
      case "_":
        if (rest.startsWith("_2")) {
          if (rest.startsWith("_2006")) return at(i + 1, "2006", 4);
          return at(i, "_2", 2);
        }
        if (rest.startsWith("__2")) return at(i, "__2", 3);
        break;
      case "3":
        return at(i, "3", 1);
      case "4":
        return at(i, "4", 1);
      case "5":
        return at(i, "5", 1);
      case "P":
        if (rest.startsWith("PM")) return at(i, "PM", 2);
        break;
      case "p":
        if (rest.startsWith("pm")) return at(i, "pm", 2);
        break;
      case "-":
        for (const std of ZONE_STDS) if (rest.startsWith(std)) return at(i, std, std.length);
        break;
      case "Z":
        for (const std of ISO_ZONE_STDS) if (rest.startsWith(std)) return at(i, std, std.length);
        break;
      case ".":
      case ",":
        if (rest[1] === "0" || rest[1] === "9") {
          const ch = rest[1];
          let j = 1;
          while (j < rest.length && rest[j] === ch) j++;
          if (!(rest[j]! >= "0" && rest[j]! <= "9")) {
            return { ...at(i, ch === "0" ? "frac0" : "frac9", j), digits: j - 1, separator: c };
          }
        }
        break;
    }
  }
  return { prefix: layout, std: undefined, stdText: "", digits: 0, separator: ".", suffix: "" };
}

const NAMED_LAYOUTS: Readonly<Record<string, string>> = {
  ANSIC: "Mon Jan _2 15:04:05 2006",
  UnixDate: "Mon Jan _2 15:04:05 MST 2006",
  RubyDate: "Mon Jan 02 15:04:05 -0700 2006",
  RFC822: "02 Jan 06 15:04 MST",
  RFC822Z: "02 Jan 06 15:04 -0700",
  RFC850: "Monday, 02-Jan-06 15:04:05 MST",
  RFC1123: "Mon, 02 Jan 2006 15:04:05 MST",
  RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700",
  RFC3339: "2006-01-02T15:04:05Z07:00",
  RFC3339Nano: "2006-01-02T15:04:05.999999999Z07:00",
};
const RFC3339 = NAMED_LAYOUTS.RFC3339!;
const RFC3339_NANO = NAMED_LAYOUTS.RFC3339Nano!;

// Go's appendInt: zero-padded to width, sign first.
function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? "-" + s : s;
}

function formatZone(std: Std, offset: number): string {
  if (offset === 0 && std.startsWith("Z")) return "Z";
  const abs = Math.abs(offset);
  const zone = Math.floor(abs / 60);
  let out = (offset < 0 ? "-" : "+") + pad(Math.floor(zone / 60), 2);
  const colon = std.includes(":");
  if (std !== "-07" && std !== "Z07") out += (colon ? ":" : "") + pad(zone % 60, 2);
  if (std === "-070000" || std === "Z070000" || std === "-07:00:00" || std === "Z07:00:00") {
    out += (colon ? ":" : "") + pad(abs % 60, 2);
  }
  return out;
}

function formatFraction(nsec: number, digits: number, trim: boolean, separator: string): string {
  if (trim && (digits === 0 || nsec === 0)) return "";
  let frac = String(nsec).padStart(9, "0").slice(0, Math.min(digits, 9));
  if (trim) frac = frac.replace(/0+$/, "");
  return frac === "" ? "" : separator + frac;
}

// Go's Time.Format.
function formatTime(t: ZonedTime, layout: string): string {
  const f = fieldsOf(t);
  let out = "";
  let rest = layout;
  while (rest !== "") {
    const chunk = nextStdChunk(rest);
    out += chunk.prefix;
    if (!chunk.std) break;
    rest = chunk.suffix;
    const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    switch (chunk.std) {
      case "06":
        out += pad(Math.abs(f.year) % 100, 2);
        break;
      case "2006":
        out += pad(f.year, 4);
        break;
      case "Jan":
        out += SHORT_MONTHS[f.month - 1];
        break;
      case "January":
        out += LONG_MONTHS[f.month - 1];
        break;
      case "1":
        out += String(f.month);
        break;
      case "01":
        out += pad(f.month, 2);
        break;
      case "Mon":
        out += SHORT_DAYS[f.weekday];
        break;
      case "Monday":
        out += LONG_DAYS[f.weekday];
        break;
      case "2":
        out += String(f.day);
        break;
      case "_2":
        out += (f.day < 10 ? " " : "") + String(f.day);
        break;
      case "02":
        out += pad(f.day, 2);
        break;
      case "__2":
        out += String(f.yday).padStart(3, " ");
        break;
      case "002":
        out += pad(f.yday, 3);
        break;
      case "15":
        out += pad(f.hour, 2);
        break;
      case "3":
        out += String(hour12);
        break;
      case "03":
        out += pad(hour12, 2);
        break;
      case "4":
        out += String(f.min);
        break;
      case "04":
        out += pad(f.min, 2);
        break;
      case "5":
        out += String(f.sec);
        break;
      case "05":
        out += pad(f.sec, 2);
        break;
      case "PM":
        out += f.hour >= 12 ? "PM" : "AM";
        break;
      case "pm":
        out += f.hour >= 12 ? "pm" : "am";
        break;
      case "MST":
        out += t.zone.abbreviation(t.sec) || formatZone("-0700", f.offset);
        break;
      case "frac0":
      case "frac9":
        out += formatFraction(f.nsec, chunk.digits, chunk.std === "frac9", chunk.separator);
        break;
      default:
        out += formatZone(chunk.std, f.offset);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Go's time.Parse (in UTC, as OPA runs it): the instant a value denotes in a layout.

// Go's time-package quote: non-ASCII bytes as \x escapes.
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80 || cp < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += "\\x" + b.toString(16).padStart(2, "0");
    } else out += ch === '"' || ch === "\\" ? "\\" + ch : ch;
  }
  return out + '"';
}

class ParseError extends Error {}

function cannotParse(layout: string, value: string, elem: string, valueElem: string): ParseError {
  return new ParseError(
    `parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(elem)}`,
  );
}

const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i]! >= "0" && s[i]! <= "9";

// One or two digits (exactly two when fixed).
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigitAt(s, 0)) return undefined;
  if (!isDigitAt(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] | undefined {
  let i = 0;
  while (i < 3 && isDigitAt(s, i)) i++;
  if (i === 0 || (fixed && i !== 3)) return undefined;
  return [Number(s.slice(0, i)), s.slice(i)];
}

// Removes the layout's literal text from the value; runs of spaces match runs of spaces.
function skip(value: string, prefix: string): string | undefined {
  while (prefix.length > 0) {
    if (prefix[0] === " ") {
      if (value.length > 0 && value[0] !== " ") return undefined;
      prefix = prefix.replace(/^ +/, "");
      value = value.replace(/^ +/, "");
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return undefined;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

function lookupName(table: readonly string[], value: string): [number, string] | undefined {
  for (let i = 0; i < table.length; i++) {
    const name = table[i]!;
    if (value.length >= name.length && value.slice(0, name.length).toLowerCase() === name.toLowerCase()) {
      return [i, value.slice(name.length)];
    }
  }
  return undefined;
}

// The length of a zone abbreviation at the start of value, as Go's parseTimeZone.
function timeZoneLength(value: string): number | undefined {
  if (value.length < 3) return undefined;
  if (value.startsWith("ChST") || value.startsWith("MeST")) return 4;
  if (value.startsWith("GMT")) {
    const rest = value.slice(3);
    return rest === "" ? 3 : 3 + (signedOffsetLength(rest) ?? 0);
  }
  if (value[0] === "+" || value[0] === "-") return signedOffsetLength(value);
  let upper = 0;
  while (upper < 6 && upper < value.length && value[upper]! >= "A" && value[upper]! <= "Z") upper++;
  if (upper === 3) return 3;
  if (upper === 4 && (value[3] === "T" || value.startsWith("WITA"))) return 4;
  if (upper === 5 && value[4] === "T") return 5;
  return undefined;
}

function signedOffsetLength(value: string): number | undefined {
  const m = /^[+-](\d+)/.exec(value);
  if (!m || Number(m[1]) > 23) return undefined;
  return m[0].length;
}

// A fractional second ".123" of nbytes characters, as nanoseconds.
function parseNanoseconds(value: string, nbytes: number): number | undefined {
  if (value[0] !== "." && value[0] !== ",") return undefined;
  const digits = value.slice(1, Math.min(nbytes, 10));
  if (!/^\d+$/.test(digits)) return undefined;
  return Number(digits.padEnd(9, "0"));
}

// Unix seconds and nanoseconds of a value in a layout, or a ParseError.
function parseTime(layout: string, value: string): { sec: number; nsec: number } {
  const alayout = layout;
  const avalue = value;
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let utc = false;
  let zoneOffset: number | undefined;

  for (;;) {
    const chunk = nextStdChunk(layout);
    const skipped = skip(value, chunk.prefix);
    if (skipped === undefined) throw cannotParse(alayout, avalue, chunk.prefix, value);
    value = skipped;
    if (!chunk.std) {
      if (value.length !== 0) throw new ParseError(`parsing time ${timeQuote(avalue)}: extra text: ${timeQuote(value)}`);
      break;
    }
    layout = chunk.suffix;
    const hold = value;
    let bad = false;
    let rangeErr = "";
    const num = (r: [number, string] | undefined): number => {
      if (!r) {
        bad = true;
        return 0;
      }
      value = r[1];
      return r[0];
    };
    switch (chunk.std) {
      case "06": {
        const p = value.slice(0, 2);
        if (!/^\d\d$/.test(p)) bad = true;
        else {
          year = Number(p);
          year += year >= 69 ? 1900 : 2000;
          value = value.slice(2);
        }
        break;
      }
      case "2006":
        if (value.length < 4 || !/^\d{4}/.test(value)) bad = true;
        else {
          year = Number(value.slice(0, 4));
          value = value.slice(4);
        }
        break;
      case "Jan":
      case "January": {
        const r = lookupName(chunk.std === "Jan" ? SHORT_MONTHS : LONG_MONTHS, value);
        month = num(r) + 1;
        break;
      }
      case "1":
      case "01":
        month = num(getnum(value, chunk.std === "01"));
        if (!bad && (month <= 0 || month > 12)) rangeErr = "month";
        break;
      case "Mon":
      case "Monday":
        num(lookupName(chunk.std === "Mon" ? SHORT_DAYS : LONG_DAYS, value));
        break;
      case "2":
      case "_2":
      case "02":
        if (chunk.std === "_2" && value[0] === " ") value = value.slice(1);
        day = num(getnum(value, chunk.std === "02"));
        break;
      case "__2":
      case "002":
        if (chunk.std === "__2") value = value.replace(/^ {1,2}/, "");
        yday = num(getnum3(value, chunk.std === "002"));
        break;
      case "15":
        hour = num(getnum(value, false));
        if (hour < 0 || hour >= 24) rangeErr = "hour";
        break;
      case "3":
      case "03":
        hour = num(getnum(value, chunk.std === "03"));
        if (hour < 0 || hour > 12) rangeErr = "hour";
        break;
      case "4":
      case "04":
        min = num(getnum(value, chunk.std === "04"));
        if (min < 0 || min >= 60) rangeErr = "minute";
        break;
      case "5":
      case "05": {
        sec = num(getnum(value, chunk.std === "05"));
        if (bad) break;
        if (sec < 0 || sec >= 60) {
          rangeErr = "second";
          break;
        }
        // A fractional second the layout does not mention.
        if (value.length >= 2 && (value[0] === "." || value[0] === ",") && isDigitAt(value, 1)) {
          const next = nextStdChunk(layout).std;
          if (next === "frac0" || next === "frac9") break;
          let n = 2;
          while (isDigitAt(value, n)) n++;
          nsec = parseNanoseconds(value, n) ?? 0;
          value = value.slice(n);
        }
        break;
      }
      case "PM":
      case "pm": {
        const p = value.slice(0, 2);
        const [am, pm] = chunk.std === "PM" ? ["AM", "PM"] : ["am", "pm"];
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else bad = true;
        if (!bad) value = value.slice(2);
        break;
      }
      case "MST": {
        if (value.startsWith("UTC")) {
          utc = true;
          value = value.slice(3);
          break;
        }
        const n = timeZoneLength(value);
        // A zone abbreviation keeps the clock reading: OPA parses in UTC, where only "UTC"
        // names an offset.
        if (n === undefined) bad = true;
        else value = value.slice(n);
        break;
      }
      case "frac0": {
        const ndigit = 1 + chunk.digits;
        if (value.length < ndigit) {
          bad = true;
          break;
        }
        const ns = parseNanoseconds(value, ndigit);
        if (ns === undefined) bad = true;
        else nsec = ns;
        value = value.slice(ndigit);
        break;
      }
      case "frac9": {
        if (value.length < 2 || (value[0] !== "." && value[0] !== ",") || !isDigitAt(value, 1)) break;
        let i = 0;
        while (isDigitAt(value, i + 1)) i++;
        nsec = parseNanoseconds(value, 1 + i) ?? 0;
        value = value.slice(1 + i);
        break;
      }
      default: {
        // Numeric zones, and the ISO forms that also accept "Z".
        const std = chunk.std;
        if (std.startsWith("Z") && value[0] === "Z") {
          value = value.slice(1);
          utc = true;
          break;
        }
        const shapes: Record<string, RegExp> = {
          "07:00": /^(.)(..):(..)/,
          "07": /^(.)(..)/,
          "07:00:00": /^(.)(..):(..):(..)/,
          "070000": /^(.)(..)(..)(..)/,
          "0700": /^(.)(..)(..)/,
        };
        const m = shapes[std.slice(1)]!.exec(value);
        if (!m) {
          bad = true;
          break;
        }
        value = value.slice(m[0].length);
        const [hh, mm, ss] = [m[2]!, m[3] ?? "00", m[4] ?? "00"];
        if (![hh, mm, ss].every((x) => /^\d\d$/.test(x))) {
          bad = true;
          break;
        }
        const [h, mi, s] = [Number(hh), Number(mm), Number(ss)];
        if (h > 24) rangeErr = "time zone offset hour";
        if (mi > 60) rangeErr = "time zone offset minute";
        if (s > 60) rangeErr = "time zone offset second";
        let offset = (h * 60 + mi) * 60 + s;
        if (m[1] === "-") offset = -offset;
        else if (m[1] !== "+") bad = true;
        zoneOffset = offset;
      }
    }
    if (rangeErr !== "") throw new ParseError(`parsing time ${timeQuote(avalue)}: ${rangeErr} out of range`);
    if (bad) throw cannotParse(alayout, avalue, chunk.stdText, hold);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw new ParseError(`parsing time ${timeQuote(avalue)}: day-of-year out of range`);
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (DAYS_BEFORE[m]! < yday) m++;
      d = yday - DAYS_BEFORE[m - 1]!;
    }
    if (month >= 0 && month !== m) {
      throw new ParseError(`parsing time ${timeQuote(avalue)}: day-of-year does not match month`);
    }
    month = m;
    if (day >= 0 && day !== d) throw new ParseError(`parsing time ${timeQuote(avalue)}: day-of-year does not match day`);
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw new ParseError(`parsing time ${timeQuote(avalue)}: day out of range`);
  const local = dateToUnix(year, month, day, hour, min, sec, UTC);
  return { sec: utc || zoneOffset === undefined ? local : local - zoneOffset, nsec };
}

function parseOrThrow(name: string, layout: string, value: string): Numeric {
  let t: { sec: number; nsec: number };
  try {
    t = parseTime(layout, value);
  } catch (e) {
    if (e instanceof ParseError) throw builtinError(name, e.message);
    throw e;
  }
  return toNs(name, t.sec, t.nsec);
}

// ---------------------------------------------------------------------------------------
// Go's time.ParseDuration

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1000n,
  "µs": 1000n,
  "μs": 1000n,
  ms: 1_000_000n,
  s: NS_PER_SECOND,
  m: 60n * NS_PER_SECOND,
  h: 3600n * NS_PER_SECOND,
};
const TWO_63 = 2n ** 63n;

function parseDuration(text: string): bigint | string {
  const invalid = `time: invalid duration ${timeQuote(text)}`;
  let s = text;
  let neg = false;
  if (s[0] === "-" || s[0] === "+") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") return invalid;
  let total = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigitAt(s, 0))) return invalid;
    const intPart = /^\d*/.exec(s)![0];
    s = s.slice(intPart.length);
    let v = 0n;
    for (const c of intPart) {
      if (v > TWO_63 / 10n) return invalid;
      v = v * 10n + BigInt(c);
      if (v > TWO_63) return invalid;
    }
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === ".") {
      s = s.slice(1);
      const fracPart = /^\d*/.exec(s)![0];
      s = s.slice(fracPart.length);
      post = fracPart.length > 0;
      let overflow = false;
      for (const c of fracPart) {
        if (overflow) continue;
        if (f > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(c);
        if (y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
    }
    if (intPart === "" && !post) return invalid;
    const unitText = /^[^.0-9]*/.exec(s)![0];
    if (unitText === "") return `time: missing unit in duration ${timeQuote(text)}`;
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined) return `time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(text)}`;
    if (v > TWO_63 / unit) return invalid;
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64; so does this.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return invalid;
    }
    total += v;
    if (total > TWO_63) return invalid;
  }
  if (neg) return -total;
  if (total > TWO_63 - 1n) return invalid;
  return total;
}

// ---------------------------------------------------------------------------------------
// Builtins

function nowNs(_args: readonly Value[], ctx: BuiltinContext): Value {
  return nsValue(ctx.nowNs);
}

function parseRfc3339Ns(args: readonly Value[]): Value {
  const name = "time.parse_rfc3339_ns";
  return parseOrThrow(name, RFC3339, stringArg(name, args, 0));
}

function parseNs(args: readonly Value[]): Value {
  const name = "time.parse_ns";
  const layout = stringArg(name, args, 0);
  const value = stringArg(name, args, 1);
  return parseOrThrow(name, NAMED_LAYOUTS[layout] ?? layout, value);
}

function parseDurationNs(args: readonly Value[]): Value {
  const name = "time.parse_duration_ns";
  const d = parseDuration(stringArg(name, args, 0));
  if (typeof d === "string") throw builtinError(name, d);
  return nsValue(d);
}

function date(args: readonly Value[]): Value {
  const f = fieldsOf(timeArg("time.date", args[0]).time);
  return [f.year, f.month, f.day];
}

function clock(args: readonly Value[]): Value {
  const f = fieldsOf(timeArg("time.clock", args[0]).time);
  return [f.hour, f.min, f.sec];
}

function weekday(args: readonly Value[]): Value {
  return LONG_DAYS[fieldsOf(timeArg("time.weekday", args[0]).time).weekday]!;
}

function addDate(args: readonly Value[]): Value {
  const name = "time.add_date";
  const { time } = timeArg(name, args[0]);
  const years = intArg(name, args, 1);
  const months = intArg(name, args, 2);
  const days = intArg(name, args, 3);
  const f = fieldsOf(time);
  const sec = dateToUnix(f.year + years, f.month + months, f.day + days, f.hour, f.min, f.sec, time.zone);
  return toNs(name, sec, time.nsec);
}

// time.diff: [years, months, days, hours, minutes, seconds] between two times, in the first
// time's zone (icza's algorithm, as OPA).
function diff(args: readonly Value[]): Value {
  const a = timeArg("time.diff", args[0]).time;
  let b = timeArg("time.diff", args[1]).time;
  if (b.zone !== a.zone) b = { ...b, zone: a.zone };
  const after = a.sec > b.sec || (a.sec === b.sec && a.nsec > b.nsec);
  const [t1, t2] = after ? [fieldsOf(b), fieldsOf(a)] : [fieldsOf(a), fieldsOf(b)];
  let year = t2.year - t1.year;
  let month = t2.month - t1.month;
  let day = t2.day - t1.day;
  let hour = t2.hour - t1.hour;
  let min = t2.min - t1.min;
  let sec = t2.sec - t1.sec;
  if (sec < 0) {
    sec += 60;
    min--;
  }
  if (min < 0) {
    min += 60;
    hour--;
  }
  if (hour < 0) {
    hour += 24;
    day--;
  }
  if (day < 0) {
    day += daysIn(t1.month, t1.year);
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return [year, month, day, hour, min, sec];
}

function format(args: readonly Value[]): Value {
  const { time, layout } = timeArg("time.format", args[0]);
  const goLayout = layout === "" ? RFC3339_NANO : (NAMED_LAYOUTS[layout] ?? layout);
  return formatTime(time, goLayout);
}

export const timeBuiltins: readonly Builtin[] = [
  { name: "time.now_ns", arity: 0, fn: nowNs },
  { name: "time.parse_rfc3339_ns", arity: 1, fn: parseRfc3339Ns },
  { name: "time.parse_ns", arity: 2, fn: parseNs },
  { name: "time.parse_duration_ns", arity: 1, fn: parseDurationNs },
  { name: "time.date", arity: 1, fn: date },
  { name: "time.clock", arity: 1, fn: clock },
  { name: "time.weekday", arity: 1, fn: weekday },
  { name: "time.add_date", arity: 4, fn: addDate },
  { name: "time.diff", arity: 2, fn: diff },
  { name: "time.format", arity: 1, fn: format },
];
