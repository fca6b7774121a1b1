// Golden tests: every template in fixtures/arm/ and every plan in fixtures/terraform/*/ is
// collected and its normalised resources compared with <name>.expected.json beside it.
// ERGUARD_UPDATE_GOLDEN=1 rewrites the expected files (review the diff before committing).

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { collectFiles } from "../../src/collect/files.js";
import { SILENT_PROGRESS } from "../../src/collect/types.js";
import { validateSnapshot } from "../../src/snapshot/validate.js";

const root = resolve(import.meta.dirname, "../..");
const update = process.env["ERGUARD_UPDATE_GOLDEN"] === "1";

interface Case {
  readonly input: string;
  readonly parameters: string[];
  readonly expected: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  const arm = join(root, "fixtures/arm");
  for (const name of readdirSync(arm).filter((n) => n.endsWith(".json") && !/\.(parameters|expected)\.json$/.test(n)).sort()) {
    const base = name.replace(/\.json$/, "");
    const parameters = join(arm, `${base}.parameters.json`);
    out.push({ input: join(arm, name), parameters: existsSync(parameters) ? [parameters] : [], expected: join(arm, `${base}.expected.json`) });
  }
  const terraform = join(root, "fixtures/terraform");
  for (const dir of readdirSync(terraform).sort()) {
    out.push({ input: join(terraform, dir, "plan.json"), parameters: [], expected: join(terraform, dir, "plan.expected.json") });
  }
  return out;
}

describe("golden fixtures", () => {
  for (const c of cases()) {
    it(`collects ${c.input.slice(root.length + 1)} into the expected resources`, async () => {
      const snapshot = await collectFiles([c.input], { parameterFiles: c.parameters, params: {}, baseDir: root, progress: SILENT_PROGRESS });
      expect(() => validateSnapshot(snapshot, c.input)).not.toThrow();
      if (update) writeFileSync(c.expected, JSON.stringify(snapshot.resources, null, 2) + "\n");
      const expected: unknown = JSON.parse(readFileSync(c.expected, "utf8"));
      expect(snapshot.resources).toEqual(expected);
    });
  }
});
