import { describe, expect, it } from "vitest";
import { BigNum } from "../bignum.js";
import { RegoObject, RegoSet } from "../value.js";
import { stringsBuiltins } from "./strings.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure } = builtinHarness(stringsBuiltins);

describe("concat", () => {
  it("joins arrays and sets (sets in sorted order)", () => {
    expect(call("concat", ",", ["a", "b", "c"])).toBe("a,b,c");
    expect(call("concat", ",", new RegoSet(["3", "1", "2"]))).toBe("1,2,3");
    expect(call("concat", "-", [])).toBe("");
    expect(call("concat", "-", ["only"])).toBe("only");
  });

  it("names the member type in its operand error", () => {
    const e = failure("concat", ",", ["a", 1]);
    expect(e.code).toBe("eval_type_error");
    expect(e.message).toBe("concat: operand 2 must be array of strings but got array containing number");
    expect(failure("concat", ",", "ab").message).toBe("concat: operand 2 must be one of {set, array} but got string");
  });
});

describe("predicates", () => {
  it("answers contains, startswith and endswith", () => {
    expect(call("contains", "abcdef", "cd")).toBe(true);
    expect(call("startswith", "abcdefgh", "abcd")).toBe(true);
    expect(call("endswith", "abcdefgh", "abcd")).toBe(false);
  });

  it("rejects a non-string operand with OPA's message", () => {
    const e = failure("contains", "abc", 1);
    expect(e.code).toBe("eval_type_error");
    expect(e.message).toBe("contains: operand 2 must be string but got number");
  });
});

describe("case mapping", () => {
  it("maps case rune by rune as Go does", () => {
    expect(call("lower", "AbCdEf")).toBe("abcdef");
    expect(call("upper", "straße")).toBe("STRAßE");
    expect(call("lower", "ΑΣ")).toBe("ασ");
    expect(call("lower", "İ")).toBe("i");
  });
});

describe("split and split_n", () => {
  it("returns the string itself when the delimiter is absent", () => {
    expect(call("split", "foo", ".")).toEqual(["foo"]);
    expect(call("split", "a.b.c", ".")).toEqual(["a", "b", "c"]);
    expect(call("split", "a😀b", "")).toEqual(["a", "😀", "b"]);
    expect(call("split", "", "")).toEqual([]);
  });

  it("keeps the first n parts, or the last -n", () => {
    expect(call("strings.split_n", "a.b.c.d", ".", 2)).toEqual(["a", "b"]);
    expect(call("strings.split_n", "a.b.c.d", ".", 1)).toEqual(["a"]);
    expect(call("strings.split_n", "a.b.c.d", ".", 10)).toEqual(["a", "b", "c", "d"]);
    expect(call("strings.split_n", "a.b.c.d", ".", 0)).toEqual([]);
    expect(call("strings.split_n", "a.b.c.d", ".", -2)).toEqual(["c", "d"]);
    expect(call("strings.split_n", "a.b.c.d", ".", -10)).toEqual(["a", "b", "c", "d"]);
    expect(call("strings.split_n", "abc", ".", -2)).toEqual(["abc"]);
    expect(call("strings.split_n", "", ".", 2)).toEqual([""]);
    expect(call("strings.split_n", "abc", "", 2)).toEqual(["a", "b"]);
    expect(call("strings.split_n", "abc", "", -2)).toEqual(["b", "c"]);
    expect(call("strings.split_n", "alice;alice@example.com;admin", ";", 2)).toEqual(["alice", "alice@example.com"]);
  });

  it("requires an integral count", () => {
    const e = failure("strings.split_n", "a.b.c", ".", 1.5);
    expect(e.code).toBe("eval_type_error");
    expect(e.message).toBe("strings.split_n: operand 3 must be integer number but got floating-point number");
  });
});

describe("trim family", () => {
  it("trims runes of the cutset", () => {
    expect(call("trim", "¡¡¡foo, bar!!!", "!¡")).toBe("foo, bar");
    expect(call("trim", "¡¡¡foo, bar!!!", "i")).toBe("¡¡¡foo, bar!!!");
    expect(call("trim_left", "xxabcxx", "x")).toBe("abcxx");
    expect(call("trim_right", "xxabcxx", "x")).toBe("xxabc");
  });

  it("trims a prefix or suffix once", () => {
    expect(call("trim_prefix", "foofoobar", "foo")).toBe("foobar");
    expect(call("trim_suffix", "barbar", "bar")).toBe("bar");
    expect(call("trim_suffix", "bar", "")).toBe("bar");
  });

  it("trims Go's white space, not the byte-order mark", () => {
    expect(call("trim_space", " \t\n\u00a0\u0085 hi \u3000")).toBe("hi");
    expect(call("trim_space", "\ufeffhi")).toBe("\ufeffhi");
  });
});

describe("replace and strings.replace_n", () => {
  it("replaces every occurrence", () => {
    expect(call("replace", "foo.bar.baz", ".", ",")).toBe("foo,bar,baz");
    expect(call("replace", "ab", "", "-")).toBe("-a-b-");
  });

  it("applies patterns in key order without overlapping", () => {
    expect(call("strings.replace_n", { a: "1", aa: "2" }, "aaa")).toBe("111");
    expect(call("strings.replace_n", { "<": "&lt;", ">": "&gt;" }, "<b>")).toBe("&lt;b&gt;");
    expect(call("strings.replace_n", {}, "x")).toBe("x");
  });

  it("rejects non-string keys and values", () => {
    expect(failure("strings.replace_n", new RegoObject([[1, "x"]]), "a").message).toBe(
      "strings.replace_n: operand 1 non-string key found in pattern object",
    );
    expect(failure("strings.replace_n", { a: 1 }, "a").message).toBe(
      "strings.replace_n: operand 1 non-string value found in pattern object",
    );
  });
});

describe("indexes and substrings count code points", () => {
  it("finds the first index in runes", () => {
    expect(call("indexof", "μx", "x")).toBe(1);
    expect(call("indexof", "μ", "μμ")).toBe(-1);
    expect(call("indexof", "skön var våren", "vår")).toBe(9);
    expect(call("indexof", "🍧🍨🧁🍰🍮", "🍮")).toBe(4);
    expect(call("indexof", "🍧🍨🧁🍰🍮", "🍧🍨🧁🍰🍮")).toBe(0);
  });

  it("finds every (overlapping) index", () => {
    expect(call("indexof_n", "sadæsdæsdæ", "æ")).toEqual([3, 6, 9]);
    expect(call("indexof_n", "aaa", "aa")).toEqual([0, 1]);
    expect(call("indexof_n", "abc", "x")).toEqual([]);
  });

  it("refuses an empty search string", () => {
    const e = failure("indexof", "abc", "");
    expect(e.code).toBe("eval_builtin_error");
    expect(e.message).toBe("indexof: empty search character");
  });

  it("takes substrings in runes and clamps the length", () => {
    expect(call("substring", "abcdefgh", 2, 10000)).toBe("cdefgh");
    expect(call("substring", "abcdefghåäö", 2, 10000)).toBe("cdefghåäö");
    expect(call("substring", "åäö😀x", 3, 1)).toBe("😀");
    expect(call("substring", "abc", 1, -1)).toBe("bc");
    expect(call("substring", "abc", 5, 1)).toBe("");
    expect(failure("substring", "abc", -1, 1).message).toBe("substring: negative offset");
  });
});

describe("strings.count and strings.reverse", () => {
  it("counts non-overlapping occurrences, and runes + 1 for the empty string", () => {
    expect(call("strings.count", "cheese", "e")).toBe(3);
    expect(call("strings.count", "hello hello hello world", "hello")).toBe(3);
    expect(call("strings.count", "dummy", "x")).toBe(0);
    expect(call("strings.count", "dummy", "")).toBe(6);
    expect(call("strings.count", "", "")).toBe(1);
    expect(call("strings.count", "", "x")).toBe(0);
    expect(call("strings.count", "11111", "11")).toBe(2);
    expect(call("strings.count", "11111", "11111")).toBe(1);
  });

  it("reverses runes", () => {
    expect(call("strings.reverse", "a😀b")).toBe("b😀a");
  });
});

describe("any prefix and suffix match", () => {
  it("accepts strings, arrays and sets on either side", () => {
    expect(call("strings.any_prefix_match", "foo/bar", "foo")).toBe(true);
    expect(call("strings.any_prefix_match", ["x/y", "foo/bar"], new RegoSet(["fo", "zz"]))).toBe(true);
    expect(call("strings.any_prefix_match", [], ["a"])).toBe(false);
    expect(call("strings.any_suffix_match", "a.example.com", [".example.com"])).toBe(true);
    expect(call("strings.any_suffix_match", "a.example.org", [".example.com"])).toBe(false);
  });

  it("reports wrong operands", () => {
    expect(failure("strings.any_prefix_match", 1, "a").message).toBe(
      "strings.any_prefix_match: operand 1 must be one of {string, set, array} but got number",
    );
    expect(failure("strings.any_suffix_match", "a", new RegoSet([1])).message).toBe(
      "strings.any_suffix_match: operand 2 must be set of strings but got set containing number",
    );
  });
});

describe("format_int", () => {
  it("truncates toward zero and formats in the base", () => {
    expect(call("format_int", 15.5, 16)).toBe("f");
    expect(call("format_int", 3.1, 10)).toBe("3");
    expect(call("format_int", -5, 2)).toBe("-101");
    expect(call("format_int", 8, 8)).toBe("10");
    expect(call("format_int", new BigNum(123456789012345678901234567890n, 0), 10)).toBe("123456789012345678901234567890");
    expect(call("format_int", new BigNum(-15n, -1), 10)).toBe("-1");
    expect(call("format_int", 1e21, 16)).toBe("3635c9adc5dea00000");
  });

  it("accepts only bases 2, 8, 10 and 16", () => {
    const e = failure("format_int", 1, 3);
    expect(e.code).toBe("eval_type_error");
    expect(e.message).toBe("format_int: operand 2 must be one of {2, 8, 10, 16}");
  });
});

describe("strings.render_template", () => {
  it("substitutes fields, conditionals and ranges", () => {
    expect(call("strings.render_template", "Hello {{.name}}!", { name: "world" })).toBe("Hello world!");
    expect(call("strings.render_template", "{{.a.b}} {{.n}} {{.l}}", { a: { b: true }, n: 1.5, l: [1, "x"] })).toBe(
      "true 1.5 [1 x]",
    );
    expect(
      call("strings.render_template", "{{if .ok}}yes{{else}}no{{end}}/{{range .xs}}<{{.}}>{{end}}", {
        ok: false,
        xs: ["a", "b"],
      }),
    ).toBe("no/<a><b>");
    expect(call("strings.render_template", "a  {{- .x -}}  b", { x: "X" })).toBe("aXb");
  });

  it("fails on a missing key as text/template with missingkey=error", () => {
    const e = failure("strings.render_template", "{{.missing}}", {});
    expect(e.code).toBe("eval_builtin_error");
    expect(e.message).toContain('map has no entry for key "missing"');
  });
});
