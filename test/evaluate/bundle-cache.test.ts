import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBundleCache, writeBundleCache } from "../../src/evaluate/bundle-cache.js";
import { BUILTIN_POLICY_DIR } from "../../src/evaluate/bundle.js";
import { loadPolicyFiles } from "../../src/evaluate/policy-files.js";
import { Policy, parseModule } from "../../src/rego/index.js";

const cacheFile = join(mkdtempSync(join(tmpdir(), "erguard-cache-")), "cache.json");
const written = await writeBundleCache(BUILTIN_POLICY_DIR, cacheFile);

describe("the build-time cache of the built-in bundle", () => {
  it("gives the same annotations as parsing every METADATA block", async () => {
    expect(written.annotations).toBeGreaterThan(90);
    expect(written.modules).toBeGreaterThan(90);
    const cache = readBundleCache(cacheFile).annotations;
    const modules = (await loadPolicyFiles([BUILTIN_POLICY_DIR])).modules.filter((m) => !m.path.endsWith("_test.rego"));
    const parsed = Policy.compile(modules).annotations;
    const cached = Policy.compile(modules, { annotationCache: cache }).annotations;
    expect(cached).toEqual(parsed);
  });

  it("gives the syntax tree parsing gives, and parses a module whose text changed", async () => {
    const modules = (await loadPolicyFiles([BUILTIN_POLICY_DIR])).modules;
    const cache = readBundleCache(cacheFile);
    for (const m of modules.filter((x) => !x.path.endsWith("_test.rego"))) {
      expect(cache.module(BUILTIN_POLICY_DIR, m.path, m.source)).toEqual(parseModule(m.source, m.path));
    }
    const m = modules.find((x) => x.path.endsWith("resources.rego"))!;
    const edited = m.source + "\nextra := 1\n";
    expect(cache.module(BUILTIN_POLICY_DIR, m.path, edited).rules.length).toBe(parseModule(m.source, m.path).rules.length + 1);
  });

  it("names the files where the bundle is now, not where it was built", () => {
    const moved = join(mkdtempSync(join(tmpdir(), "erguard-moved-é ")), "policies");
    cpSync(BUILTIN_POLICY_DIR, moved, { recursive: true });
    const path = join(moved, "lib", "resources.rego");
    const source = readFileSync(path, "utf8");
    const module = readBundleCache(cacheFile).module(moved, path, source);
    expect(module).toEqual(parseModule(source, path));
    expect(module.rules[0]!.loc.file).toBe(path);
  });

  it("gives the data file's value parsing gives, a new copy each time, and parses a data file whose text changed", async () => {
    expect(written.dataFiles).toBe(1);
    const cache = readBundleCache(cacheFile);
    const path = join(BUILTIN_POLICY_DIR, "data.yaml");
    const text = readFileSync(path, "utf8");
    const first = cache.data(BUILTIN_POLICY_DIR, path, text);
    expect(first).toEqual((await loadPolicyFiles([path])).data);
    expect(first).toEqual(cache.data(BUILTIN_POLICY_DIR, path, text));
    expect(first).not.toBe(cache.data(BUILTIN_POLICY_DIR, path, text));
    expect(cache.data(BUILTIN_POLICY_DIR, path, text + "\nextra: 1\n")).toBeUndefined();
  });

  it("leaves out a data file whose value JSON cannot hold", async () => {
    const dir = mkdtempSync(join(tmpdir(), "erguard-inf-"));
    writeFileSync(join(dir, "data.yaml"), "limit: .inf\nname: x\n");
    const file = join(dir, "cache.json");
    expect((await writeBundleCache(dir, file)).dataFiles).toBe(0);
    expect(readBundleCache(file).data(dir, join(dir, "data.yaml"), "limit: .inf\nname: x\n")).toBeUndefined();
  });

  it("parses everything when the cache file is missing or of another format", () => {
    const m = { path: join(BUILTIN_POLICY_DIR, "x.rego"), source: "package x\n\ny := 1\n" };
    for (const file of [join(tmpdir(), "erguard-no-such-cache.json"), join(BUILTIN_POLICY_DIR, "data.yaml")]) {
      const cache = readBundleCache(file);
      expect(cache.annotations.size).toBe(0);
      expect(cache.data(BUILTIN_POLICY_DIR, join(BUILTIN_POLICY_DIR, "data.yaml"), "a: 1\n")).toBeUndefined();
      expect(cache.module(BUILTIN_POLICY_DIR, m.path, m.source)).toEqual(parseModule(m.source, m.path));
    }
  });

  it("still parses a block that is not in the cache, and still checks its keys", () => {
    const source = "# METADATA\n# title: new rule\n# colour: blue\npackage p\n";
    const cache = new Map([["title: new rule\ncolour: blue", { title: "new rule", colour: "blue" }]]);
    expect(() => Policy.compile([{ path: "p.rego", source }], { annotationCache: cache })).toThrow(/unknown annotation key "colour"/);
    const fresh = Policy.compile([{ path: "q.rego", source: "# METADATA\n# title: fresh\npackage q\n" }], { annotationCache: cache });
    expect(fresh.annotations[0]!.annotations).toEqual({ title: "fresh", scope: "package" });
  });
});
