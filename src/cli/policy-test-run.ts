import { relative } from "node:path";
import { ErguardError } from "../errors.js";
import { loadPolicyFiles } from "../evaluate/policy-files.js";
import { runPolicyTestsWithCoverage, type CoverageReport, type TestResult } from "../evaluate/policy-test.js";
import type { PolicyTestCliOptions } from "./policy.js";

// Returns the exit code: 0 all pass, 1 a test failed or errored (2 comes from thrown errors).
export async function runPolicyTestCommand(paths: string[], opts: PolicyTestCliOptions): Promise<number> {
  if (opts.format !== "pretty" && opts.format !== "json") {
    throw new ErguardError("bad_config", `unknown --format ${JSON.stringify(opts.format)}: expected pretty or json`);
  }
  const files = await loadPolicyFiles(paths);
  const { results, coverage } = runPolicyTestsWithCoverage(files, { run: opts.run, coverage: opts.coverage === true });
  if (opts.format === "json") {
    const tests = results.map(toJson);
    process.stdout.write(JSON.stringify(coverage ? { tests, coverage } : tests, null, 2) + "\n");
  } else {
    process.stdout.write(pretty(results, opts.verbose === true));
    if (coverage) process.stdout.write(prettyCoverage(coverage));
  }
  return results.some((r) => r.outcome === "fail" || r.outcome === "error") ? 1 : 0;
}

function toJson(r: TestResult) {
  return {
    location: { file: r.location.file, row: r.location.row, col: r.location.col },
    package: r.package,
    name: r.name.slice(r.package.length + 1),
    ...(r.outcome === "fail" ? { fail: true } : {}),
    ...(r.outcome === "skip" ? { skip: true } : {}),
    ...(r.error !== undefined ? { error: { message: r.error } } : {}),
    ...(r.output.length > 0 ? { output: r.output.join("\n") } : {}),
    duration: Math.round(r.durationMs * 1e6),
  };
}

function pretty(results: readonly TestResult[], verbose: boolean): string {
  const lines: string[] = [];
  let file = "";
  for (const r of results) {
    const f = relative(process.cwd(), r.location.file) || r.location.file;
    if (f !== file) {
      if (file) lines.push("");
      lines.push(`${f}:`);
      file = f;
    }
    const label = { pass: "PASS", fail: "FAIL", error: "ERROR", skip: "SKIPPED" }[r.outcome];
    lines.push(`${r.name}: ${label} (${formatDuration(r.durationMs)}) at ${f}:${r.location.row}`);
    if (r.error) lines.push(`  ${r.error}`);
    if (verbose && (r.outcome === "fail" || r.outcome === "error")) for (const o of r.output) lines.push(`  ${o}`);
  }
  const count = (o: TestResult["outcome"]) => results.filter((r) => r.outcome === o).length;
  lines.push("-".repeat(80));
  const total = results.length;
  const parts = [`PASS: ${count("pass")}/${total}`];
  if (count("fail")) parts.push(`FAIL: ${count("fail")}/${total}`);
  if (count("error")) parts.push(`ERROR: ${count("error")}/${total}`);
  if (count("skip")) parts.push(`SKIPPED: ${count("skip")}/${total}`);
  lines.push(parts.join("\n"));
  return lines.join("\n") + "\n";
}

function prettyCoverage(c: CoverageReport): string {
  const lines = ["", "coverage:"];
  for (const [file, f] of Object.entries(c.files)) {
    const missing = f.notCovered.length > 0 ? ` (not covered: ${ranges(f.notCovered)})` : "";
    lines.push(`  ${relative(process.cwd(), file) || file}: ${f.coverage}%${missing}`);
  }
  lines.push(`  total: ${c.coverage}%`);
  return lines.join("\n") + "\n";
}

// 3,4,5,9 → "3-5, 9"
function ranges(rows: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(i === j ? `${rows[i]}` : `${rows[i]}-${rows[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

function formatDuration(ms: number): string {
  return ms < 1 ? `${Math.round(ms * 1000)}µs` : ms < 1000 ? `${ms.toFixed(1)}ms` : `${(ms / 1000).toFixed(2)}s`;
}
