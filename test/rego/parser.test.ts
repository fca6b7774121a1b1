import { describe, expect, it } from "vitest";
import { RegoError } from "../../src/rego/errors.js";
import { parseModule, parseQuery } from "../../src/rego/parser.js";

function parseError(source: string): RegoError {
  try {
    parseModule(source, "p.rego");
  } catch (e) {
    if (e instanceof RegoError) return e;
    throw e;
  }
  throw new Error("expected a parse error");
}

describe("the Rego parser", () => {
  it("parses every rule form of Rego v1", () => {
    const m = parseModule(
      [
        "package a.b",
        "import rego.v1",
        "import data.lib.helpers as h",
        "default allow := false",
        "allow if input.user == \"alice\"",
        "names contains n if some n in input.names",
        "obj[k] := v if some k, v in input.o",
        "x.y[z] contains w if { z := 1; w := 2 }",
        "f(x) := y if { y := x + 1 } else := 0",
        "g(x, y) if x < y",
        "c := 3",
      ].join("\n"),
      "p.rego",
    );
    expect(m.package.path).toEqual(["a", "b"]);
    expect(m.imports.map((i) => i.alias)).toEqual([undefined, "h"]);
    expect(m.rules.map((r) => [r.head.kind, r.isDefault])).toEqual([
      ["complete", true],
      ["complete", false],
      ["multi", false],
      ["complete", false],
      ["multi", false],
      ["function", false],
      ["function", false],
      ["complete", false],
    ]);
    expect(m.rules[5]!.elseRule).toBeDefined();
    expect(m.rules[4]!.head.ref).toHaveLength(3);
  });

  it("keeps comments, METADATA blocks included, for the annotation parser", () => {
    const m = parseModule("# METADATA\n# title: T\npackage p\n# a comment\np := 1\n", "p.rego");
    expect(m.comments.map((c) => [c.text, c.loc.row])).toEqual([
      [" METADATA", 1],
      [" title: T", 2],
      [" a comment", 4],
    ]);
  });

  it("parses literals: strings with escapes, raw strings, numbers, sets, objects, comprehensions", () => {
    const q = parseQuery('x := ["a\\n\\u00e9", `raw\\n`, -1.5e3, {1, 2}, {"k": [1]}, set(), [y | y := 1], {k: v | k := "a"; v := 1}]');
    expect(q).toHaveLength(1);
    const e = q[0]!.expr;
    expect(e.kind).toBe("assign");
    if (e.kind !== "assign" || e.right.type !== "array") throw new Error("unexpected shape");
    const items = e.right.items;
    expect(items[0]).toMatchObject({ type: "scalar", value: "a\né" });
    expect(items[1]).toMatchObject({ type: "scalar", value: "raw\\n" });
    expect(items[2]).toMatchObject({ type: "scalar", value: -1500 });
    expect(items.map((t) => t.type)).toEqual(["scalar", "scalar", "scalar", "set", "object", "set", "arraycomp", "objectcomp"]);
  });

  it("applies OPA's operator precedence", () => {
    const q = parseQuery("x := 1 + 2 * 3 == 7");
    const e = q[0]!.expr;
    if (e.kind !== "assign" || e.right.type !== "call") throw new Error("unexpected shape");
    expect(e.right.op).toMatchObject({ name: "equal" });
    const plus = e.right.args[0]!;
    if (plus.type !== "call") throw new Error("unexpected shape");
    expect(plus.op).toMatchObject({ name: "plus" });
    expect(plus.args[1]).toMatchObject({ type: "call", op: { name: "mul" } });
  });

  it("separates body literals by newlines and semicolons, and continues refs only when they touch", () => {
    const q = parseQuery("a := [1]\n[b] := a; c := b");
    expect(q).toHaveLength(3);
    expect(parseQuery("x := input.a[0].b")[0]!.expr).toMatchObject({ right: { type: "ref" } });
  });

  it("parses some, every, not and with", () => {
    const q = parseQuery("some x in xs\nsome k, v in o\nevery y in ys { y > 1 }\nnot p\nq with input as {} with data.a as 1");
    expect(q.map((l) => [l.expr.kind, l.negated, l.with.length])).toEqual([
      ["somein", false, 0],
      ["somein", false, 0],
      ["every", false, 0],
      ["term", true, 0],
      ["term", false, 2],
    ]);
  });

  it("reports a parse error with file, line, column and what was expected", () => {
    const e = parseError("package p\n\nallow if {\n  x := \n}\n");
    expect(e.code).toBe("rego_parse_error");
    expect(e.location).toEqual({ file: "p.rego", row: 5, col: 1 });
    expect(e.message).toBe("p.rego:5: rego_parse_error: unexpected } token: expected term");
  });

  it("requires the v1 keywords `if` and `contains`", () => {
    expect(parseError("package p\np { true }\n").message).toContain("`if` keyword is required before rule body");
    expect(parseError("package p\np[x] { x := 1 }\n").message).toContain("`contains` keyword is required for partial set rules");
  });

  it("rejects a module without a package and an unterminated string", () => {
    expect(parseError("p := 1\n").message).toContain("package expected");
    expect(parseError('package p\np := "abc\n').message).toContain("non-terminated string");
  });
});

describe("the contains keyword", () => {
  it("is still the contains builtin when called", () => {
    const q = parseQuery('x := contains("abc", "b")');
    expect(q[0]!.expr).toMatchObject({ kind: "assign", right: { type: "call", op: { name: "contains" } } });
    const m = parseModule('package p\ns contains x if some x in ["a"]\nt if contains("abc", "b")\n', "p.rego");
    expect(m.rules.map((r) => r.head.kind)).toEqual(["multi", "complete"]);
  });
});
