import { describe, expect, it } from "vitest";
import { RegoSet, makeObject, toJSON, type Value } from "../value.js";
import { objectsBuiltins } from "./objects.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure, json } = builtinHarness(objectsBuiltins);

// JSON.parse objects inherit from Object.prototype, as input documents do.
const doc = (text: string) => JSON.parse(text) as Value;

describe("object.get", () => {
  it("returns the value of a top-level key or the default", () => {
    expect(json("object.get", doc('{"a": {"b": "c"}}'), "a", true)).toEqual({ b: "c" });
    expect(call("object.get", doc('{"a": {"b": "c"}}'), "b", true)).toBe(true);
    expect(call("object.get", doc('{"a": null}'), "a", 1)).toBe(null);
    expect(call("object.get", doc("{}"), "toString", "none")).toBe("none");
  });

  it("follows a path through objects, arrays and sets", () => {
    const obj = makeObject([["a", [doc('{"b": 1}'), new RegoSet(["x"])]]]);
    expect(call("object.get", obj, ["a", 0, "b"], "d")).toBe(1);
    expect(call("object.get", obj, ["a", 1, "x"], "d")).toBe("x");
    expect(call("object.get", obj, ["a", "0", "b"], "d")).toBe("d");
    expect(call("object.get", obj, ["a", 5], "d")).toBe("d");
    expect(call("object.get", obj, ["a", 0, "b", "c"], "d")).toBe("d");
    expect(call("object.get", obj, [], "d")).toBe(obj);
  });

  it("finds keys that are not strings", () => {
    expect(call("object.get", makeObject([[1, "one"]]), 1, "d")).toBe("one");
    expect(call("object.get", makeObject([[[1], "arr"]]), [[1]], "d")).toBe("arr");
  });

  it("insists on an object", () => {
    expect(failure("object.get", [], "a", 1)).toEqual({
      code: "eval_type_error",
      message: "object.get: operand 1 must be object but got array",
    });
  });
});

describe("object.union", () => {
  it("lets the right side win and merges nested objects", () => {
    expect(json("object.union", doc("{}"), doc("{}"))).toEqual({});
    expect(json("object.union", doc('{"a": 1}'), doc('{"b": 2}'))).toEqual({ a: 1, b: 2 });
    expect(json("object.union", doc('{"a": 1}'), doc('{"a": 2}'))).toEqual({ a: 2 });
    expect(json("object.union", doc('{"a": {"b": 1, "c": 2}}'), doc('{"a": {"b": 3}}'))).toEqual({ a: { b: 3, c: 2 } });
    expect(json("object.union", doc('{"a": {"b": 1}}'), doc('{"a": 4}'))).toEqual({ a: 4 });
  });

  it("rejects operands that are not objects", () => {
    expect(failure("object.union", doc('{"a": 1}'), [1, 2, 3])).toEqual({
      code: "eval_type_error",
      message: "object.union: operand 2 must be object but got array",
    });
  });
});

describe("object.union_n", () => {
  it("folds union over the array, later objects winning", () => {
    expect(json("object.union_n", [])).toEqual({});
    expect(json("object.union_n", doc('[{"a": {"b": 2}}, {"a": 4}, {"a": {"c": 3}}]'))).toEqual({ a: { c: 3 } });
    expect(json("object.union_n", doc('[{"a": 1}, {"a": {"b": 1}}, {"a": {"c": 2}}]'))).toEqual({ a: { b: 1, c: 2 } });
  });

  it("names the element type it cannot merge", () => {
    expect(failure("object.union_n", [doc("{}"), 1, "x"])).toEqual({
      code: "eval_type_error",
      message: "object.union_n: operand 1 must be array of objects but got array containing string",
    });
  });
});

describe("object.remove and object.filter", () => {
  const obj = doc('{"a": 1, "b": {"c": 3}, "d": 4}');

  it("drop or keep the keys given as array, set or object", () => {
    expect(json("object.remove", obj, new RegoSet(["z"]))).toEqual({ a: 1, b: { c: 3 }, d: 4 });
    expect(json("object.remove", obj, ["a", "d"])).toEqual({ b: { c: 3 } });
    expect(json("object.remove", obj, doc('{"b": 0}'))).toEqual({ a: 1, d: 4 });
    expect(json("object.filter", doc('{"a": {"b": {"c": 7, "d": 8}}, "e": 9}'), new RegoSet(["a"]))).toEqual({
      a: { b: { c: 7, d: 8 } },
    });
    expect(json("object.filter", obj, ["d", "missing"])).toEqual({ d: 4 });
  });

  it("report bad operands with OPA's messages", () => {
    expect(failure("object.remove", null, new RegoSet(["a"])).message).toBe(
      "object.remove: operand 1 must be object but got null",
    );
    expect(failure("object.remove", doc('{"a": 1}'), null)).toEqual({
      code: "eval_type_error",
      message: "object.remove: operand 2 must be one of {object, set, array} but got null",
    });
    expect(failure("object.filter", ["a"], new RegoSet(["a"])).message).toBe(
      "object.filter: operand 1 must be object but got array",
    );
    expect(failure("object.filter", doc('{"a": 1}'), "foo").message).toBe(
      "object.filter: operand 2 must be one of {object, set, array} but got string",
    );
  });
});

describe("object.keys", () => {
  it("returns the set of keys", () => {
    expect(json("object.keys", doc('{"b": 1, "a": 2}'))).toEqual(["a", "b"]);
    expect(failure("object.keys", "x").message).toBe("object.keys: operand 1 must be object but got string");
  });
});

describe("object.subset", () => {
  it("compares objects recursively", () => {
    expect(call("object.subset", doc('{"a": {"b": 1, "c": 2}, "d": 3}'), doc('{"a": {"b": 1}}'))).toBe(true);
    expect(call("object.subset", doc('{"a": {"b": 1}}'), doc('{"a": {"b": 2}}'))).toBe(false);
    expect(call("object.subset", doc('{"a": [1, 2, 3]}'), doc('{"a": [2, 3]}'))).toBe(true);
    expect(call("object.subset", doc('{"a": 1}'), doc('{"b": 1}'))).toBe(false);
    expect(call("object.subset", doc('{"a": 1}'), doc("{}"))).toBe(true);
  });

  it("needs a contiguous run in arrays and every member of sets", () => {
    expect(call("object.subset", [1, 2, 3, 4], [2, 3])).toBe(true);
    expect(call("object.subset", [1, 2, 3, 4], [2, 4])).toBe(false);
    expect(call("object.subset", [1, 1, 2], [1, 2])).toBe(true);
    expect(call("object.subset", new RegoSet([1, 2, 3]), new RegoSet([1, 3]))).toBe(true);
    expect(call("object.subset", new RegoSet([1, 2]), new RegoSet([1, 3]))).toBe(false);
    expect(call("object.subset", [3, 1, 2], new RegoSet([1, 2]))).toBe(true);
    expect(call("object.subset", [3, 1], new RegoSet([1, 2]))).toBe(false);
  });

  it("rejects mixed types", () => {
    expect(failure("object.subset", doc("{}"), [])).toEqual({
      code: "eval_type_error",
      message: "object.subset: both arguments object.subset must be of the same type or array and set",
    });
  });
});

describe("walk", () => {
  it("yields every path and value, root first, children in order", () => {
    const out = call("walk", doc('{"b": [10, {"c": true}], "a": null}'));
    expect(toJSON(out!)).toEqual([
      [[], { b: [10, { c: true }], a: null }],
      [["a"], null],
      [["b"], [10, { c: true }]],
      [["b", 0], 10],
      [["b", 1], { c: true }],
      [["b", 1, "c"], true],
    ]);
  });

  it("uses set members as their own path segments", () => {
    expect(json("walk", new RegoSet(["x"]))).toEqual([[[], ["x"]], [["x"], "x"]]);
    expect(json("walk", 5)).toEqual([[[], 5]]);
  });
});
