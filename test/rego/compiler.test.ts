import { describe, expect, it } from "vitest";
import { Policy, RegoError } from "../../src/rego/index.js";

function compileError(...sources: string[]): RegoError {
  try {
    Policy.compile(sources.map((source, i) => ({ path: `m${i}.rego`, source })));
  } catch (e) {
    if (e instanceof RegoError) return e;
    throw e;
  }
  throw new Error("expected a compile error");
}

describe("the Rego compiler's checks", () => {
  it("rejects unsafe variables with rego_unsafe_var_error", () => {
    const e = compileError("package p\nq if { x > 1 }");
    expect(e.code).toBe("rego_unsafe_var_error");
    expect(e.message).toBe("m0.rego:2: rego_unsafe_var_error: var x is unsafe");
  });

  it("reorders body literals for safety as OPA does", () => {
    const p = Policy.compile([{ path: "m.rego", source: "package p\nq := y if { y > 1; y := input.v }" }]);
    expect(p.query("x := data.p.q", { input: { v: 5 } })).toEqual([{ x: 5 }]);
  });

  it("rejects recursion, naming the cycle", () => {
    const e = compileError("package p\na if b\nb if a");
    expect(e.code).toBe("rego_recursion_error");
    expect(e.message).toContain("rule data.p.a is recursive: data.p.a -> data.p.b -> data.p.a");
  });

  it("rejects undefined functions and wrong arity as rego_type_error", () => {
    expect(compileError("package p\nq if nosuch(1)").message).toContain("rego_type_error: undefined function nosuch");
    expect(compileError("package p\nq if count(1, 2, 3)").message).toContain("count: arity mismatch");
  });

  it("rejects conflicting rule kinds at one path", () => {
    expect(compileError("package p\nq := 1\nq contains 2").message).toContain("conflicting rules data.p.q found");
    expect(compileError("package p\ndefault q := 1\ndefault q := 2").message).toContain("multiple default rules data.p.q found");
  });

  it("rejects assigning a variable twice", () => {
    expect(compileError("package p\nq if { x := 1; x := 2 }").message).toContain("var x assigned above");
  });

  it("refuses builtins that reach the network at compile time, naming them", () => {
    const e = compileError('package p\nq := http.send({"method": "get", "url": "https://example.com"})');
    expect(e.code).toBe("rego_type_error");
    expect(e.message).toContain("http.send: builtin refused: policies never reach the network");
  });

  it("reports every error of a module at once", () => {
    const e = compileError("package p\na if x > 1\nb if nosuch()");
    expect(e.errors.length).toBe(2);
    expect(e.message).toMatch(/^2 errors occurred:/);
  });
});
