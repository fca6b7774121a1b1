// Runs Rego unit tests the way `opa test` does: every rule named test_* is a test that passes
// when it evaluates to true; todo_test_* rules are skipped and reported.

import type { RE2JS } from "re2js";
import { ErguardError } from "../errors.js";
import { re2js } from "../lazy-libraries.js";
import { Policy, RegoError, type Location } from "../rego/index.js";
import type { PolicyFiles } from "./policy-files.js";

export type TestOutcome = "pass" | "fail" | "error" | "skip";

export interface TestResult {
  readonly name: string; // data.pkg.test_x
  readonly package: string;
  readonly location: Location;
  readonly outcome: TestOutcome;
  readonly durationMs: number;
  readonly error?: string;
  readonly output: readonly string[]; // what print() wrote while the test ran
}

export interface TestRunOptions {
  readonly run?: string; // a regular expression (RE2) the test's full name must match
  readonly coverage?: boolean;
}

// Which lines of the policy modules (test modules excluded) the tests evaluated.
export interface CoverageReport {
  readonly files: Record<string, { readonly covered: number[]; readonly notCovered: number[]; readonly coverage: number }>;
  readonly coverage: number; // percent of coverable lines, all files
}

export interface TestRun {
  readonly results: TestResult[];
  readonly coverage?: CoverageReport;
}

export function runPolicyTests(files: PolicyFiles, options: TestRunOptions = {}): TestResult[] {
  return runPolicyTestsWithCoverage(files, options).results;
}

export function runPolicyTestsWithCoverage(files: PolicyFiles, options: TestRunOptions = {}): TestRun {
  const covered = options.coverage ? new Set<string>() : undefined;
  let filter: RE2JS | undefined;
  if (options.run !== undefined) {
    try {
      filter = re2js().RE2JS.compile(options.run);
    } catch (e) {
      throw new ErguardError("bad_config", `--run is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  // Compile errors (parse, unsafe variables, …) propagate: the caller exits 2.
  const policy = Policy.compile(files.modules);
  const tests = new Map<string, { pkg: string; rule: string; location: Location }>();
  for (const m of policy.modules) {
    for (const r of m.rules) {
      const head = r.head.ref[0]!;
      if (head.type !== "var" || r.head.ref.length !== 1 || r.head.kind === "function") continue;
      if (!head.name.startsWith("test_") && !head.name.startsWith("todo_test_")) continue;
      const pkg = ["data", ...m.package.path].join(".");
      const name = `${pkg}.${head.name}`;
      if (!tests.has(name)) tests.set(name, { pkg, rule: head.name, location: r.loc });
    }
  }
  const results: TestResult[] = [];
  for (const [name, t] of tests) {
    if (filter && !filter.matcher(name).find()) continue;
    if (t.rule.startsWith("todo_")) {
      results.push({ name, package: t.pkg, location: t.location, outcome: "skip", durationMs: 0, output: [] });
      continue;
    }
    const output: string[] = [];
    const started = performance.now();
    let outcome: TestOutcome;
    let error: string | undefined;
    try {
      const rows = policy.query(`x := ${refFor(t.pkg, t.rule)}`, {
        data: files.data,
        print: (loc, text) => output.push(`${loc ? `${loc.file}:${loc.row}: ` : ""}${text}`),
        ...(covered ? { coverage: covered } : {}),
      });
      outcome = rows.length > 0 && rows.every((r) => r["x"] === true) ? "pass" : "fail";
    } catch (e) {
      if (!(e instanceof RegoError)) throw e;
      outcome = "error";
      error = e.message;
    }
    results.push({
      name,
      package: t.pkg,
      location: t.location,
      outcome,
      durationMs: performance.now() - started,
      ...(error !== undefined ? { error } : {}),
      output,
    });
  }
  const modulePaths = new Set(files.modules.map((m) => m.path));
  return covered ? { results, coverage: coverageReport(policy.coverableLines(), covered, modulePaths) } : { results };
}

function coverageReport(coverable: ReadonlySet<string>, covered: ReadonlySet<string>, modules: ReadonlySet<string>): CoverageReport {
  const byFile = new Map<string, { covered: Set<number>; all: Set<number> }>();
  const add = (key: string, hit: boolean) => {
    const i = key.lastIndexOf(":");
    const file = key.slice(0, i);
    if (file.endsWith("_test.rego") || !modules.has(file)) return;
    const row = Number(key.slice(i + 1));
    const f = byFile.get(file) ?? { covered: new Set<number>(), all: new Set<number>() };
    f.all.add(row);
    if (hit) f.covered.add(row);
    byFile.set(file, f);
  };
  for (const k of coverable) add(k, covered.has(k));
  for (const k of covered) add(k, true);
  let total = 0;
  let hit = 0;
  const files: Record<string, { covered: number[]; notCovered: number[]; coverage: number }> = {};
  for (const [file, f] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = [...f.all].sort((a, b) => a - b);
    total += rows.length;
    hit += f.covered.size;
    files[file] = {
      covered: rows.filter((r) => f.covered.has(r)),
      notCovered: rows.filter((r) => !f.covered.has(r)),
      coverage: percent(f.covered.size, rows.length),
    };
  }
  return { files, coverage: percent(hit, total) };
}

function percent(n: number, of: number): number {
  return of === 0 ? 100 : Math.round((1000 * n) / of) / 10;
}

// A ref to a rule; package path segments that are not identifiers are quoted.
function refFor(pkg: string, rule: string): string {
  const parts = pkg.split(".").slice(1);
  return "data" + parts.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join("") + `.${rule}`;
}
