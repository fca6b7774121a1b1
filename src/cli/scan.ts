// erguard scan: collect (or read) a snapshot, evaluate the built-in bundle and any --policy
// bundles, write snapshot.json, results.json and the chosen reports, print a summary and exit
// 0 / 1 / 2 (DESIGN.md, "Exit codes").
import { Option, type Command } from "commander";
import { addSourceOptions, collectValues, type SourceFlags } from "./source-options.js";

export interface ScanOptions extends SourceFlags {
  readonly policy: string[];
  readonly config?: string;
  readonly format: string;
  readonly out: string;
  readonly failOn: string;
  readonly baseline?: string;
  readonly only: string[];
  readonly skip: string[];
  readonly sarifProfile?: "github" | "full";
  readonly category?: string;
}

export function registerScan(program: Command): void {
  const command = program
    .command("scan")
    .description("scan a snapshot, ARM templates, Terraform plans or a live Azure estate against the policy bundles")
    .argument("[inputs...]", "snapshots, templates, plans, or directories of them")
    .option("--policy <dir>", "an extra policy bundle (repeatable); the built-in bundle always runs", collectValues, [] as string[])
    .option("--config <file>", "erguard.yaml (default: erguard.yaml in the working directory, if any)")
    .option("--format <list>", "reports to write: sarif, html, json, md", "sarif,html,json,md")
    .option("-o, --out <dir>", "where to write snapshot.json, results.json and the reports", "reports")
    .addOption(new Option("--fail-on <severity>", "exit 1 on failing findings at or above this severity").choices(["critical", "high", "medium", "low", "info", "none"]).default("high"))
    .option("--baseline <file>", "previous results.json: only new findings count for --fail-on")
    .option("--only <rule|baseline>", "run only these rules (id, glob or baseline; repeatable)", collectValues, [] as string[])
    .option("--skip <rule|baseline>", "skip these rules (id, glob or baseline; repeatable)", collectValues, [] as string[])
    .addOption(new Option("--sarif-profile <profile>", "github: failing results only; full: all outcomes").choices(["github", "full"]))
    .option("--category <id>", "SARIF category, so several scans of one repository coexist");
  addSourceOptions(command, "evaluate a partial collection instead of stopping")
    .action(async (inputs: string[], opts: ScanOptions) => {
      const { runScan } = await import("./scan-run.js");
      process.exitCode = await runScan(inputs, opts);
    });
}
