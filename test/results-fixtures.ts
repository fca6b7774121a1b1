// The results fixtures the report tests render (fixtures/results/), loaded the way the CLI
// loads them.
import { fileURLToPath } from "node:url";
import { loadResults } from "../src/report/json.js";
import type { Results } from "../src/evaluate/results.js";

export const FIXTURE_NAMES = ["csp-nightly", "pr-iac", "pr-iac-base", "hostile"] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export function fixturePath(name: FixtureName): string {
  return fileURLToPath(new URL(`../fixtures/results/${name}.results.json`, import.meta.url));
}

export function fixture(name: FixtureName): Promise<Results> {
  return loadResults(fixturePath(name));
}
