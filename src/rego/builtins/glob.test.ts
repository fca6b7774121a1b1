import { describe, expect, it } from "vitest";
import type { Value } from "../value.js";
import { globBuiltins } from "./glob.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";

const { call, failure } = builtinHarness(globBuiltins);
const match = (pattern: string, delimiters: Value, value: Value) => call("glob.match", pattern, delimiters, value);

describe("glob.match", () => {
  it("uses '.' as the delimiter when the list is empty, and none for null", () => {
    expect(match("*.github.com", [], "api.github.com")).toBe(true);
    expect(match("*.github.com", [], "api.cdn.github.com")).toBe(false);
    expect(match("*.github.com", null, "api.cdn.github.com")).toBe(true);
    expect(match("*:github:com", [":"], "api:github:com")).toBe(true);
    expect(match("api.*", ["."], "api.github.com")).toBe(false);
  });

  it("lets ** cross delimiters and ? match one non-delimiter", () => {
    expect(match("**.com", [], "api.cdn.github.com")).toBe(true);
    expect(match("?at", [], "cat")).toBe(true);
    expect(match("?at", [], ".at")).toBe(false);
    expect(match("?at", null, ".at")).toBe(true);
  });

  it("matches character lists, ranges and their negations", () => {
    expect(match("[cb]at", [], "cat")).toBe(true);
    expect(match("[!abc]at", [], "cat")).toBe(false);
    expect(match("[!abc]at", [], "rat")).toBe(true);
    expect(match("[a-c]at", [], "bat")).toBe(true);
    expect(match("[!a-c]at", [], "bat")).toBe(false);
  });

  it("matches alternatives, which may nest patterns", () => {
    expect(match("{cat,bat,[fr]at}", [], "bat")).toBe(true);
    expect(match("{cat,bat,[fr]at}", [], "rat")).toBe(true);
    expect(match("{cat,bat,[fr]at}", [], "mat")).toBe(false);
    expect(match("er-{prod,dev-{a,b}}-*", ["-"], "er-dev-b-x")).toBe(true);
    expect(match("a,b}", [], "a,b}")).toBe(true);
  });

  it("matches escaped metacharacters literally", () => {
    expect(match("\\*.com", [], "*.com")).toBe(true);
    expect(match("\\*.com", [], "a.com")).toBe(false);
  });

  it("matches the whole string, including line breaks under **", () => {
    expect(match("a*", null, "ba")).toBe(false);
    expect(match("a**", [], "a\nb.c")).toBe(true);
  });

  it("reports malformed patterns", () => {
    const cases: [string, string][] = [
      ["{a,b", "glob: syntax error at 4: unclosed `{`"],
      ["a\\", "glob: syntax error at 2: trailing backslash"],
      ["[]", "glob: syntax error at 2: could not parse range"],
      ["[abc", "glob: syntax error at 4: unexpected end of input"],
      ["[c-a]", "glob: syntax error at 5: range hi character is less than lo"],
    ];
    for (const [pattern, message] of cases) {
      expect(() => match(pattern, null, "abc")).toThrow(`glob.match: ${message}`);
    }
  });

  it("checks the delimiters operand", () => {
    expect(() => match("a", "x", "a")).toThrow("glob.match: operand 2 must be one of {array, null} but got string");
    expect(() => match("a", ["ab"], "a")).toThrow("glob.match: operand 2 must be array of runes but got array containing string");
    expect(failure("glob.match", "a", [1], "a")).toEqual({
      code: "eval_type_error",
      message: "glob.match: operand 2 must be array of strings but got array containing number",
    });
  });
});

describe("glob.quote_meta", () => {
  it("escapes the glob metacharacters", () => {
    expect(call("glob.quote_meta", "*.github.com")).toBe("\\*.github.com");
    expect(call("glob.quote_meta", "[a]{b}?\\")).toBe("\\[a\\]\\{b\\}\\?\\\\");
  });
});
