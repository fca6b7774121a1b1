import { describe, expect, it } from "vitest";
import { BigNum, equal } from "../value.js";
import { bitsBuiltins } from "./bits.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure } = builtinHarness(bitsBuiltins);

const big = (n: bigint) => new BigNum(n, 0);

describe("bits", () => {
  it("combines integers bitwise", () => {
    expect(call("bits.or", 7, 9)).toBe(15);
    expect(call("bits.or", 50, 0)).toBe(50);
    expect(call("bits.and", 7, 9)).toBe(1);
    expect(call("bits.xor", 7, 9)).toBe(14);
    expect(call("bits.negate", 42)).toBe(-43);
    expect(call("bits.negate", -1)).toBe(0);
    expect(call("bits.and", -1, 255)).toBe(255);
  });

  it("shifts", () => {
    expect(call("bits.lsh", 1, 3)).toBe(8);
    expect(call("bits.rsh", 8, 3)).toBe(1);
    expect(call("bits.rsh", -8, 1)).toBe(-4);
    expect(call("bits.rsh", -1, 1000)).toBe(-1);
    expect(call("bits.lsh", 0, 10_000_000)).toBe(0);
  });

  it("stays exact beyond 2^53", () => {
    expect(equal(call("bits.lsh", 1, 64)!, big(1n << 64n))).toBe(true);
    expect(equal(call("bits.or", big(1n << 70n), 1)!, big((1n << 70n) | 1n))).toBe(true);
    expect(call("bits.rsh", big(1n << 70n), 69)).toBe(2);
    expect(equal(call("bits.negate", 2 ** 53)!, big(-(2n ** 53n) - 1n))).toBe(true);
  });

  it("wants integers and non-negative shifts", () => {
    expect(failure("bits.or", 7.2, 42)).toEqual({
      code: "eval_type_error",
      message: "bits.or: operand 1 must be integer number but got floating-point number",
    });
    expect(failure("bits.and", 1, "2").message).toBe("bits.and: operand 2 must be integer but got string");
    expect(failure("bits.lsh", 1, -1)).toEqual({
      code: "eval_type_error",
      message: "bits.lsh: operand 2 must be an unsigned integer number but got a negative integer",
    });
    expect(failure("bits.lsh", 1, 1e9).code).toBe("eval_builtin_error");
  });
});

describe("bits over integers beyond 2^53", () => {
  it("reads a JS number as the decimal it stands for", async () => {
    const { Policy } = await import("../index.js");
    const rows = Policy.compile([]).query("x := bits.or(1517814000005000000, 0)");
    expect(rows).toEqual([{ x: 1517814000005000000 }]);
    const exact = Policy.compile([]).query('x := sprintf("%d", [bits.or(1517814000005000000, 1)])');
    expect(exact).toEqual([{ x: "1517814000005000001" }]);
  });
});
