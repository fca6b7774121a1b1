// Golden estates (fixtures/estates/<name>/): each is scanned with the built CLI, as a user would,
// and the whole result set — rule, resource and status of every entry — must equal the committed
// expected-results.json. EXPECTED.yaml beside it lists the estate's deliberate violations (each
// must be a `fail` of the intended rule, or `waived` where erguard.yaml waives it), its other
// outcomes (unknown, manual, attested), the scan's exit code, and the built-in rules the estate
// does not exercise, with the reason. `npm run golden` (golden-results.ts) derives
// expected-results.json from EXPECTED.yaml and the rules' metadata, never from a scan.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Results, Status } from "../../src/evaluate/results.js";
import { ROOT, runCli, type CliRun } from "../cli/run-cli.js";

interface Expectation {
  readonly rule: string;
  readonly resource: string;
  readonly status?: Status;
  readonly why: string;
}

interface Expected {
  readonly exit: number;
  readonly violations: readonly Expectation[];
  readonly outcomes?: readonly Expectation[];
  readonly not_exercised?: readonly { readonly rule: string; readonly why: string }[];
}

type Entry = [rule: string, resource: string | null, status: Status];

const ESTATES = join(ROOT, "fixtures/estates");
const estates = readdirSync(ESTATES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const dir = mkdtempSync(join(tmpdir(), "erguard-estates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scans = new Map<string, { run: CliRun; results: Results }>();
function scan(estate: string): { run: CliRun; results: Results } {
  let done = scans.get(estate);
  if (done === undefined) {
    const out = join(dir, estate);
    const config = join("fixtures/estates", estate, "erguard.yaml");
    const run = runCli([
      "scan",
      join("fixtures/estates", estate, "snapshot.json"),
      ...(existsSync(join(ROOT, config)) ? ["--config", config] : []),
      "--out",
      out,
      "--format",
      "json",
    ]);
    done = { run, results: JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as Results };
    scans.set(estate, done);
  }
  return done;
}

const entriesOf = (results: Results): Entry[] => results.results.map((e) => [e.ruleId, e.resourceId, e.status]);

describe.each(estates)("the %s estate", (estate) => {
  const expected = parse(readFileSync(join(ESTATES, estate, "EXPECTED.yaml"), "utf8")) as Expected;

  it("scans to exactly the expected result set", () => {
    const { results } = scan(estate);
    const golden = JSON.parse(readFileSync(join(ESTATES, estate, "expected-results.json"), "utf8")) as Entry[];
    expect(entriesOf(results)).toEqual(golden);
  });

  it("fails each deliberate violation on the rule it is meant for", () => {
    const { results } = scan(estate);
    expect(expected.violations.length).toBeGreaterThan(0);
    for (const v of expected.violations) {
      const entry = results.results.find((e) => e.ruleId === v.rule && e.resourceId?.toLowerCase() === v.resource.toLowerCase());
      expect(entry?.status, `${v.rule} on ${v.resource} (${v.why})`).toBe(v.status ?? "fail");
    }
  });

  it("has the other outcomes EXPECTED.yaml names", () => {
    const { results } = scan(estate);
    for (const o of expected.outcomes ?? []) {
      const entry = results.results.find((e) => e.ruleId === o.rule && e.resourceId?.toLowerCase() === o.resource.toLowerCase());
      expect(entry?.status, `${o.rule} on ${o.resource} (${o.why})`).toBe(o.status);
    }
  });

  it("exits with the expected code and no rule errors", () => {
    const { run, results } = scan(estate);
    expect(results.errors).toEqual([]);
    expect(run.code, run.stderr).toBe(expected.exit);
  });

  // The small estates cover one connection model each; the demo covers the bundle.
  it.runIf(estate === "demo")("exercises every built-in rule, or says why not", () => {
    const { results } = scan(estate);
    const exercised = new Set(results.results.map((e) => e.ruleId));
    const excused = new Map((expected.not_exercised ?? []).map((n) => [n.rule, n.why]));
    for (const rule of results.rules) {
      if (excused.has(rule.id)) expect(exercised.has(rule.id), `${rule.id} is exercised now: drop it from not_exercised`).toBe(false);
      else expect(exercised.has(rule.id), `${rule.id} has no entry in the demo estate`).toBe(true);
    }
  });
});
