import { describe, expect, it } from "vitest";
import type { Value } from "../value.js";
import { builtinHarness } from "../../../test/rego/builtin-harness.js";
import { semverBuiltins } from "./semver.js";

const { call, failure } = builtinHarness(semverBuiltins);
const compare = (a: Value, b: Value) => call("semver.compare", a, b);
const isValid = (a: Value) => call("semver.is_valid", a);

describe("semver.is_valid", () => {
  it("accepts MAJOR.MINOR.PATCH with optional v, pre-release and metadata", () => {
    for (const v of ["1.2.3", "v1.2.3", "1.2.3-rc.1", "1.2.3-rc.1+build.5", "1.2.3+meta-data", "0.0.0"]) {
      expect(isValid(v), v).toBe(true);
    }
  });

  it("rejects other strings and non-strings", () => {
    for (const v of ["1.2", "1.2.3.4", "a.b.c", "1.2.3-rc..1", "1.2.3+m_eta", "99999999999999999999.0.0", 1, null]) {
      expect(isValid(v), String(v)).toBe(false);
    }
  });
});

describe("semver.compare", () => {
  it("orders by precedence", () => {
    expect(compare("1.0.0", "1.0.0")).toBe(0);
    expect(compare("1.0.1", "1.0.0")).toBe(1);
    expect(compare("1.9.0", "1.10.0")).toBe(-1);
    expect(compare("1.0.0-alpha", "1.0.0")).toBe(-1);
    expect(compare("1.0.0-alpha", "1.0.0-alpha.1")).toBe(-1);
    expect(compare("1.0.0-alpha.1", "1.0.0-alpha.beta")).toBe(-1);
    expect(compare("1.0.0-beta.11", "1.0.0-beta.2")).toBe(1);
    expect(compare("1.0.0-rc.1", "1.0.0-beta.11")).toBe(1);
    expect(compare("v2.0.0+build", "2.0.0")).toBe(0);
  });

  it("names the operand that is not a version", () => {
    expect(failure("semver.compare", "1.0", "1.0.0")).toEqual({
      code: "eval_builtin_error",
      message: "semver.compare: operand 1: string 1.0 is not a valid SemVer",
    });
    expect(failure("semver.compare", "1.0.0", "x").message).toBe("semver.compare: operand 2: string x is not a valid SemVer");
    expect(failure("semver.compare", 1, "1.0.0")).toEqual({
      code: "eval_type_error",
      message: "semver.compare: operand 1 must be string but got number",
    });
  });
});
