import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAnnotationCache } from "../../src/evaluate/annotation-cache.js";
import { BUILTIN_POLICY_DIR } from "../../src/evaluate/bundle.js";
import { loadPolicyFiles } from "../../src/evaluate/policy-files.js";
import { Policy } from "../../src/rego/index.js";

describe("the annotation cache of the built-in bundle", () => {
  it("gives the same annotations as parsing every METADATA block", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "erguard-cache-")), "cache.json");
    const n = await writeAnnotationCache([BUILTIN_POLICY_DIR], file);
    expect(n).toBeGreaterThan(90);
    const cache = new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, unknown>>));
    const modules = (await loadPolicyFiles([BUILTIN_POLICY_DIR])).modules.filter((m) => !m.path.endsWith("_test.rego"));
    const parsed = Policy.compile(modules).annotations;
    const cached = Policy.compile(modules, { annotationCache: cache }).annotations;
    expect(cached).toEqual(parsed);
  });

  it("still parses a block that is not in the cache, and still checks its keys", () => {
    const source = "# METADATA\n# title: new rule\n# colour: blue\npackage p\n";
    const cache = new Map([["title: new rule\ncolour: blue", { title: "new rule", colour: "blue" }]]);
    expect(() => Policy.compile([{ path: "p.rego", source }], { annotationCache: cache })).toThrow(/unknown annotation key "colour"/);
    const fresh = Policy.compile([{ path: "q.rego", source: "# METADATA\n# title: fresh\npackage q\n" }], { annotationCache: cache });
    expect(fresh.annotations[0]!.annotations).toEqual({ title: "fresh", scope: "package" });
  });
});
