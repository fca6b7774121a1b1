import { describe, expect, it } from "vitest";
import { BigNum, mulNumeric, numberFromText } from "../bignum.js";
import type { Value } from "../value.js";
import { builtinHarness, queryContext } from "../../../test/rego/builtin-harness.js";
import { timeBuiltins } from "./time.js";

const { call, failure } = builtinHarness(timeBuiltins, { ...queryContext(), nowNs: 1_700_000_000_123_456_789n });

// Nanoseconds of a UTC date, as a JS number (exact for whole seconds up to 2^53 ns / 1e9).
const ns = (iso: string): number => Date.parse(iso) * 1e6;
// An exact integer as the engine holds it (a BigNum only where a double would round).
const big = (digits: string): Value => numberFromText(digits)!;

describe("time.now_ns", () => {
  it("returns the query's time, exactly", () => {
    const now = call("time.now_ns");
    expect(now).toBeInstanceOf(BigNum);
    expect((now as BigNum).toString()).toBe("1700000000123456789");
  });
});

describe("time.parse_rfc3339_ns", () => {
  it("parses RFC 3339 with offsets and fractions, exactly to the nanosecond", () => {
    expect(call("time.parse_rfc3339_ns", "1970-01-01T00:00:00-00:00")).toBe(0);
    expect(call("time.parse_rfc3339_ns", "2017-06-02T19:00:00-07:00")).toBe(1496455200000000000);
    expect(call("time.parse_rfc3339_ns", "1677-09-21T00:12:43.145224192-00:00")).toEqual(big("-9223372036854775808"));
    expect(call("time.parse_rfc3339_ns", "2262-04-11T23:47:16.854775807-00:00")).toEqual(big("9223372036854775807"));
    expect(call("time.parse_rfc3339_ns", "2024-02-29T12:00:00.5Z")).toBe(ns("2024-02-29T12:00:00Z") + 5e8);
  });

  it("refuses times beyond int64 nanoseconds", () => {
    for (const t of ["1677-09-21T00:12:43.145224191-00:00", "2262-04-11T23:47:16.854775808-00:00"]) {
      const e = failure("time.parse_rfc3339_ns", t);
      expect(e.code).toBe("eval_builtin_error");
      expect(e.message).toBe("time.parse_rfc3339_ns: time outside of valid range");
    }
  });

  it("reports Go's parse errors", () => {
    expect(failure("time.parse_rfc3339_ns", "2023-02-30T00:00:00Z").message).toBe(
      'time.parse_rfc3339_ns: parsing time "2023-02-30T00:00:00Z": day out of range',
    );
    expect(failure("time.parse_rfc3339_ns", "2023-01-01").message).toBe(
      'time.parse_rfc3339_ns: parsing time "2023-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
    );
  });
});

describe("time.parse_ns", () => {
  it("parses Go layouts and the named layouts", () => {
    expect(call("time.parse_ns", "2006-01-02", "2023-03-04")).toBe(ns("2023-03-04T00:00:00Z"));
    expect(call("time.parse_ns", "02 Jan 06 15:04 -0700", "05 Feb 18 02:00 -0500")).toBe(ns("2018-02-05T07:00:00Z"));
    expect(call("time.parse_ns", "RFC822Z", "05 Feb 18 02:00 -0500")).toBe(ns("2018-02-05T07:00:00Z"));
    expect(call("time.parse_ns", "January 2, 2006 3:04pm", "march 9, 2021 1:05pm")).toBe(ns("2021-03-09T13:05:00Z"));
    expect(call("time.parse_ns", "2006-01-02 15:04:05.000", "2021-03-09 13:05:06.789")).toBe(
      ns("2021-03-09T13:05:06Z") + 789e6,
    );
    expect(call("time.parse_ns", "2006 002", "2020 060")).toBe(ns("2020-02-29T00:00:00Z"));
  });

  it("keeps the clock reading of a zone abbreviation, as Go does in UTC", () => {
    expect(call("time.parse_ns", "RFC822", "02 Jan 06 15:04 MST")).toBe(ns("2006-01-02T15:04:00Z"));
  });

  it("reports range errors and times before 1677", () => {
    expect(failure("time.parse_ns", "2006-01-02", "2023-13-01").message).toBe(
      'time.parse_ns: parsing time "2023-13-01": month out of range',
    );
    expect(failure("time.parse_ns", "3:04PM", "11:30AM").message).toBe("time.parse_ns: time outside of valid range");
    expect(failure("time.parse_ns", "2006", "2006x").message).toBe('time.parse_ns: parsing time "2006x": extra text: "x"');
  });
});

describe("time.parse_duration_ns", () => {
  it("parses Go durations", () => {
    expect(call("time.parse_duration_ns", "100ms")).toBe(100000000);
    expect(call("time.parse_duration_ns", "1h30m")).toBe(5.4e12);
    expect(call("time.parse_duration_ns", "-1.5h")).toBe(-5.4e12);
    expect(call("time.parse_duration_ns", "1.5µs")).toBe(1500);
    expect(call("time.parse_duration_ns", "0")).toBe(0);
    expect(call("time.parse_duration_ns", "2562047h47m16.854775807s")).toEqual(big("9223372036854775807"));
  });

  it("reports Go's duration errors", () => {
    expect(failure("time.parse_duration_ns", "abc").message).toBe('time.parse_duration_ns: time: invalid duration "abc"');
    expect(failure("time.parse_duration_ns", "1").message).toBe('time.parse_duration_ns: time: missing unit in duration "1"');
    expect(failure("time.parse_duration_ns", "1x").message).toBe(
      'time.parse_duration_ns: time: unknown unit "x" in duration "1x"',
    );
    expect(failure("time.parse_duration_ns", "2562048h").message).toBe('time.parse_duration_ns: time: invalid duration "2562048h"');
  });
});

describe("time.date, time.clock and time.weekday", () => {
  it("read a time in UTC", () => {
    expect(call("time.date", 1517814000 * 1e9)).toEqual([2018, 2, 5]);
    expect(call("time.clock", 1582977600 * 1e9)).toEqual([12, 0, 0]);
    expect(call("time.weekday", 1582977600 * 1e9)).toBe("Saturday");
    expect(call("time.date", -1)).toEqual([1969, 12, 31]);
  });

  it("read a time in an IANA zone, across daylight saving", () => {
    const before = ns("2021-03-14T06:30:00Z");
    const after = ns("2021-03-14T07:30:00Z");
    expect(call("time.clock", [before, "America/New_York"])).toEqual([1, 30, 0]);
    expect(call("time.clock", [after, "America/New_York"])).toEqual([3, 30, 0]);
    expect(call("time.date", [ns("2021-03-14T02:00:00Z"), "America/New_York"])).toEqual([2021, 3, 13]);
    expect(call("time.weekday", [ns("2021-03-14T02:00:00Z"), "UTC"])).toBe("Sunday");
  });

  it("refuses timestamps beyond int64 and unknown zones", () => {
    const tooBig = mulNumeric(1582977600 * 1e9, 1000);
    const e = failure("time.date", tooBig);
    expect(e.code).toBe("eval_builtin_error");
    expect(e.message).toBe("time.date: timestamp too big");
    expect(failure("time.weekday", tooBig).message).toBe("time.weekday: timestamp too big");
    expect(failure("time.clock", 1.5).message).toBe("time.clock: timestamp too big");
    expect(failure("time.date", [0, "Mars/Olympus"]).message).toBe("time.date: unknown time zone Mars/Olympus");
    const typeError = failure("time.date", "now");
    expect(typeError.code).toBe("eval_type_error");
    expect(typeError.message).toBe(
      "time.date: operand 1 must be either number (ns) or [number (ns), string (tz)] but got string",
    );
  });
});

describe("time.add_date", () => {
  it("adds years, months and days, normalising as Go", () => {
    expect(call("time.add_date", big("1585852421593912000"), 3, 9, 12)).toEqual(big("1705257221593912000"));
    expect(call("time.add_date", ns("2021-01-31T00:00:00Z"), 0, 1, 0)).toBe(ns("2021-03-03T00:00:00Z"));
    expect(call("time.add_date", ns("2020-02-29T00:00:00Z"), -1, 0, 0)).toBe(ns("2019-03-01T00:00:00Z"));
  });

  it("keeps the wall clock in the time's zone", () => {
    const noonBefore = ns("2021-03-13T17:00:00Z");
    expect(call("time.add_date", [noonBefore, "America/New_York"], 0, 0, 1)).toBe(ns("2021-03-14T16:00:00Z"));
  });

  it("refuses results beyond int64", () => {
    expect(failure("time.add_date", 0, 2262, 1, 1).message).toBe("time.add_date: time outside of valid range");
  });
});

describe("time.diff", () => {
  it("returns the calendar difference in either order", () => {
    const a = ns("1990-01-01T00:00:00Z");
    const b = ns("2022-05-06T12:34:56Z");
    expect(call("time.diff", a, b)).toEqual([32, 4, 5, 12, 34, 56]);
    expect(call("time.diff", b, a)).toEqual([32, 4, 5, 12, 34, 56]);
    expect(call("time.diff", ns("2021-01-31T00:00:00Z"), ns("2021-03-01T00:00:00Z"))).toEqual([0, 1, 1, 0, 0, 0]);
  });
});

describe("time.format", () => {
  const t = 1517814000 * 1e9; // 2018-02-05T07:00:00Z
  it("formats RFC 3339 with nanoseconds by default", () => {
    expect(call("time.format", t)).toBe("2018-02-05T07:00:00Z");
    expect(call("time.format", big("1517814000000000120"))).toBe("2018-02-05T07:00:00.00000012Z");
  });

  it("formats in a zone with a Go layout or a named layout", () => {
    expect(call("time.format", [t, "America/New_York"])).toBe("2018-02-05T02:00:00-05:00");
    expect(call("time.format", [t, "America/New_York", "Mon Jan _2 15:04:05 MST 2006"])).toBe(
      "Mon Feb  5 02:00:00 EST 2018",
    );
    expect(call("time.format", [t, "UTC", "RFC1123"])).toBe("Mon, 05 Feb 2018 07:00:00 UTC");
    expect(call("time.format", [t, "Asia/Kolkata", "2006-01-02 3:04PM -07:00 Z0700"])).toBe(
      "2018-02-05 12:30PM +05:30 +0530",
    );
    expect(call("time.format", [big("1517814000005000000"), "", "15:04:05.000 002 __2 Monday January"])).toBe(
      "07:00:00.005 036  36 Monday February",
    );
  });
});
