// Writes passing.txt from a fresh run (npm run conformance:record), after the engine improved.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { caseKey, runConformance } from "./run.ts";

const root = join(import.meta.dirname, "..", "..");
const results = runConformance(root, join(root, "..", "shared", "opa-conformance"));
const passing = [...new Set(results.filter((r) => r.ok).map(caseKey))].sort();
writeFileSync(
  join(import.meta.dirname, "passing.txt"),
  `# OPA conformance cases the engine passes (test/conformance/conformance.test.ts guards them).\n# ${passing.length} of ${results.length} cases.\n${passing.join("\n")}\n`,
);
console.log(`${passing.length} of ${results.length} cases pass`);
