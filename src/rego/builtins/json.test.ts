import { describe, expect, it } from "vitest";
import { BigNum, RegoSet, equal, makeObject, toJSON, type Value } from "../value.js";
import { jsonBuiltins } from "./json.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure, json } = builtinHarness(jsonBuiltins);

const doc = (text: string) => JSON.parse(text) as Value;

describe("json.marshal", () => {
  it("writes compact JSON with sorted keys and sets as arrays", () => {
    expect(call("json.marshal", [makeObject([["foo", new RegoSet([3, 1, 2])]])])).toBe('[{"foo":[1,2,3]}]');
    expect(call("json.marshal", doc('{"b": 1, "a": [true, null, "x"], "c": {}}'))).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{}}',
    );
    expect(call("json.marshal", makeObject([[1, "one"], [["k"], 2]]))).toBe('{"1":"one","[\\"k\\"]":2}');
  });

  it("escapes as Go does", () => {
    expect(call("json.marshal", "<a href='x'>&</a>\u2028\n\t\u0001\"\\")).toBe(
      '"\\u003ca href=\'x\'\\u003e\\u0026\\u003c/a\\u003e\\u2028\\n\\t\\u0001\\"\\\\"',
    );
    expect(call("json.marshal", "é😀\ud800")).toBe('"é😀\ufffd"');
  });

  it("keeps numbers exact", () => {
    expect(call("json.marshal", [new BigNum(12345678901234567890123n, 0), 0.5, -3, 1e21])).toBe(
      "[12345678901234567890123,0.5,-3,1000000000000000000000]",
    );
  });
});

describe("json.marshal_with_options", () => {
  const value = doc('{"b": [1, {"c": 2}], "a": {}, "d": []}');

  it("indents like Go's MarshalIndent, prefix on every line", () => {
    expect(call("json.marshal_with_options", value, doc('{"pretty": true}'))).toBe(
      '{\n\t"a": {},\n\t"b": [\n\t\t1,\n\t\t{\n\t\t\t"c": 2\n\t\t}\n\t],\n\t"d": []\n}',
    );
    expect(call("json.marshal_with_options", [1], doc('{"indent": "  ", "prefix": "> "}'))).toBe("> [\n>   1\n> ]");
  });

  it("stays compact unless asked, and when pretty is false", () => {
    expect(call("json.marshal_with_options", [1, 2], doc("{}"))).toBe("[1,2]");
    expect(call("json.marshal_with_options", [1, 2], doc('{"indent": "  ", "pretty": false}'))).toBe("[1,2]");
  });

  it("rejects unknown or mistyped options with OPA's messages", () => {
    expect(failure("json.marshal_with_options", 1, doc('{"colour": 1}'))).toEqual({
      code: "eval_type_error",
      message: "json.marshal_with_options: operand 2 object contained unknown key colour",
    });
    expect(failure("json.marshal_with_options", 1, doc('{"pretty": "yes"}')).message).toBe(
      "json.marshal_with_options: operand 2 key pretty failed cast to bool",
    );
    expect(failure("json.marshal_with_options", 1, doc('{"indent": 2, "prefix": ""}')).message).toBe(
      "json.marshal_with_options: operand 2 key indent failed cast to string: operand 0 must be string but got number",
    );
    expect(failure("json.marshal_with_options", 1, makeObject([[7, true]])).message).toBe(
      "json.marshal_with_options: operand 2 failed to stringify key 7 at index 0: operand 0 must be string but got number",
    );
  });
});

describe("json.unmarshal and json.is_valid", () => {
  it("parse JSON with exact numbers", () => {
    const v = call("json.unmarshal", '{"a": [1, 2.5, 123456789012345678901234567890], "__proto__": 1}')!;
    expect(toJSON(v)).toMatchObject({ a: [1, 2.5, 1.2345678901234568e29] });
    expect(equal((v as { a: Value[] }).a[2] as Value, new BigNum(123456789012345678901234567890n, 0))).toBe(true);
    expect(Object.keys(v as object)).toContain("__proto__");
  });

  it("fails on malformed text", () => {
    expect(failure("json.unmarshal", "{").code).toBe("eval_builtin_error");
    expect(failure("json.unmarshal", 1).message).toBe("json.unmarshal: operand 1 must be string but got number");
  });

  it("tells valid JSON text from anything else", () => {
    expect(["plainstring", "{", '{"json": "ok"}', "1 2", " [] "].map((d) => call("json.is_valid", d))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(call("json.is_valid", 1)).toBe(false);
  });
});

describe("json.filter", () => {
  it("keeps only the given paths, string or array form", () => {
    expect(json("json.filter", doc("{}"), new RegoSet(["a/b"]))).toEqual({});
    expect(
      json("json.filter", doc('{"a": {"b": {"c": 7, "d": 8, "x": 0}}, "e": 9}'), new RegoSet(["a/b/d", ["a", "b", "c"]])),
    ).toEqual({ a: { b: { c: 7, d: 8 } } });
  });

  it("selects array elements by index and lets shorter paths win", () => {
    expect(json("json.filter", doc('{"a": [{"x": 1, "y": 2}, 5, 6]}'), ["a/0/x", "a/2"])).toEqual({ a: [{ x: 1 }, 6] });
    expect(json("json.filter", doc('{"a": {"b": 1, "c": 2}}'), ["a/b", "a"])).toEqual({ a: { b: 1, c: 2 } });
    expect(json("json.filter", doc('{"a/b": 1, "~": 2, "c": 3}'), ["/a~1b", "~0"])).toEqual({ "a/b": 1, "~": 2 });
  });

  it("rejects bad operands", () => {
    expect(failure("json.filter", [], ["a"]).message).toBe("json.filter: operand 1 must be object but got array");
    expect(failure("json.filter", doc("{}"), "a").message).toBe(
      "json.filter: operand 2 must be one of {set, array} but got string",
    );
    expect(failure("json.filter", doc("{}"), [1])).toEqual({
      code: "eval_type_error",
      message:
        "json.filter: operand 2 must be one of {set, array} containing string paths or array of path segments but got number",
    });
  });
});

describe("json.remove", () => {
  it("drops the given paths and closes up arrays", () => {
    expect(json("json.remove", doc('{"a": {"b": {"c": 7, "d": 8}}, "e": 9}'), ["a/b/c", ["e"]])).toEqual({
      a: { b: { d: 8 } },
    });
    expect(json("json.remove", doc('{"a": [1, 2, 3]}'), ["a/1"])).toEqual({ a: [1, 3] });
    expect(json("json.remove", doc('{"a": 1}'), [""])).toEqual({ a: 1 });
    expect(json("json.remove", doc('{"a": 1}'), ["z/y"])).toEqual({ a: 1 });
  });
});

describe("json.patch", () => {
  const patch = (target: string, ops: string) => call("json.patch", doc(target), doc(ops));
  const cases: [string, string, string, string | undefined][] = [
    ["adds an object member", '{"foo": "bar"}', '[{"op": "add", "path": "/baz", "value": "qux"}]', '{"foo": "bar", "baz": "qux"}'],
    ["inserts into an array", '{"foo": ["bar", "baz"]}', '[{"op": "add", "path": "/foo/1", "value": "qux"}]', '{"foo": ["bar", "qux", "baz"]}'],
    ["removes a member", '{"baz": "qux", "foo": "bar"}', '[{"op": "remove", "path": "/baz"}]', '{"foo": "bar"}'],
    ["removes an element", '{"foo": ["bar", "qux", "baz"]}', '[{"op": "remove", "path": "/foo/1"}]', '{"foo": ["bar", "baz"]}'],
    ["replaces a value", '{"baz": "qux"}', '[{"op": "replace", "path": "/baz", "value": null}]', '{"baz": null}'],
    ["moves a value", '{"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}}', '[{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}]', '{"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}}'],
    ["moves an element", '{"foo": ["all", "grass", "cows", "eat"]}', '[{"op": "move", "from": "/foo/1", "path": "/foo/3"}]', '{"foo": ["all", "cows", "eat", "grass"]}'],
    ["copies a value", '{"baz": [{"qux": "hello"}]}', '[{"op": "copy", "from": "/baz/0", "path": "/boo"}]', '{"baz": [{"qux": "hello"}], "boo": {"qux": "hello"}}'],
    ["passes a test", '{"baz": "qux", "foo": ["a", 2]}', '[{"op": "test", "path": "/foo/1", "value": 2}]', '{"baz": "qux", "foo": ["a", 2]}'],
    ["fails a test", '{"baz": "qux"}', '[{"op": "test", "path": "/baz", "value": "bar"}]', undefined],
    ["unescapes ~0 and ~1", '{"/": 9, "~1": 10}', '[{"op": "test", "path": "/~01", "value": 10}]', '{"/": 9, "~1": 10}'],
    ["appends with -", '[1, 2, [3, [4, 5]]]', '[{"op": "add", "path": "/2/1/-", "value": 6}]', "[1, 2, [3, [4, 5, 6]]]"],
    ["replaces the root", '{"foo": "bar"}', '[{"op": "replace", "path": "", "value": [1]}]', "[1]"],
    ["adds the empty key", "{}", '[{"op": "add", "path": "/", "value": 1}]', '{"": 1}'],
    ["adds under a numeric-looking key", '{"foo": 1}', '[{"op": "add", "path": "/0", "value": "bar"}]', '{"foo": 1, "0": "bar"}'],
    ["applies operations in order", "[1, 2, 3, 4]", '[{"op": "remove", "path": "/1"}, {"op": "remove", "path": "/2"}]', "[1, 3]"],
    ["refuses a missing parent", '{"q": {"bar": 2}}', '[{"op": "add", "path": "/a/b", "value": 1}]', undefined],
    ["refuses an index past the end", '["foo", "sil"]', '[{"op": "add", "path": "/3", "value": "bar"}]', undefined],
    ["refuses a negative index", '{"bar": [1, 2]}', '[{"op": "add", "path": "/bar/-1", "value": "5"}]', undefined],
    ["refuses leading zeros", '["foo", "bar"]', '[{"op": "test", "path": "/01", "value": "bar"}]', undefined],
    ["refuses a non-integer index", '["foo", "bar"]', '[{"op": "test", "path": "/1e0", "value": "bar"}]', undefined],
    ["refuses an object key on an array", '["foo"]', '[{"op": "add", "path": "/bar", "value": 42}]', undefined],
    ["refuses removing a missing member", '{"foo": "bar"}', '[{"op": "remove", "path": "/baz"}]', undefined],
    ["refuses removing past the end", '["foo", "bar"]', '[{"op": "remove", "path": "/2"}]', undefined],
    ["refuses a missing value", "[1]", '[{"op": "add", "path": "/-"}]', undefined],
    ["refuses a missing from", '{"foo": 1}', '[{"op": "move", "path": ""}]', undefined],
    ["refuses a missing from location", '{"foo": 1}', '[{"op": "copy", "from": "/bar", "path": "/foo"}]', undefined],
    ["refuses a null path", "{}", '[{"op": "add", "path": null, "value": "bar"}]', undefined],
    ["refuses an unknown op", '{"foo": 1}', '[{"op": "spam", "path": "/foo", "value": 1}]', undefined],
    ["refuses a non-object operation", "[1, 2, 3]", '[1]', undefined],
    ["refuses a dotted index", "[1, 2, 3]", '[{"op": "add", "path": "1.2", "value": "foo"}]', undefined],
  ];

  it.each(cases)("%s", (_, target, ops, expected) => {
    const result = patch(target, ops);
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(toJSON(result!)).toEqual(JSON.parse(expected));
  });

  it("edits sets through their members", () => {
    const s = new RegoSet([[0], "a"]);
    const result = call("json.patch", s, [makeObject([["op", "add"], ["path", [[0], 1]], ["value", 1]])]);
    expect(equal(result!, new RegoSet([[0, 1], "a"]))).toBe(true);
    expect(call("json.patch", s, [makeObject([["op", "add"], ["path", ["b"]], ["value", "c"]])])).toBeUndefined();
  });

  it("wants an array of operations", () => {
    expect(failure("json.patch", doc("{}"), doc("{}")).message).toBe("json.patch: operand 2 must be array but got object");
  });
});

describe("json.verify_schema and json.match_schema", () => {
  const schema = doc('{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}');

  it("checks schemas", () => {
    expect(call("json.verify_schema", schema)).toEqual([true, null]);
    expect(call("json.verify_schema", '{"type": "object"}')).toEqual([true, null]);
    const [ok, message] = call("json.verify_schema", doc('{"type": "nope"}')) as [boolean, string];
    expect(ok).toBe(false);
    expect(message).toMatch(/^jsonschema: /);
    expect(call("json.verify_schema", "{")).toEqual([false, "jsonschema: invalid JSON string"]);
    expect(call("json.verify_schema", 5)).toEqual([false, "jsonschema: wrong type, expected string or object"]);
  });

  it("reports mismatches in gojsonschema's terms", () => {
    expect(json("json.match_schema", doc('{"id": "x"}'), schema)).toEqual([true, []]);
    expect(json("json.match_schema", doc('{"id": 5}'), schema)).toEqual([
      false,
      [
        {
          desc: "Invalid type. Expected: string, given: integer",
          error: "id: Invalid type. Expected: string, given: integer",
          field: "id",
          type: "invalid_type",
        },
      ],
    ]);
    expect(json("json.match_schema", "{}", schema)).toEqual([
      false,
      [{ desc: "id is required", error: "(root): id is required", field: "(root)", type: "required" }],
    ]);
  });

  it("fails on operands that are neither JSON text nor objects", () => {
    expect(failure("json.match_schema", [], schema)).toEqual({
      code: "eval_builtin_error",
      message: "json.match_schema: wrong type, expected string or object",
    });
  });
});
