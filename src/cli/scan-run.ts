import { appendFile, mkdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { collectFiles } from "../collect/files.js";
import { detectContent } from "../collect/detect.js";
import { ErguardError } from "../errors.js";
import { builtinBundle, loadBundles, userBundle, type LoadedBundle } from "../evaluate/bundle.js";
import { loadConfig } from "../evaluate/config.js";
import { evaluateSnapshot } from "../evaluate/evaluate.js";
import { effectivePolicyConfig } from "../evaluate/policy-config.js";
import { gate, type FailOn } from "../evaluate/exit-code.js";
import { SEVERITIES, type Results } from "../evaluate/results.js";
import { parseFormats } from "../report/formats.js";
import { loadResults, renderJsonChunks } from "../report/json.js";
import { sourceLinksFromEnv } from "../report/links.js";
import { writeFilesAtomically, writeTextAtomically } from "../report/write.js";
import { parseJson } from "../snapshot/json-positions.js";
import { MAX_SNAPSHOT_BYTES } from "../snapshot/load.js";
import { readTextFile } from "../snapshot/read-text-file.js";
import { textSha256 } from "../snapshot/text-sha256.js";
import type { Snapshot } from "../snapshot/types.js";
import { validateSnapshot } from "../snapshot/validate.js";
import { parseParams } from "./collect-files.js";
import { createProgress, type TerminalProgress } from "./progress.js";
import type { ScanOptions } from "./scan.js";
import { azureOnlyOptionsUsed } from "./source-options.js";

// Returns the exit code.
export async function runScan(inputs: string[], opts: ScanOptions): Promise<number> {
  const formats = parseFormats(opts.format);
  const source = opts.source ?? "files";
  if (source !== "files" && source !== "azure") throw new ErguardError("bad_config", `--source "${source}": expected files or azure`);
  if (source === "files") {
    const azureOnly = azureOnlyOptionsUsed(opts);
    if (azureOnly.length > 0) throw new ErguardError("bad_config", `${azureOnly.join(", ")} needs --source azure`);
  }
  if (source === "files" && inputs.length === 0) {
    throw new ErguardError("bad_input", "nothing to scan: give snapshots, templates, plans or directories, or --source azure");
  }
  const progress = createProgress({ quiet: opts.quiet, verbose: opts.verbose });
  try {
    progress.stage("loading policy bundles");
    const bundle = await loadBundles([builtinBundle(), ...opts.policy.map(userBundle)]);
    const config = await loadConfig({ cwd: process.cwd(), ...(opts.config !== undefined ? { file: opts.config } : {}) });
    const policyConfig = effectivePolicyConfig(bundle, config);

    const collected = source === "azure" ? await collectLive(opts, bundle) : await collectInputs(inputs, opts, progress);
    await mkdir(opts.out, { recursive: true });
    if (collected.written === undefined) {
      const path = join(opts.out, "snapshot.json");
      await writeTextAtomically(path, collected.text);
      collected.written = path;
    }

    progress.stage(`evaluating ${bundle.rules.length} rules over ${collected.snapshot.resources.length} resources`);
    let results = evaluateSnapshot({
      snapshot: collected.snapshot,
      snapshotText: collected.text,
      snapshotSha256: await collected.sha256,
      snapshotFile: relative(process.cwd(), collected.written) || collected.written,
      bundle,
      ...(config ? { config } : {}),
      ...(policyConfig ? { policyConfig } : {}),
      only: opts.only,
      skip: opts.skip,
      onRule: (done, total) => progress.update({ filesDone: done, filesTotal: total }),
    });
    if (opts.baseline !== undefined) {
      const { applyBaseline } = await import("../evaluate/baseline.js");
      results = applyBaseline(results, await loadResults(opts.baseline), opts.baseline);
    }

    progress.stage("writing reports");
    const written = [join(opts.out, "results.json")];
    await writeFilesAtomically([{ path: written[0]!, chunks: () => renderJsonChunks(results) }]);
    const links = sourceLinksFromEnv(process.env);
    const others = formats.filter((f) => f !== "json");
    if (others.length > 0) {
      // The renderers load only when a format needs them: a PR gate writing SARIF starts fast.
      const { writeReports } = await import("../report/index.js");
      written.push(
        ...(await writeReports(results, {
          formats: others,
          outDir: opts.out,
          baseName: "erguard",
          sarif: {
            profile: opts.sarifProfile ?? (process.env["GITHUB_ACTIONS"] === "true" ? "github" : "full"),
            ...(opts.category !== undefined ? { category: opts.category } : {}),
          },
          markdown: links ? { links } : {},
        })),
      );
    }
    const summaryFile = process.env["GITHUB_STEP_SUMMARY"];
    if (summaryFile) {
      const { renderMarkdown } = await import("../report/markdown.js");
      await appendFile(summaryFile, renderMarkdown(results, links ? { links } : {}) + "\n");
    }
    progress.finish();

    const outcome = gate(results, opts.failOn as FailOn);
    if (!opts.quiet) process.stdout.write(summaryTable(results, collected.snapshot.resources.length, collected.written, written));
    process.stderr.write(`erguard: ${outcome.reason} (exit ${outcome.code})\n`);
    return outcome.code;
  } finally {
    progress.finish();
  }
}

interface Collected {
  readonly snapshot: Snapshot;
  readonly text: string;
  readonly sha256: Promise<string>; // of text, hashed in another thread while the scan goes on
  written: string | undefined; // where the snapshot file is (the input, or what we wrote)
}

// One snapshot file is read as it is (its lines stay valid for findings); anything else is
// collected into a new snapshot.
async function collectInputs(inputs: string[], opts: ScanOptions, progress: TerminalProgress): Promise<Collected> {
  if (inputs.length === 1 && (await isFile(inputs[0]!))) {
    const file = inputs[0]!;
    const text = await readTextFile(file, { maxBytes: MAX_SNAPSHOT_BYTES, what: "snapshots, templates and plans" });
    // Hashed while it is parsed (and for nothing when it turns out not to be a snapshot).
    const sha256 = textSha256(text);
    const value = parseJson(text, file, { allowComments: true });
    if (detectContent(value) === "snapshot") {
      progress.stage(`reading snapshot ${file}`);
      return { snapshot: validateSnapshot(value, file, text), text, sha256, written: file };
    }
  }
  const snapshot = await collectFiles(inputs, {
    parameterFiles: opts.parameters,
    params: parseParams(opts.param),
    baseDir: process.cwd(),
    progress,
  });
  const text = JSON.stringify(snapshot, null, 2) + "\n";
  return { snapshot, text, sha256: textSha256(text), written: undefined };
}

// Collects exactly the resource types the loaded rules name: all rules', whatever --only
// selects, since through the bundle's helpers a rule reads the types other rules name.
async function collectLive(opts: ScanOptions, bundle: LoadedBundle): Promise<Collected> {
  const out = join(opts.out, "snapshot.json");
  await mkdir(opts.out, { recursive: true });
  const types = [...new Set(bundle.rules.flatMap((r) => r.resourceTypes.map((t) => t.toLowerCase())))].sort();
  const { runAzureCollect } = await import("./collect-azure.js");
  await runAzureCollect({ ...opts, out, ...(types.length > 0 ? { resourceTypes: types } : {}) });
  const text = await readFile(out, "utf8");
  const sha256 = textSha256(text);
  return { snapshot: validateSnapshot(JSON.parse(text), out, text), text, sha256, written: out };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

// The short table printed at the end of a scan.
export function summaryTable(results: Results, resources: number, snapshotFile: string, written: readonly string[]): string {
  const statuses = ["fail", "waived", "unknown", "manual", "error", "pass"] as const;
  // Counted in one pass: a 100,000-resource scan has some 900,000 entries.
  const counts = new Map<string, Partial<Record<string, number>>>();
  for (const e of results.results) {
    let row = counts.get(e.severity);
    if (row === undefined) counts.set(e.severity, (row = {}));
    row[e.status] = (row[e.status] ?? 0) + 1;
  }
  const count = (severity: string, status: string) => counts.get(severity)?.[status] ?? 0;
  const lines: string[] = [];
  lines.push(`erguard: ${results.rules.length} rules over ${resources} resources of ${snapshotFile}`);
  lines.push("");
  lines.push(["severity".padEnd(10), ...statuses.map((s) => s.padStart(8))].join(""));
  for (const sev of SEVERITIES) {
    const row = statuses.map((s) => count(sev, s));
    if (row.every((n) => n === 0)) continue;
    lines.push([sev.padEnd(10), ...row.map((n) => String(n).padStart(8))].join(""));
  }
  const totals = statuses.map((s) => SEVERITIES.reduce((n, sev) => n + count(sev, s), 0));
  lines.push(["total".padEnd(10), ...totals.map((n) => String(n).padStart(8))].join(""));
  lines.push("");
  lines.push(`reports: ${written.join(", ")}`);
  return lines.join("\n") + "\n";
}
