import { Option, type Command } from "commander";
import type { FailOn, GateOutcome } from "../evaluate/exit-code.js";
import type { SarifProfile } from "../report/sarif.js";

// erguard report: renders a saved results.json as HTML, SARIF, Markdown and JSON, applying
// today's waivers (erguard.yaml) and, with --baseline, marking findings new or existing.
// It exits 0 once the reports are written; with --fail-on it gates like a scan (0/1/2).

export interface ReportCommandOptions {
  readonly format: string;
  readonly out: string;
  readonly customer?: string;
  readonly sarifProfile?: SarifProfile;
  readonly category?: string;
  readonly baseline?: string;
  readonly config?: string;
  readonly failOn?: FailOn;
}

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("render reports (html, sarif, md, json) from a saved results.json")
    .argument("<results>", "results.json written by a scan")
    .option("--format <list>", "comma-separated formats: html, sarif, md, json", "html,sarif,md,json")
    .option("-o, --out <dir>", "directory to write the reports to", "reports")
    .option("--customer <name>", "report only this customer's findings, scope and errors")
    .addOption(
      new Option("--sarif-profile <profile>", "github: only failing results; full: also waived, unknown and manual (default: github under GitHub Actions, else full)").choices([
        "github",
        "full",
      ]),
    )
    .option("--category <id>", "SARIF category (runAutomationDetails.id), so several scans of one repository coexist")
    .option("--baseline <file>", "previous results.json: mark findings new or existing, list fixed ones")
    .option("--config <file>", "erguard.yaml with waivers (default: erguard.yaml in the working directory, if any)")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 on failing findings at or above this severity (with --baseline: new ones only)").choices([
        "critical",
        "high",
        "medium",
        "low",
        "info",
        "none",
      ]),
    )
    .action(async (file: string, opts: ReportCommandOptions) => {
      const { written, gate } = await runReport(file, opts, { cwd: process.cwd(), env: process.env, now: new Date() });
      for (const path of written) process.stdout.write(`wrote ${path}\n`);
      if (gate) {
        process.stderr.write(`erguard: ${gate.reason}\n`);
        process.exitCode = gate.code;
      }
    });
}

export interface ReportRun {
  readonly written: readonly string[];
  readonly gate?: GateOutcome;
}

export async function runReport(
  file: string,
  opts: ReportCommandOptions,
  context: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly now: Date },
): Promise<ReportRun> {
  const [{ loadResults }, { loadConfig }, { applyWaivers }, { applyBaseline }, { gate }, { forCustomer }, report, { sourceLinksFromEnv }] =
    await Promise.all([
      import("../report/json.js"),
      import("../evaluate/config.js"),
      import("../evaluate/waivers.js"),
      import("../evaluate/baseline.js"),
      import("../evaluate/exit-code.js"),
      import("../report/customer.js"),
      import("../report/index.js"),
      import("../report/links.js"),
    ]);
  const formats = report.parseFormats(opts.format);
  let results = await loadResults(file);

  const config = await loadConfig({ cwd: context.cwd, ...(opts.config !== undefined ? { file: opts.config } : {}) });
  if (config?.waivers !== undefined) results = applyWaivers(results, config.waivers, context.now);
  if (opts.baseline !== undefined) results = applyBaseline(results, await loadResults(opts.baseline), opts.baseline);
  if (opts.customer !== undefined) results = forCustomer(results, opts.customer);

  const links = sourceLinksFromEnv(context.env);
  const written = await report.writeReports(results, {
    formats,
    outDir: opts.out,
    baseName: opts.customer !== undefined ? `erguard-${report.fileSafe(opts.customer)}` : "erguard",
    sarif: {
      profile: opts.sarifProfile ?? (context.env["GITHUB_ACTIONS"] === "true" ? "github" : "full"),
      ...(opts.category !== undefined ? { category: opts.category } : {}),
    },
    markdown: links ? { links } : {},
  });
  return opts.failOn !== undefined ? { written, gate: gate(results, opts.failOn) } : { written };
}
