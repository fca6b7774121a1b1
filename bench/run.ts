// npm run bench: the scan's speed and memory on generated estates of 1,000, 10,000 and
// 100,000 resources, the Rego engine against hand-written TypeScript on five rules, and the
// cold start of a one-template scan. Prints a table and writes bench/results.json.
//   node bench/run.ts [--sizes 1000,10000] [--cold-runs 7]

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isLargeWork, LARGE_WORK_FLAGS } from "../dist/cli/large-work.js";
import { generateEstate } from "./generate-estate.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg("--sizes") ?? "1000,10000,100000").split(",").map(Number);
const coldRuns = Number(arg("--cold-runs") ?? 7);

type Stage = Record<string, unknown> & { scanMs: number; jsonParseMs: number; peakRssMb: number };

// The stages of `erguard scan <file>` in a process of their own, with the V8 flags the CLI would
// start with for that file (src/cli/large-work.ts).
function stages(file: string, extra: string[] = []): Stage {
  const v8Flags = isLargeWork(["scan", file], (path) => statSync(path).size) ? LARGE_WORK_FLAGS : [];
  const r = spawnSync(process.execPath, [...v8Flags, join(root, "bench", "stages.ts"), file, ...extra], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench/stages.ts ${file} failed:\n${r.stderr}`);
  return { ...(JSON.parse(r.stdout.trim().split("\n").pop()!) as Stage), v8Flags };
}

const dir = mkdtempSync(join(tmpdir(), "erguard-bench-"));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length };
try {
  const bySize: Record<number, Stage> = {};
  for (const n of sizes) {
    const file = join(dir, `estate-${n}.json`);
    writeFileSync(file, JSON.stringify(generateEstate({ resources: n, seed: 1 })));
    process.stderr.write(`scanning ${n} resources…\n`);
    bySize[n] = stages(file);
  }
  results["sizes"] = bySize;

  const largest = Math.max(...sizes);
  process.stderr.write(`native baseline on ${largest} resources…\n`);
  const native = stages(join(dir, `estate-${largest}.json`), ["--native"]);
  results["native"] = native;

  process.stderr.write("cold start…\n");
  const template = join(root, "fixtures", "arm", "expressroute-circuit.json");
  const params = join(root, "fixtures", "arm", "expressroute-circuit.parameters.json");
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const out = join(dir, `cold-${i}`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, "dist", "cli", "main.js"), "scan", template, "--parameters", params, "--out", out, "--format", "json", "--fail-on", "none", "-q"], { encoding: "utf8" });
    cold.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`cold-start scan failed: ${r.stderr}`);
  }
  cold.sort((a, b) => a - b);
  results["coldStartMs"] = { median: round(cold[Math.floor(cold.length / 2)]!), min: round(cold[0]!), max: round(cold[cold.length - 1]!), runs: cold.map(round) };

  printTable(bySize, native, results["coldStartMs"] as { median: number; min: number; max: number });
  writeFileSync(join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  process.stderr.write("wrote bench/results.json\n");
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function printTable(bySize: Record<number, Stage>, native: Stage, cold: { median: number; min: number; max: number }): void {
  const cols = ["loadValidateMs", "compileBundleMs", "indexMs", "evaluateMs", "sarifMs", "htmlMs", "mdMs", "jsonMs", "scanMs", "peakRssMb", "findings"];
  const lines: string[] = [];
  lines.push(["resources".padStart(10), ...cols.map((c) => c.replace(/Ms$/, " ms").padStart(16))].join(""));
  for (const [n, s] of Object.entries(bySize)) lines.push([n.padStart(10), ...cols.map((c) => String(s[c]).padStart(16))].join(""));
  lines.push("");
  for (const [n, s] of Object.entries(bySize)) {
    const flags = (s["v8Flags"] as string[]).join(" ");
    lines.push(`${n}: ${flags ? `with ${flags} (as erguard scan starts for a file this large); ` : ""}whole scan / JSON.parse = ${(s.scanMs / s.jsonParseMs).toFixed(1)}x; top rules: ${(s["topRules"] as { id: string; ms: number }[]).slice(0, 5).map((r) => `${r.id} ${r.ms} ms`).join(", ")}`);
  }
  const ns = Object.keys(bySize).map(Number);
  if (ns.includes(10000) && ns.includes(100000)) {
    lines.push(`growth 10,000 → 100,000: ${(bySize[100000]!.scanMs / bySize[10000]!.scanMs).toFixed(1)}x (goal ≤ 11x)`);
  }
  lines.push(`five rules: Rego ${native["regoFiveMs"]} ms vs TypeScript ${native["nativeMs"]} ms = ${(Number(native["regoFiveMs"]) / Number(native["nativeMs"])).toFixed(1)}x (goal ≤ 3x); with result entries ${native["regoFiveResultsMs"]} ms`);
  lines.push(`  failures native ${JSON.stringify(native["nativeFailures"])} rego ${JSON.stringify(native["regoFailures"])}`);
  lines.push(`cold start of a one-template scan: median ${cold.median} ms (min ${cold.min}, max ${cold.max}; goal < 400 ms)`);
  process.stdout.write(lines.join("\n") + "\n");
}
