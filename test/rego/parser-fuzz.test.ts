// Random and mutated Rego into the parser: it returns a module or a RegoError, never anything
// else, and never hangs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RegoError } from "../../src/rego/errors.js";
import { parseModule } from "../../src/rego/parser.js";

const SEED_MODULES = [
  'package erguard.rules.nsg.open\nimport rego.v1\n\ndeny contains f if {\n  some r in input.resources\n  r.type == "microsoft.network/networksecuritygroups"\n  some rule in r.properties.securityRules\n  rule.properties.access == "Allow"\n  f := {"resource": r.id, "message": sprintf("%s open", [r.name])}\n}\n',
  "package p\ndefault allow := false\nallow if { input.a[_] == 1; not input.b }\nf(x) := y if { y := x * 2 } else := 0\n",
  'package q\nx := {k: v | some k, v in {"a": 1}}\ny := [z | z := numbers.range(1, 3)[_]]\nevery_ok if every v in [1, 2] { v > 0 }\n',
];

const TOKENS = ["package", "p", "if", "contains", "{", "}", "[", "]", "(", ")", ":=", "=", "==", "some", "in", "every", "not", "with", "as", "x", '"s"', "1", "\n", ";", ",", ".", "|", "&", "+", "default", "else", "`raw`", "#c\n", "input", "data"];

function parsesOrFailsCleanly(source: string): void {
  try {
    const m = parseModule(source, "fuzz.rego");
    expect(m.package.path.length).toBeGreaterThan(0);
  } catch (e) {
    expect(e).toBeInstanceOf(RegoError);
    expect((e as RegoError).code).toBe("rego_parse_error");
  }
}

describe("the parser under fuzzing", () => {
  it("returns a module or a parse error for random token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => {
        parsesOrFailsCleanly("package fuzz\n" + tokens.join(" "));
      }),
      { numRuns: 1500 },
    );
  });

  it("returns a module or a parse error for mutated real modules", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEED_MODULES),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 }),
        (seed, edits) => {
          let s = seed;
          for (const [pos, del, ins] of edits) {
            const at = pos % (s.length + 1);
            s = s.slice(0, at) + ins + s.slice(at + del);
          }
          parsesOrFailsCleanly(s);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("returns a module or a parse error for arbitrary unicode text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => parsesOrFailsCleanly(text)),
      { numRuns: 1000 },
    );
  });
});
