import { describe, expect, it } from "vitest";
import { BigNum, RegoSet, equal, makeObject } from "../value.js";
import { encodingBuiltins } from "./encoding.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure, json } = builtinHarness(encodingBuiltins);

describe("base64", () => {
  it("encodes and decodes UTF-8 text", () => {
    expect(call("base64.encode", "there")).toBe("dGhlcmU=");
    expect(call("base64.encode", "é")).toBe("w6k=");
    expect(call("base64.decode", "aGVsbG8=")).toBe("hello");
    expect(call("base64.decode", "c3ViamVjdHM/X2Q=")).toBe("subjects?_d");
    expect(call("base64.decode", "aG\nVs\r\nbA=\n=")).toBe("hell");
    expect(call("base64.decode", "")).toBe("");
  });

  it("reports the byte where decoding failed, as Go does", () => {
    expect(failure("base64.decode", "aGVsbG8")).toEqual({
      code: "eval_builtin_error",
      message: "base64.decode: illegal base64 data at input byte 4",
    });
    expect(failure("base64.decode", "aGV*bG8=").message).toBe("base64.decode: illegal base64 data at input byte 3");
    expect(failure("base64.decode", "aGVsbA==x").message).toBe("base64.decode: illegal base64 data at input byte 8");
    expect(failure("base64.decode", "a===").message).toBe("base64.decode: illegal base64 data at input byte 1");
    expect(failure("base64.decode", "c3ViamVjdHM_X2Q=").message).toBe(
      "base64.decode: illegal base64 data at input byte 11",
    );
  });

  it("says whether text decodes", () => {
    expect(call("base64.is_valid", "dGhlcmU=")).toBe(true);
    expect(call("base64.is_valid", "dGhlcmU")).toBe(false);
    expect(call("base64.is_valid", 1)).toBe(false);
  });
});

describe("base64url", () => {
  it("encodes with and without padding", () => {
    expect(call("base64url.encode", "subjects?_d")).toBe("c3ViamVjdHM_X2Q=");
    expect(call("base64url.encode_no_pad", "subjects?_d")).toBe("c3ViamVjdHM_X2Q");
  });

  it("decodes with or without padding", () => {
    expect(call("base64url.decode", "c3ViamVjdHM_X2Q=")).toBe("subjects?_d");
    expect(call("base64url.decode", "c3ViamVjdHM_X2Q")).toBe("subjects?_d");
    expect(call("base64url.decode", "aGk")).toBe("hi");
    expect(failure("base64url.decode", "aGVsb").message).toBe("base64url.decode: illegal base64url string: aGVsb");
    expect(failure("base64url.decode", "c3ViamVjdHM/X2Q=").message).toBe(
      "base64url.decode: illegal base64 data at input byte 11",
    );
  });
});

describe("hex", () => {
  it("encodes bytes and decodes either case", () => {
    expect(call("hex.encode", "hi é")).toBe("686920c3a9");
    expect(call("hex.decode", "686920C3A9")).toBe("hi é");
  });

  it("rejects bad digits and odd lengths with Go's messages", () => {
    expect(failure("hex.decode", "68g9").message).toBe("hex.decode: encoding/hex: invalid byte: U+0067 'g'");
    expect(failure("hex.decode", "68\n").message).toBe("hex.decode: encoding/hex: invalid byte: U+000A");
    expect(failure("hex.decode", "686").message).toBe("hex.decode: encoding/hex: odd length hex string");
  });
});

describe("urlquery", () => {
  it("escapes like Go's QueryEscape", () => {
    expect(call("urlquery.encode", "a b&c=d/é~*'")).toBe("a+b%26c%3Dd%2F%C3%A9~%2A%27");
    expect(call("urlquery.decode", "a+b%26c%3Dd%2F%C3%A9~")).toBe("a b&c=d/é~");
  });

  it("rejects broken escapes", () => {
    expect(failure("urlquery.decode", "a%zzb")).toEqual({
      code: "eval_builtin_error",
      message: 'urlquery.decode: invalid URL escape "%zz"',
    });
    expect(failure("urlquery.decode", "a%2").message).toBe('urlquery.decode: invalid URL escape "%2"');
  });

  it("encodes objects with sorted keys and repeated values", () => {
    const obj = makeObject([
      ["z", "1"],
      ["a b", ["x", "y"]],
      ["s", new RegoSet(["q", "p"])],
      ["none", []],
    ]);
    expect(call("urlquery.encode_object", obj)).toBe("a+b=x&a+b=y&s=p&s=q&z=1");
    expect(failure("urlquery.encode_object", makeObject([["a", 1]]))).toEqual({
      code: "eval_type_error",
      message: "urlquery.encode_object: operand 1 values must be string, array[string], or set[string]",
    });
    expect(failure("urlquery.encode_object", makeObject([["a", [1]]])).code).toBe("eval_type_error");
    expect(failure("urlquery.encode_object", "a=b").message).toBe(
      "urlquery.encode_object: operand 1 must be object but got string",
    );
  });

  it("decodes a query into arrays of values", () => {
    expect(json("urlquery.decode_object", "a=1&b=2&a=3&c&&d=%20x")).toEqual({ a: ["1", "3"], b: ["2"], c: [""], d: [" x"] });
    expect(failure("urlquery.decode_object", "a=1;b=2").message).toBe(
      "urlquery.decode_object: invalid semicolon separator in query",
    );
    expect(failure("urlquery.decode_object", "a=%x1").message).toBe('urlquery.decode_object: invalid URL escape "%x1"');
  });
});

describe("yaml", () => {
  it("writes YAML with sorted keys and unindented sequences", () => {
    expect(call("yaml.marshal", [makeObject([["foo", new RegoSet([3, 1, 2])]])])).toBe("- foo:\n  - 1\n  - 2\n  - 3\n");
    expect(call("yaml.marshal", makeObject([["b", ["yes", "", "1"]], ["a", null]]))).toBe(
      'a: null\nb:\n- "yes"\n- ""\n- "1"\n',
    );
  });

  it("reads back what it wrote", () => {
    const v = [makeObject([["foo", [1, 2, 3]]])];
    const text = call("yaml.marshal", v)!;
    expect(equal(call("yaml.unmarshal", text)!, v)).toBe(true);
  });

  it("reads YAML 1.1 as go-yaml does", () => {
    expect(json("yaml.unmarshal", "on: yes\nn: no\noct: 017\nd: 2001-12-14\nf: 1.5\ns: 'x'")).toEqual({
      true: true,
      false: false,
      oct: 15,
      d: "2001-12-14",
      f: 1.5,
      s: "x",
    });
    expect(equal(call("yaml.unmarshal", "12345678901234567890123")!, new BigNum(12345678901234567890123n, 0))).toBe(true);
    expect(call("yaml.unmarshal", "")).toBe(null);
    expect(json("yaml.unmarshal", "a: 1\n---\nb: 2\n")).toEqual({ a: 1 });
  });

  it("keeps a __proto__ key as data", () => {
    const v = call("yaml.unmarshal", "__proto__: {polluted: true}")!;
    expect(Object.keys(v as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("rejects malformed YAML and values JSON cannot hold", () => {
    expect(failure("yaml.unmarshal", "a: [").code).toBe("eval_builtin_error");
    expect(failure("yaml.unmarshal", "x: .inf").message).toBe("yaml.unmarshal: json: unsupported value: Infinity");
  });

  it("validates every document of the stream", () => {
    const documents = [
      "foo:\n   - qux: bar\n   - baz: 2",
      "foo:\n   - qux: bar\n   - baz: {",
      '{"json": "ok"}',
      "  test:\ntest1: hello\n",
      "a: 1\n---\n\tb: 2\n",
      "a: 1\n---\nb: 2\n",
    ];
    expect(documents.map((d) => call("yaml.is_valid", d))).toEqual([true, false, true, false, false, true]);
    expect(call("yaml.is_valid", 1)).toBe(false);
  });
});
