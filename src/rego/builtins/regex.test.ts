import { describe, expect, it } from "vitest";
import { regexBuiltins } from "./regex.js";
import { builtinHarness, queryContext } from "../../../test/rego/builtin-harness.js";

const { call, failure } = builtinHarness(regexBuiltins);

describe("regex.match", () => {
  it("searches anywhere in the string, with Go's syntax", () => {
    expect(call("regex.match", "^[a-z]+\\[[0-9]+\\]$", "foo[1]")).toBe(true);
    expect(call("regex.match", "^$", "")).toBe(true);
    expect(call("regex.match", "", "x")).toBe(true);
    expect(call("regex.match", "^$", "something")).toBe(false);
    expect(call("regex.match", "(?i)ERGUARD", "my-erguard-rg")).toBe(true);
    expect(call("regex.match", "\\p{Greek}", "αβ")).toBe(true);
    expect(call("re_match", "^a+$", "aaa")).toBe(true);
  });

  it("reports a bad pattern as Go's compile error", () => {
    expect(failure("regex.match", "$^[[[", "something")).toEqual({
      code: "eval_builtin_error",
      message: "regex.match: error parsing regexp: missing closing ]: `[[[`",
    });
    expect(failure("regex.match", "a(?=b)", "ab").message).toContain("invalid or unsupported Perl syntax");
  });

  it("matches a catastrophic-backtracking pattern against a hostile string in linear time", () => {
    const hostile = "a".repeat(50_000) + "!";
    expect(call("regex.match", "(a+)+$", hostile)).toBe(false);
    expect(call("regex.match", "^(a|aa)*$", hostile)).toBe(false);
    expect(call("regex.match", "(a+)+!$", hostile)).toBe(true);
  });

  it("compiles each pattern once per query", () => {
    const local = queryContext();
    const b = regexBuiltins.find((x) => x.name === "regex.match")!;
    b.fn(["^x", "x"], local);
    b.fn(["^x", "y"], local);
    expect([...local.queryCache.keys()]).toEqual(["regex\u0000^x"]);
  });
});

describe("regex.is_valid", () => {
  it("answers false for bad patterns and non-strings", () => {
    expect(call("regex.is_valid", "a+b")).toBe(true);
    expect(call("regex.is_valid", "a(")).toBe(false);
    expect(call("regex.is_valid", 5)).toBe(false);
  });
});

describe("regex.split", () => {
  it("splits as Go's Regexp.Split", () => {
    expect(call("regex.split", "^[a-z]+\\[[0-9]+\\]$", "")).toEqual([""]);
    expect(call("regex.split", "^[a-z]+", "foobar baz")).toEqual(["", " baz"]);
    expect(call("regex.split", "[a-z]+$", "foobar baz")).toEqual(["foobar ", ""]);
    expect(call("regex.split", "^[a-z]+$", "foobar baz")).toEqual(["foobar baz"]);
    expect(call("regex.split", "^[a-z ]+$", "foobar baz")).toEqual(["", ""]);
    expect(call("regex.split", "z+", "pizza")).toEqual(["pi", "a"]);
    expect(call("regex.split", "", "abc")).toEqual(["a", "b", "c"]);
  });
});

describe("regex.find_n and regex.find_all_string_submatch_n", () => {
  it("finds all or the first n matches", () => {
    expect(call("regex.find_n", "a.", "paranormal", -1)).toEqual(["ar", "an", "al"]);
    expect(call("regex.find_n", "a.", "paranormal", 2)).toEqual(["ar", "an"]);
    expect(call("regex.find_n", "a.", "paranormal", 0)).toEqual([]);
    expect(call("regex.find_n", "x", "paranormal", -1)).toEqual([]);
  });

  it("returns submatches, with empty strings for groups that did not take part", () => {
    expect(call("regex.find_all_string_submatch_n", "a(x*)(b)?", "axxb-a", -1)).toEqual([
      ["axxb", "xx", "b"],
      ["a", "", ""],
    ]);
    expect(call("regex.find_all_string_submatch_n", "[0-9]", "a1b2", 1)).toEqual([["1"]]);
  });

  it("requires an integral count", () => {
    expect(() => call("regex.find_n", "a", "a", 1.5)).toThrow(
      "regex.find_n: operand 3 must be integer number but got floating-point number",
    );
  });
});

describe("regex.replace", () => {
  it("replaces every match, expanding $1, ${name} and $$", () => {
    expect(call("regex.replace", "er-prod-01", "^er-(\\w+)-(\\d+)$", "$2/$1")).toBe("01/prod");
    expect(call("regex.replace", "a-b", "(?P<x>\\w)", "${x}${x}")).toBe("aa-bb");
    expect(call("regex.replace", "ab", "b", "$$")).toBe("a$");
    expect(call("regex.replace", "ab", "(b)", "$1x")).toBe("a");
    expect(call("regex.replace", "aaa", "^a", "b")).toBe("baa");
  });

  it("inserts at empty matches as Go's ReplaceAllString", () => {
    expect(call("regex.replace", "abc", "x*", "-")).toBe("-a-b-c-");
    expect(call("regex.replace", "baaac", "a*", "-")).toBe("-b-c-");
  });
});

describe("regex.template_match", () => {
  it("matches literal text with regexes between delimiters", () => {
    expect(call("regex.template_match", "urn:foo:{.*}", "urn:foo:bar:baz", "{", "}")).toBe(true);
    expect(call("regex.template_match", "urn:foo.bar.com:{.*}", "urn:foo.com:bar:baz", "{", "}")).toBe(false);
    expect(call("regex.template_match", "urn:foo:<[0-9]{2}>", "urn:foo:42", "<", ">")).toBe(true);
  });

  it("refuses unbalanced templates and long delimiters", () => {
    expect(() => call("regex.template_match", "urn:{.*", "urn:x", "{", "}")).toThrow(
      'regex.template_match: unbalanced braces in "urn:{.*"',
    );
    expect(() => call("regex.template_match", "x", "x", "<<", ">")).toThrow(
      "start delimiter has to be exactly one character long but is 2 long",
    );
  });
});
