// Runs ../shared/conformance/run-cases.mjs against the built engine and returns per-case results.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export interface CaseResult {
  readonly file: string;
  readonly note: string;
  readonly ok: boolean;
  readonly why?: string;
}

export function runConformance(root: string, casesDir: string): CaseResult[] {
  const dir = mkdtempSync(join(tmpdir(), "erguard-conformance-"));
  const out = join(dir, "report.json");
  try {
    try {
      execFileSync(
        process.execPath,
        [join(root, "..", "shared", "conformance", "run-cases.mjs"), "--engine", join(root, "dist", "rego", "index.js"), "--json", out, casesDir],
        { cwd: root, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (e) {
      // The runner exits 1 when any case fails; the report is still written.
      if (!(e instanceof Error) || !("status" in e) || e.status !== 1) throw e;
    }
    const report = JSON.parse(readFileSync(out, "utf8")) as CaseResult[];
    // Some files repeat a note; number the repeats so that every case has its own key.
    const seen = new Map<string, number>();
    return report.map((r) => {
      const file = relative(casesDir, r.file);
      const key = `${file} :: ${r.note}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return { ...r, file, note: n > 1 ? `${r.note} #${n}` : r.note };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function caseKey(r: CaseResult): string {
  return `${r.file} :: ${r.note}`;
}
