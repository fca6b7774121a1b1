import { describe, expect, it } from "vitest";
import { Policy, RegoError } from "../../src/rego/index.js";

function run(source: string, query: string, input?: unknown, data?: unknown): Record<string, unknown>[] {
  return Policy.compile([{ path: "t.rego", source }]).query(query, { input, data });
}

function value(source: string, query = "x := data.t.p", input?: unknown): unknown {
  const rows = run(source, query, input);
  return rows.length === 0 ? undefined : rows[0]!["x"];
}

describe("the Rego evaluator", () => {
  it("iterates refs with variables and backtracks over them", () => {
    const src = "package t\np contains name if { r := input.resources[i]; r.type == \"vnet\"; name := r.name }";
    const input = { resources: [{ type: "vnet", name: "a" }, { type: "nsg", name: "b" }, { type: "vnet", name: "c" }] };
    expect(value(src, undefined, input)).toEqual(["a", "c"]);
  });

  it("treats undefined as not false", () => {
    const src = "package t\nnot_missing if not input.missing\nfalse_is_defined if input.f == false\nundefined_fails if input.missing == false";
    const rows = run(src, "x := data.t", { f: false });
    expect(rows[0]!["x"]).toEqual({ not_missing: true, false_is_defined: true });
  });

  it("evaluates partial objects, functions with else, every, and comprehensions", () => {
    const src = [
      "package t",
      "by_type[t] := names if { some t in {r.type | some r in input}; names := {r.name | some r in input; r.type == t} }",
      "grade(n) := \"high\" if n > 10 else := \"low\"",
      "grades := [grade(n) | some n in [5, 50]]",
      "all_named if every r in input { r.name != \"\" }",
    ].join("\n");
    const input = [{ type: "a", name: "x" }, { type: "b", name: "y" }, { type: "a", name: "z" }];
    expect(run(src, "x := data.t", input)[0]!["x"]).toEqual({
      by_type: { a: ["x", "z"], b: ["y"] },
      grades: ["low", "high"],
      all_named: true,
    });
  });

  it("replaces input, data and functions with `with`, for that literal only", () => {
    const src = [
      "package t",
      "p := input.x",
      "q := data.cfg.limit",
      "double(x) := x * 2",
      "r := double(2)",
      "with_input := v if v := p with input.x as 7",
      "with_data := v if v := q with data.cfg.limit as 9",
      "with_fn := v if v := r with double as 100",
      "after := p",
    ].join("\n");
    expect(run(src, "x := data.t", { x: 1 }, { cfg: { limit: 3 } })[0]!["x"]).toEqual({
      p: 1,
      q: 3,
      r: 4,
      with_input: 7,
      with_data: 9,
      with_fn: 100,
      after: 1,
    });
  });

  it("keeps sets of objects and objects with non-string keys as Rego values", () => {
    const src = 'package t\np := {{"a": 1}, {"a": 1}, {"a": 2}}\nq := {1: "one", [2]: "two"}\nr := q[[2]]';
    expect(run(src, "x := data.t")[0]!["x"]).toEqual({ p: [{ a: 1 }, { a: 2 }], q: { "1": "one", "[2]": "two" }, r: "two" });
  });

  it("sorts values in Rego's total order", () => {
    expect(value('package t\np := sort([{"a": 1}, "s", 2, null, [1], false, {1}])')).toEqual([null, false, 2, "s", [1], { a: 1 }, [1]]);
  });

  it("reports conflicting values of a complete rule as eval_conflict_error", () => {
    const policy = Policy.compile([{ path: "t.rego", source: "package t\np := x if some x in input" }]);
    expect(() => policy.query("y := data.t.p", { input: [1, 2] })).toThrow(RegoError);
    try {
      policy.query("y := data.t.p", { input: [1, 2] });
    } catch (e) {
      expect((e as RegoError).code).toBe("eval_conflict_error");
      expect((e as RegoError).message).toContain("rule data.t.p produced conflicting values");
    }
  });

  it("returns undefined for a builtin error, and an error with strictBuiltinErrors", () => {
    const policy = Policy.compile([{ path: "t.rego", source: "package t\np := 1 / input.d" }]);
    expect(policy.query("x := data.t.p", { input: { d: 0 } })).toEqual([]);
    expect(() => policy.query("x := data.t.p", { input: { d: 0 }, strictBuiltinErrors: true })).toThrow(/divide by zero/);
  });

  it("evaluates helper rules once per query, not once per use", () => {
    let calls = 0;
    const src = "package t\nhelper := trace(\"x\")\np := count([1 | some i in numbers.range(1, 100); helper])";
    const rows = Policy.compile([{ path: "t.rego", source: src }]).query("x := data.t.p", {
      print: () => {
        calls++;
      },
    });
    expect(rows[0]!["x"]).toBe(100);
    expect(calls).toBe(1);
  });

  it("treats a large partial object (held as a map) like the same object written out", () => {
    const ids = Array.from({ length: 100 }, (_, i) => `/sub/r${i}`);
    const src = [
      "package t",
      "index[lower(id)] := i if some i, id in input.ids",
      "literal := {lower(id): i | some i, id in input.ids}",
      "same if index == literal",
      "one := count({index, literal})",
      "keys_in_order := [k | some k, _ in index]",
      "found := index[\"/sub/r42\"]",
      "missing if not index[\"/sub/r100\"]",
      // inserted in string order ("0", "1", "10", …): a plain object iterates them numerically
      "numbered[s] := s if some s in {sprintf(\"%d\", [i]) | some i in numbers.range(0, 99)}",
      "numbered_keys := [k | some k, _ in numbered]",
    ].join("\n");
    const out = run(src, "x := data.t", { ids })[0]!["x"] as Record<string, unknown>;
    expect(out["same"]).toBe(true);
    expect(out["one"]).toBe(1);
    expect(out["keys_in_order"]).toEqual(ids.map((id) => id.toLowerCase()));
    expect(out["found"]).toBe(42);
    expect(out["missing"]).toBe(true);
    expect(Object.keys(out["index"] as object)).toEqual(ids);
    // Keys like array indexes keep the order a plain object gives them.
    expect(out["numbered_keys"]).toEqual(Object.keys(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [String(i), i]))));
  });

  it("reads data refs alike every time they run, and with data replaced: base data beside rules, rules, missing keys", () => {
    const modules = [
      { path: "lib.rego", source: "package lib\nrule := \"from a rule\"\nf(x) := x\nfrom_rule[k] := k if some k in [\"a\", \"b\"]" },
      {
        path: "t.rego",
        source: [
          "package t",
          "reads := [[data.lib.rule, data.lib.doc, data.lib.from_rule[k], object.get(data.lib, \"none\", \"missing\")] | some k in [\"a\", \"b\", \"a\"]]",
          "p := reads",
          "q := v if v := reads with data.lib.rule as \"replaced\"",
          "r := v if v := [[data.lib.rule, data.lib.doc] | some _ in [1, 2]] with data.lib.doc as 1",
          "no_key if not data.lib.none",
          "no_deeper if not data.lib.rule.x",
        ].join("\n"),
      },
    ];
    const session = Policy.compile(modules).session({ data: { lib: { doc: "from data" } }, print: () => {} });
    const read = (name: string) => session.values(`x := data.t.${name}`)[0]?.["x"];
    const expected = [["from a rule", "from data", "a", "missing"], ["from a rule", "from data", "b", "missing"], ["from a rule", "from data", "a", "missing"]];
    // twice each: the second time the refs' leading keys are walked already
    for (let round = 0; round < 2; round++) {
      expect(read("p")).toEqual(expected);
      expect(read("q")).toEqual(expected.map(([, doc, k, none]) => ["replaced", doc, k, none]));
      expect(read("r")).toEqual([["from a rule", 1], ["from a rule", 1]]);
      expect(read("no_key")).toBe(true);
      expect(read("no_deeper")).toBe(true);
    }
  });
});
