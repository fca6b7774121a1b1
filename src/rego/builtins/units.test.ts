import { describe, expect, it } from "vitest";
import { numberFromText } from "../bignum.js";
import { equal, type Value } from "../value.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";
import { unitsBuiltins } from "./units.js";

const { call, failure } = builtinHarness(unitsBuiltins);
const parse = (s: Value) => call("units.parse", s);
const parseBytes = (s: Value) => call("units.parse_bytes", s);
const exact = (digits: string): Value => numberFromText(digits)!;

describe("units.parse", () => {
  it("parses plain, SI and binary amounts", () => {
    const cases: [string, Value][] = [
      ['"100TI"', 109951162777600],
      ["0", 0],
      ["0.0", 0],
      [".0", 0],
      ["12345", 12345],
      ["10K", 10000],
      ["10KI", 10240],
      ["10k", 10000],
      ["10Ki", 10240],
      ["200M", 200000000],
      ["300Gi", 322122547200],
      ["1.1K", 1100],
      ["1.1Ki", 1126.4],
      [".5K", 500],
      ["100mi", 104857600],
      ["100g", 100000000000],
      ["100Ti", 109951162777600],
      ["100P", 100000000000000000],
      ["100pi", 112589990684262400],
      ["10E", exact("10000000000000000000")],
      ["10Ei", exact("11529215046068469760")],
      ["1e10", 10000000000],
      ["3.2E4", 32000],
      ["2.5e3K", 2500000],
      ["4E2G", 400000000000],
      ["5e1Gi", 53687091200],
      ["1e-2", 0.01],
      ["7.8E-1", 0.78],
      ["6e3Mi", 6291456000],
      ["42", 42],
      ["-3.5E2m", -0.35],
      ["100m", 0.1],
    ];
    for (const [input, want] of cases) {
      const got = parse(input);
      expect(equal(got!, want), `${input} → ${String(got)}`).toBe(true);
    }
  });

  it("reads a trailing E as the exa unit, not an exponent", () => {
    expect(parse("5E")).toEqual(exact("5000000000000000000"));
  });

  it("rounds fractions to ten decimals", () => {
    expect(parse("1m")).toBe(0.001);
    expect(parse("0.00000005m")).toBe(0.0000000001);
    expect(parse("-0.00000005m")).toBe(-0.0000000001);
    expect(parse("0.00000004m")).toBe(0);
  });

  it("reports OPA's errors", () => {
    const cases: [string, string][] = [
      ["", "units.parse: no amount provided"],
      ["G", "units.parse: no amount provided"],
      ["foo", "units.parse: no amount provided"],
      ["0.0.0", "units.parse: could not parse amount to a number"],
      [".5.2", "units.parse: could not parse amount to a number"],
      ["100 k", "units.parse: spaces not allowed in resource strings"],
      [" 327Mi ", "units.parse: spaces not allowed in resource strings"],
      ["10e10000000Ei", "units.parse: exponent too large"],
      ["10Q", "units.parse: unit Q not recognized"],
    ];
    for (const [input, message] of cases) {
      const e = failure("units.parse", input);
      expect(e.code).toBe("eval_builtin_error");
      expect(e.message).toBe(message);
    }
  });
});

describe("units.parse_bytes", () => {
  it("parses byte amounts case-insensitively and truncates to whole bytes", () => {
    const cases: [string, Value][] = [
      ['"100TIB"', 109951162777600],
      ["0", 0],
      ["0.0", 0],
      [".0", 0],
      ["12345", 12345],
      ["10KB", 10000],
      ["10KIB", 10240],
      ["10kb", 10000],
      ["10Kib", 10240],
      ["200mb", 200000000],
      ["300GiB", 322122547200],
      ["1.1KB", 1100],
      ["1.1KiB", 1126],
      [".5KB", 500],
      ["100k", 100000],
      ["100ki", 102400],
      ["100m", 100000000],
      ["100mib", 104857600],
      ["100gb", 100000000000],
      ["100gi", 107374182400],
      ["100t", 100000000000000],
      ["100tib", 109951162777600],
      ["100pb", 100000000000000000],
      ["100pib", 112589990684262400],
      ["10e", exact("10000000000000000000")],
      ["10eib", exact("11529215046068469760")],
      ["1e3KB", 1000000],
      ["3.2E2MiB", 335544320],
      ["4.5e1GiB", 48318382080],
      ["5e6", 5000000],
      ["1e-2KB", 10],
      ["6.4E1GB", 64000000000],
      ["7.5e1TiB", 82463372083200],
      ["5e2MiB", 524288000],
      ["2e2GiB", 214748364800],
      ["-2kb", -2000],
    ];
    for (const [input, want] of cases) {
      const got = parseBytes(input);
      expect(equal(got!, want), `${input} → ${String(got)}`).toBe(true);
    }
    expect(parseBytes("5E")).not.toBe(5);
  });

  it("reports OPA's errors", () => {
    expect(failure("units.parse_bytes", "kb").message).toBe("units.parse_bytes: no byte amount provided");
    expect(failure("units.parse_bytes", "1..2").message).toBe("units.parse_bytes: could not parse byte amount to a number");
    expect(failure("units.parse_bytes", "1 kb").message).toBe("units.parse_bytes: spaces not allowed in resource strings");
    expect(failure("units.parse_bytes", "1xb").message).toBe("units.parse_bytes: byte unit xb not recognized");
    expect(failure("units.parse_bytes", "1e1234567").message).toBe("units.parse_bytes: exponent too large");
    expect(failure("units.parse_bytes", 1).code).toBe("eval_type_error");
  });
});
