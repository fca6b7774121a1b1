// erguard scan: collect (or read) a snapshot, evaluate the built-in bundle and any --policy
// bundles, write snapshot.json, results.json and the chosen reports, print a summary and exit
// 0 / 1 / 2 (DESIGN.md, "Exit codes").
import { Option, type Command } from "commander";
import { collectValues } from "./collect.js";

export interface ScanOptions {
  readonly source?: string;
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
  readonly parameters: string[];
  readonly param: string[];
  // --source azure
  readonly subscription: string[];
  readonly managementGroup: string[];
  readonly tenant?: string;
  readonly customers?: string;
  readonly runtime: boolean;
  readonly auth: string;
  readonly cloud: string;
  readonly armEndpoint?: string;
  readonly allowPartial: boolean;
  readonly shard?: string;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

export function registerScan(program: Command): void {
  program
    .command("scan")
    .description("scan a snapshot, ARM templates, Terraform plans or a live Azure estate against the policy bundles")
    .argument("[inputs...]", "snapshots, templates, plans, or directories of them")
    .option("--source <source>", "files (the inputs) or azure (collect live first)")
    .option("--policy <dir>", "an extra policy bundle (repeatable); the built-in bundle always runs", collectValues, [] as string[])
    .option("--config <file>", "erguard.yaml (default: erguard.yaml in the working directory, if any)")
    .option("--format <list>", "reports to write: sarif, html, json, md", "sarif,html,json,md")
    .option("-o, --out <dir>", "where to write snapshot.json, results.json and the reports", "reports")
    .addOption(new Option("--fail-on <severity>", "exit 1 on failing findings at or above this severity").choices(["critical", "high", "medium", "low", "info", "none"]).default("high"))
    .option("--baseline <file>", "previous results.json: only new findings count for --fail-on")
    .option("--only <rule|baseline>", "run only these rules (id, glob or baseline; repeatable)", collectValues, [] as string[])
    .option("--skip <rule|baseline>", "skip these rules (id, glob or baseline; repeatable)", collectValues, [] as string[])
    .addOption(new Option("--sarif-profile <profile>", "github: failing results only; full: all outcomes").choices(["github", "full"]))
    .option("--category <id>", "SARIF category, so several scans of one repository coexist")
    .option("--parameters <file>", "ARM parameter file (repeatable)", collectValues, [] as string[])
    .option("--param <name=value>", "ARM parameter value (repeatable)", collectValues, [] as string[])
    .option("--subscription <id>", "azure: a subscription (repeatable; default: every readable one)", collectValues, [] as string[])
    .option("--management-group <id>", "azure: the subscriptions under a management group (repeatable)", collectValues, [] as string[])
    .option("--tenant <id>", "azure: the tenant to sign in to")
    .option("--customers <file>", "azure: customers.yaml, mapping customers to tenants and subscriptions")
    .option("--runtime", "azure: also read circuit route tables and gateway BGP state", false)
    .option("--auth <method>", "azure: default | env | cli | managed-identity | workload-identity", "default")
    .option("--cloud <name>", "azure: AzureCloud | AzureChinaCloud | AzureUSGovernment", "AzureCloud")
    .option("--arm-endpoint <url>", "azure: Resource Manager endpoint (sovereign and private clouds)")
    .option("--allow-partial", "azure: evaluate a partial collection instead of stopping", false)
    .option("--shard <i/n>", "azure: collect the i-th of n shares of the subscriptions")
    .option("-q, --quiet", "print only the result line, warnings and errors", false)
    .option("-v, --verbose", "print details", false)
    .action(async (inputs: string[], opts: ScanOptions) => {
      const { runScan } = await import("./scan-run.js");
      process.exitCode = await runScan(inputs, opts);
    });
}
