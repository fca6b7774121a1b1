import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsedModule, writeBundleCache } from "../../src/evaluate/bundle-cache.js";
import { BUILTIN_POLICY_DIR } from "../../src/evaluate/bundle.js";
import { loadPolicyFiles } from "../../src/evaluate/policy-files.js";
import { Policy, parseModule } from "../../src/rego/index.js";

describe("the build-time cache of the built-in bundle", () => {
  it("gives the same annotations as parsing every METADATA block", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "erguard-cache-")), "cache.json");
    const n = await writeBundleCache(BUILTIN_POLICY_DIR, file);
    expect(n.annotations).toBeGreaterThan(90);
    expect(n.modules).toBeGreaterThan(90);
    const written = JSON.parse(readFileSync(file, "utf8")) as { annotations: Record<string, Record<string, unknown>> };
    const cache = new Map(Object.entries(written.annotations));
    const modules = (await loadPolicyFiles([BUILTIN_POLICY_DIR])).modules.filter((m) => !m.path.endsWith("_test.rego"));
    const parsed = Policy.compile(modules).annotations;
    const cached = Policy.compile(modules, { annotationCache: cache }).annotations;
    expect(cached).toEqual(parsed);
  });

  it("gives the syntax tree parsing gives, and parses a module whose text changed", async () => {
    const modules = (await loadPolicyFiles([BUILTIN_POLICY_DIR])).modules;
    const m = modules.find((x) => x.path.endsWith("resources.rego"))!;
    expect(parsedModule(BUILTIN_POLICY_DIR, m.path, m.source)).toEqual(parseModule(m.source, m.path));
    const edited = m.source + "\nextra := 1\n";
    expect(parsedModule(BUILTIN_POLICY_DIR, m.path, edited).rules.length).toBe(parseModule(m.source, m.path).rules.length + 1);
  });

  it("still parses a block that is not in the cache, and still checks its keys", () => {
    const source = "# METADATA\n# title: new rule\n# colour: blue\npackage p\n";
    const cache = new Map([["title: new rule\ncolour: blue", { title: "new rule", colour: "blue" }]]);
    expect(() => Policy.compile([{ path: "p.rego", source }], { annotationCache: cache })).toThrow(/unknown annotation key "colour"/);
    const fresh = Policy.compile([{ path: "q.rego", source: "# METADATA\n# title: fresh\npackage q\n" }], { annotationCache: cache });
    expect(fresh.annotations[0]!.annotations).toEqual({ title: "fresh", scope: "package" });
  });
});
