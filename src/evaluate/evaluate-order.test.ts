import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Resource, Snapshot } from "../snapshot/types.js";
import { loadBundles, userBundle } from "./bundle.js";
import { evaluateSnapshot } from "./evaluate.js";
import type { ResultEntry } from "./results.js";

// Rules whose entries are hard to put in order: several resource types (listed out of
// alphabetical order), findings for resources out of scope, missing from the snapshot or
// without one, ids that differ only in case, a deny that is a set and one that is an array, and
// a manual rule where one id has two entries with different messages.
const RULES: Record<string, string> = {
  "multi.rego": `# METADATA
# title: Several types
# custom:
#   id: ORD-MULTI
#   resource_types: [t/disk, t/vm]
package order.multi

import rego.v1

deny contains "a finding without a resource"

deny contains {"resource": id, "message": sprintf("%s fails", [id])} if some id in ["/r/b", "/r/Disk-1", "/r/net", "/r/0-missing", "/R/ZZ-missing", "/R/A"]

unknown contains {"resource": id, "message": "not known"} if some id in ["/r/c", "/r/b"]
`,
  "array.rego": `# METADATA
# title: A deny array
# custom:
#   id: ORD-ARRAY
#   resource_types: [t/vm]
package order.array

deny := [{"resource": "/r/c", "message": "c"}, {"resource": "/r/A", "message": "A"}]
`,
  "manual.rego": `# METADATA
# title: Attested by hand
# custom:
#   id: ORD-MAN
#   resource_types: [t/vm, t/disk]
#   manual: true
package order.manual
`,
};

const res = (type: string, id: string, tags?: Record<string, string>): Resource => ({ id, name: id.slice(3), type, properties: {}, ...(tags ? { tags } : {}) });

// Out of order on purpose; /r/dup is both a vm and a disk, attested as a disk only.
const snapshot: Snapshot = {
  schemaVersion: 1,
  source: { kind: "azure", collectedAt: "2026-11-01T00:00:00Z", tool: "erguard 0.1.0", scope: { subscriptions: [] }, errors: [] },
  customers: [],
  resources: [
    res("t/vm", "/r/b"),
    res("t/disk", "/r/Disk-1"),
    res("t/vm", "/r/dup"),
    res("t/net", "/r/net"),
    res("t/vm", "/r/a"),
    res("t/disk", "/r/dup", { "erguard-attest-ORD-MAN": "https://wiki/dup" }),
    res("t/vm", "/r/B"),
    res("t/vm", "/r/d"),
    res("t/disk", "/r/disk-0"),
    res("t/vm", "/r/A"),
    res("t/vm", "/r/c"),
    res("t/vm", "/r/D"),
  ],
};

// The order results.json promises, as one stable sort of every entry would give it.
const byComparator = (a: ResultEntry, b: ResultEntry): number => {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.ruleId, b.ruleId) || cmp(a.resourceId ?? "", b.resourceId ?? "") || cmp(a.message, b.message);
};

describe("the order of the evaluation's entries", async () => {
  const dir = await mkdtemp(join(tmpdir(), "erguard-order-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(RULES)) await writeFile(join(dir, file), text);
  const bundle = await loadBundles([userBundle(dir)]);
  const now = new Date("2026-11-26T00:00:00Z");
  const results = evaluateSnapshot({ snapshot, bundle, now }).results;
  const rows = (entries: readonly ResultEntry[]) => entries.map((e) => [e.ruleId, e.resourceId, e.status, e.resourceType ?? null]);

  it("is by rule, then resource id as JavaScript compares strings, then message, with findings out of scope or without a resource in their place", () => {
    expect(results).toEqual([...results].sort(byComparator));
    expect(rows(results)).toEqual([
      ["ORD-ARRAY", "/r/A", "fail", "t/vm"],
      ["ORD-ARRAY", "/r/B", "pass", "t/vm"],
      ["ORD-ARRAY", "/r/D", "pass", "t/vm"],
      ["ORD-ARRAY", "/r/b", "pass", "t/vm"],
      ["ORD-ARRAY", "/r/c", "fail", "t/vm"],
      ["ORD-ARRAY", "/r/d", "pass", "t/vm"],
      ["ORD-ARRAY", "/r/dup", "pass", "t/vm"],
      ["ORD-MAN", "/r/A", "manual", "t/vm"],
      ["ORD-MAN", "/r/B", "manual", "t/vm"],
      ["ORD-MAN", "/r/D", "manual", "t/vm"],
      ["ORD-MAN", "/r/Disk-1", "manual", "t/disk"],
      ["ORD-MAN", "/r/a", "manual", "t/vm"],
      ["ORD-MAN", "/r/b", "manual", "t/vm"],
      ["ORD-MAN", "/r/c", "manual", "t/vm"],
      ["ORD-MAN", "/r/d", "manual", "t/vm"],
      ["ORD-MAN", "/r/disk-0", "manual", "t/disk"],
      // Same id: "attested by …" comes before "needs an attestation …", though the vm was made first.
      ["ORD-MAN", "/r/dup", "pass", "t/disk"],
      ["ORD-MAN", "/r/dup", "manual", "t/vm"],
      ["ORD-MULTI", null, "fail", null],
      ["ORD-MULTI", "/R/ZZ-missing", "fail", null],
      ["ORD-MULTI", "/r/0-missing", "fail", null],
      ["ORD-MULTI", "/r/A", "fail", "t/vm"],
      // A finding for /r/b names the resource of that id in any case that the snapshot lists last.
      ["ORD-MULTI", "/r/B", "fail", "t/vm"],
      ["ORD-MULTI", "/r/D", "pass", "t/vm"],
      ["ORD-MULTI", "/r/Disk-1", "fail", "t/disk"],
      ["ORD-MULTI", "/r/c", "unknown", "t/vm"],
      ["ORD-MULTI", "/r/d", "pass", "t/vm"],
      ["ORD-MULTI", "/r/disk-0", "pass", "t/disk"],
      // A tie keeps the order the entries were made in: the rule's types as listed, disk first.
      ["ORD-MULTI", "/r/dup", "pass", "t/disk"],
      ["ORD-MULTI", "/r/dup", "pass", "t/vm"],
      ["ORD-MULTI", "/r/net", "fail", "t/net"],
    ]);
  });

  it("is the same whatever order the bundle lists its rules in", () => {
    const reversed = evaluateSnapshot({ snapshot, bundle: { ...bundle, rules: [...bundle.rules].reverse() }, now }).results;
    expect(reversed).toEqual(results);
  });
});
