import { describe, expect, it } from "vitest";
import { BigNum } from "../value.js";
import { arraysBuiltins } from "./arrays.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure } = builtinHarness(arraysBuiltins);

describe("array.concat", () => {
  it("joins two arrays", () => {
    expect(call("array.concat", [1, 2], [3, 4])).toEqual([1, 2, 3, 4]);
    expect(call("array.concat", [], [])).toEqual([]);
  });

  it("rejects other types", () => {
    expect(failure("array.concat", { v1: "hello" }, [3, 4])).toEqual({
      code: "eval_type_error",
      message: "array.concat: operand 1 must be array but got object",
    });
  });
});

describe("array.slice", () => {
  it("slices and clamps out-of-range indexes", () => {
    expect(call("array.slice", [1, 2, 3, 4, 5], 1, 3)).toEqual([2, 3]);
    expect(call("array.slice", [1, 2, 3, 4, 5], -4, -1)).toEqual([]);
    expect(call("array.slice", [1, 2, 3, 4, 5], -4, 2)).toEqual([1, 2]);
    expect(call("array.slice", [1, 2, 3], 2, 100)).toEqual([3]);
    expect(call("array.slice", [1, 2, 3], 3, 1)).toEqual([]);
    expect(call("array.slice", [1, 2, 3], 0, new BigNum(10n ** 30n, 0))).toEqual([1, 2, 3]);
  });

  it("wants integer indexes", () => {
    expect(failure("array.slice", [1, 2], 0.5, 1).message).toBe(
      "array.slice: operand 2 must be integer number but got floating-point number",
    );
    expect(failure("array.slice", [1, 2], 0, "1").message).toBe("array.slice: operand 3 must be number but got string");
  });
});

describe("array.reverse", () => {
  it("reverses without touching its operand", () => {
    const arr = [1, 2, 3];
    expect(call("array.reverse", arr)).toEqual([3, 2, 1]);
    expect(arr).toEqual([1, 2, 3]);
  });
});

describe("array.flatten", () => {
  it("flattens one level of nesting", () => {
    expect(call("array.flatten", [])).toEqual([]);
    expect(call("array.flatten", [[1, 2], [3, 4], [5]])).toEqual([1, 2, 3, 4, 5]);
    expect(call("array.flatten", [[[1], [2, 3, []]], [[4, 5]]])).toEqual([[1], [2, 3, []], [4, 5]]);
    expect(call("array.flatten", [[1, 2], "string", [3, { a: "b" }], 4.5, [6, [7, 8]]])).toEqual([
      1,
      2,
      "string",
      3,
      { a: "b" },
      4.5,
      6,
      [7, 8],
    ]);
  });

  it("rejects a non-array", () => {
    expect(failure("array.flatten", 42)).toEqual({
      code: "eval_type_error",
      message: "array.flatten: operand 1 must be array but got number",
    });
  });
});
