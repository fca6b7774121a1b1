// npm run golden — writes fixtures/estates/<name>/expected-results.json from the estate's
// EXPECTED.yaml and the built-in bundle's metadata, never from a scan: every resource of a
// rule's resource_types passes (or is manual, for attestation-only rules) unless EXPECTED.yaml
// names it. test/e2e/estates.test.ts then compares a real scan with it. Run it after adding a
// rule, and read the diff: new entries are the new rule's passes; a violation the rule should
// find goes into EXPECTED.yaml first.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { builtinBundle, loadBundles } from "../../dist/evaluate/bundle.js";

interface Expectation {
  rule: string;
  resource: string;
  status?: string;
}

const estates = fileURLToPath(new URL("../../fixtures/estates/", import.meta.url));
const { rules } = await loadBundles([builtinBundle()]);

for (const name of readdirSync(estates, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
  const dir = join(estates, name);
  const snapshot = JSON.parse(readFileSync(join(dir, "snapshot.json"), "utf8")) as { resources: { id: string; type: string }[] };
  const expected = parse(readFileSync(join(dir, "EXPECTED.yaml"), "utf8")) as { violations?: Expectation[]; outcomes?: Expectation[] };
  const entries = new Map<string, [string, string, string]>();
  for (const rule of rules) {
    for (const r of snapshot.resources) {
      if (rule.resourceTypes.includes(r.type)) entries.set(`${rule.id} ${r.id.toLowerCase()}`, [rule.id, r.id, rule.manual ? "manual" : "pass"]);
    }
  }
  const ids = new Map(snapshot.resources.map((r) => [r.id.toLowerCase(), r.id]));
  for (const e of [...(expected.violations ?? []), ...(expected.outcomes ?? [])]) {
    const id = ids.get(e.resource.toLowerCase()) ?? e.resource;
    entries.set(`${e.rule} ${id.toLowerCase()}`, [e.rule, id, e.status ?? "fail"]);
  }
  // The evaluation's order: rule id, then resource id.
  const sorted = [...entries.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  writeFileSync(join(dir, "expected-results.json"), `[\n${sorted.map((t) => "  " + JSON.stringify(t)).join(",\n")}\n]\n`);
  process.stdout.write(`${name}: ${sorted.length} entries\n`);
}
