import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ResultEntry } from "../../src/evaluate/results.js";
import { ChunkBuilder, joinChunks } from "../../src/report/chunk-builder.js";
import { entryJsonWriter } from "../../src/report/entry-json.js";

// Every entry's text, one take per entry.
function written(entries: readonly object[]): string[] {
  const write = entryJsonWriter();
  const out = new ChunkBuilder();
  return entries.map((e) => {
    write(out, e as ResultEntry);
    return joinChunks([out.take()]);
  });
}

// Values several entries hold by identity, as an evaluation's entries share their resource's.
const SHARED_ORIGIN = { file: "main.bicep", line: 12, address: "module.hub" };
const SHARED_TAGS = { team: "a", "cost-center": "cc-1" };

// Strings with what JSON escapes: quotes, backslashes, control characters, lone surrogates.
const text = fc.oneof(
  fc.constantFrom("", "er-1", "microsoft.network/expressroutecircuits", "é → 😀", 'a "quoted" \\ path', "line\nbreak\u0000", "\ud800lone", "lone\udfff"),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
);

// A value as evidence or tags may hold, toJSON included (told the key it is written under).
const value = fc.oneof(
  text,
  fc.integer(),
  fc.constantFrom(null, true, -0, 1e21, 0.1, Number.NaN, Number.POSITIVE_INFINITY),
  fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(undefined)), { maxKeys: 3 }),
  fc.constant({ toJSON: (key: string) => `json for ${key}` }),
  fc.constant({ toJSON: () => undefined }),
  fc.constant(() => "a function"),
);

// Entries that share rules and resources, whose shared values are sometimes the same object
// and sometimes an equal or a different one, with fields absent, undefined or odd, and keys now
// and then in another order than the evaluation's.
const entries = fc
  .array(
    fc.record(
      {
        ruleId: fc.constantFrom("R-1", "R-2", 'R-"3"'),
        resourceId: fc.constantFrom("/r/1", "/r/2", "/r/é", null),
        resourceType: fc.constantFrom("t", "t2", undefined),
        resourceName: fc.oneof(fc.constantFrom("n", undefined), text),
        status: fc.constantFrom("pass", "fail", "unknown", "waived"),
        severity: fc.constantFrom("high", "low"),
        baseline: fc.constantFrom("nsg", "routing"),
        message: fc.oneof(fc.constant(""), text),
        evidence: value,
        origin: fc.constantFrom(SHARED_ORIGIN, { file: "main.tf", line: 3 }, undefined),
        snapshotLine: fc.constantFrom(1, 7, undefined),
        tags: fc.oneof(fc.constantFrom(SHARED_TAGS, { team: "b" }, undefined), fc.dictionary(text, text, { maxKeys: 2 })),
        customer: fc.constantFrom("contoso", "fabrikam", undefined),
        fingerprint: fc.oneof(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }), text),
        attestation: fc.constantFrom(undefined, { attestedBy: "a", date: "2025-01-01", evidence: "https://x" }),
        waiver: fc.constantFrom(undefined, { rule: "R-1", resource: "*", reason: "r", owner: "o", expires: "2099-01-01", expired: false }),
        baselineState: fc.constantFrom(undefined, "new", "existing"),
      },
      { requiredKeys: ["ruleId", "resourceId", "status", "severity", "baseline", "message", "fingerprint"] },
    ),
    { maxLength: 40 },
  )
  .chain((list) => fc.tuple(fc.constant(list), fc.array(fc.boolean(), { minLength: list.length, maxLength: list.length })))
  .map(([list, reorder]) => list.map((e, i) => (reorder[i] ? Object.fromEntries(Object.entries(e).reverse()) : e)));

describe("entryJsonWriter", () => {
  it("writes every entry as JSON.stringify does, whatever its fields, values and key order", () => {
    fc.assert(
      fc.property(entries, (list) => {
        expect(written(list)).toEqual(list.map((e) => JSON.stringify(e)));
      }),
      { numRuns: 300 },
    );
  });

  it("does not reuse a resource's text once its values change, even when the new ones are equal", () => {
    const tags = { team: "a" };
    const entry = { ruleId: "R-1", resourceId: "/r/1", resourceName: "one", status: "pass", severity: "low", baseline: "nsg", message: "", tags, fingerprint: "f" };
    const sequence = [entry, { ...entry, tags: { team: "b" } }, { ...entry, tags: { team: "b" }, resourceName: "renamed" }, { ...entry, ruleId: "R-2" }];
    expect(written(sequence)).toEqual(sequence.map((e) => JSON.stringify(e)));
  });

  it("writes entries loaded from a results file, whose equal tags and origins are objects of their own, as JSON.stringify does", () => {
    const entry = (tags: object, origin: object) => ({ ruleId: "R-1", resourceId: "/r/1", resourceName: "one", status: "pass", severity: "low", baseline: "nsg", message: "", origin, tags, fingerprint: "f" });
    class Tags {
      constructor(readonly team: string) {}
      toJSON() {
        return { team: this.team.toUpperCase() };
      }
    }
    const sequence = [
      entry({ team: "a", env: "prod" }, { file: "main.bicep", line: 3 }),
      entry({ team: "a", env: "prod" }, { file: "main.bicep", line: 3 }), // equal, not the same objects
      entry({ env: "prod", team: "a" }, { file: "main.bicep", line: 3 }), // the same keys in another order
      entry({ env: "prod", team: "b" }, { file: "main.bicep", line: 3 }), // another value
      entry({ env: "prod", team: "b", x: "1" }, { file: "main.bicep", line: 3 }), // one key more
      entry({ env: "prod", team: "b" }, { file: "main.bicep", line: 3, nested: { a: 1 } }),
      entry({ env: "prod", team: "b" }, { file: "main.bicep", line: 3, nested: { a: 2 } }), // a nested value changes
      entry(new Tags("b"), { file: "main.bicep", line: 3 }), // not a plain object: its toJSON counts
      entry(new Tags("c"), { file: "main.bicep", line: 3 }),
    ];
    expect(written(sequence)).toEqual(sequence.map((e) => JSON.stringify(e)));
  });
});

