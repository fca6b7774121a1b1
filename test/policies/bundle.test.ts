// Meta-tests of the built-in policy bundle: every rule is complete (metadata, place, tests,
// documentation, catalogue entry), the catalogue and the rules agree, the generated rule pages
// are current, and the bundle's own Rego unit tests pass.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BUILTIN_POLICY_DIR, builtinBundle, loadBundles, type LoadedBundle } from "../../src/evaluate/bundle.js";
import { loadPolicyFiles } from "../../src/evaluate/policy-files.js";
import { runPolicyTests, type TestResult } from "../../src/evaluate/policy-test.js";
import { BASELINES } from "../../src/evaluate/results.js";
import { renderRuleDocs, ruleDocs, type RuleDoc } from "../../src/evaluate/rule-docs.js";

const ROOT = dirname(BUILTIN_POLICY_DIR);
const DOCS_DIR = join(ROOT, "docs", "rules");
const ID_PATTERN = /^(ER-(CIRCUIT|PEER|GW|CONN|PORT|RF)|VNG|NSG|UDR|VNET|FW|CSP-[A-Z]{2,4})-\d{3}$/;
const FRAMEWORKS = new Set(["psrule", "aprl", "azure-policy", "mcsb", "cis-azure", "checkov", "waf"]);
const EVIDENCE = new Set(["snapshot", "runtime", "attestation", "not-collected"]);

interface CatalogCheck {
  id: string;
  title: string;
  baseline: string;
  evidence: string;
  anchors?: Record<string, string[]>;
}

const catalog = (parse(readFileSync(join(BUILTIN_POLICY_DIR, "catalog.yaml"), "utf8")) as { checks: CatalogCheck[] }).checks;

let bundle: LoadedBundle;
let docs: RuleDoc[];
let tests: TestResult[];

beforeAll(async () => {
  bundle = await loadBundles([builtinBundle()]);
  docs = ruleDocs(bundle);
  tests = runPolicyTests(await loadPolicyFiles([BUILTIN_POLICY_DIR]));
});

const custom = (doc: RuleDoc) =>
  (bundle.policy.annotations.find((a) => a.scope === "package" && `data.${a.path.join(".")}` === doc.info.package)?.annotations["custom"] ??
    {}) as Record<string, unknown>;

// The names of the test_* rules of a test module's source.
function testNames(source: string): string[] {
  return [...source.matchAll(/^(test_[A-Za-z0-9_]+)\b/gm)].map((m) => m[1]!);
}

describe("the built-in bundle", () => {
  it("has at least 70 rules, 18 of them cloud-solution-provider checks", () => {
    expect(bundle.rules.length).toBeGreaterThanOrEqual(70);
    expect(bundle.rules.filter((r) => r.id.startsWith("CSP-")).length).toBeGreaterThanOrEqual(18);
  });

  it("gives every rule a unique id of the catalogue's scheme", () => {
    const ids = bundle.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(ID_PATTERN);
  });

  it("gives every rule the required metadata", () => {
    for (const doc of docs) {
      const { info } = doc;
      const where = `${info.id} (${relative(ROOT, info.file)})`;
      expect(info.title.length, where).toBeGreaterThan(10);
      expect(info.description.length, where).toBeGreaterThan(40);
      expect(BASELINES, where).toContain(info.baseline);
      expect(info.resourceTypes.length, where).toBeGreaterThan(0);
      for (const t of info.resourceTypes) expect(t, where).toMatch(/^microsoft\.[a-z]+\/[a-z/]+$/);
      expect(info.remediation?.length ?? 0, where).toBeGreaterThan(20);
      expect(info.references.length, where).toBeGreaterThan(0);
      for (const ref of info.references) expect(ref, where).toMatch(/^https:\/\//);
      expect(info.references.some((r) => r.startsWith("https://learn.microsoft.com/")), where).toBe(true);
      for (const name of Object.keys(info.frameworks)) expect(FRAMEWORKS, `${where}: framework ${name}`).toContain(name);
      if (!info.manual) expect(doc.failsWhen?.length ?? 0, `${where}: custom.fails_when`).toBeGreaterThan(20);
      const examples = custom(doc)["remediation_examples"];
      if (examples !== undefined) expect(Object.keys(examples as object).sort(), where).toEqual(["arm", "bicep", "terraform"]);
    }
  });

  it("cites the seed document's section in every cloud-solution-provider rule", () => {
    for (const info of bundle.rules.filter((r) => r.id.startsWith("CSP-"))) {
      expect(info.references.some((r) => r.includes("expressroute-for-cloud-solution-providers")), info.id).toBe(true);
    }
  });

  it("keeps each rule in policies/<baseline>/<rule>.rego with the package the file names", () => {
    for (const info of bundle.rules) {
      const rel = relative(BUILTIN_POLICY_DIR, info.file).split(/[\\/]/);
      expect(rel, info.id).toHaveLength(2);
      const [folder, file] = rel as [string, string];
      expect(folder, info.id).toBe(info.baseline);
      expect(info.package, info.id).toBe(`data.erguard.rules.${folder.replaceAll("-", "_")}.${basename(file, ".rego")}`);
    }
  });

  it("has a test module beside every rule, with passing and failing cases (and unknown ones where the rule has them)", () => {
    for (const info of bundle.rules) {
      const testFile = info.file.replace(/\.rego$/, "_test.rego");
      expect(existsSync(testFile), `${info.id}: ${relative(ROOT, testFile)}`).toBe(true);
      const source = readFileSync(testFile, "utf8");
      expect(source, info.id).toContain(`package ${info.package.slice("data.".length)}_test`);
      const names = testNames(source);
      if (info.manual) {
        expect(names.length, info.id).toBeGreaterThan(0);
        continue;
      }
      expect(names.some((n) => n.includes("pass")), `${info.id}: a test_…pass… case`).toBe(true);
      expect(names.some((n) => n.includes("fail")), `${info.id}: a test_…fail… case`).toBe(true);
      const ruleSource = readFileSync(info.file, "utf8");
      if (/^unknown contains/m.test(ruleSource)) expect(names.some((n) => n.includes("unknown")), `${info.id}: a test_…unknown… case`).toBe(true);
    }
  });

  it("passes its own Rego unit tests", () => {
    const bad = tests.filter((t) => t.outcome === "fail" || t.outcome === "error").map((t) => `${t.name}: ${t.outcome} ${t.error ?? ""}`);
    expect(bad).toEqual([]);
    expect(tests.length).toBeGreaterThan(bundle.rules.length * 2);
  });
});

describe("the catalogue (policies/catalog.yaml)", () => {
  it("lists every check once, with its evidence", () => {
    const ids = catalog.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of catalog) {
      expect(c.id, JSON.stringify(c)).toMatch(ID_PATTERN);
      expect(EVIDENCE, c.id).toContain(c.evidence);
      expect(BASELINES, c.id).toContain(c.baseline);
    }
  });

  it("has an entry for every rule that agrees with the rule's title, baseline, anchors and attestation", () => {
    const byId = new Map(catalog.map((c) => [c.id, c]));
    for (const info of bundle.rules) {
      const entry = byId.get(info.id);
      expect(entry, `${info.id} is not in the catalogue`).toBeDefined();
      expect(entry!.title, info.id).toBe(info.title);
      expect(entry!.baseline, info.id).toBe(info.baseline);
      expect(entry!.evidence === "attestation", info.id).toBe(info.manual);
      expect(entry!.anchors ?? {}, info.id).toEqual(info.frameworks);
    }
  });

  it("has a rule for every check whose evidence a snapshot or an attestation can hold", () => {
    const ruleIds = new Set(bundle.rules.map((r) => r.id));
    const missing = catalog.filter((c) => c.evidence !== "not-collected" && !ruleIds.has(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
  });
});

describe("the rule pages (docs/rules)", () => {
  it("are what `erguard policy docs` generates from the rules (run it after editing a rule)", () => {
    const expected = renderRuleDocs(docs, ROOT);
    const present = readdirSync(DOCS_DIR).filter((f) => f.endsWith(".md")).sort();
    expect(present).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(DOCS_DIR, name), "utf8"), `docs/rules/${name} is stale`).toBe(text);
  });
});
