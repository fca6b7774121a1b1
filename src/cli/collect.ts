import type { Command } from "commander";
import { ErguardError } from "../errors.js";

interface CollectOptions {
  readonly source?: string;
  readonly parameters: string[];
  readonly param: string[];
  readonly out: string;
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

// erguard collect: makes a snapshot from files (ARM templates, Terraform plans, snapshots)
// or, with --source azure, from a live estate. Each source's module is imported only when it
// is used: collecting from files never loads the Azure SDK.
export function registerCollect(program: Command): void {
  program
    .command("collect")
    .description("collect a snapshot from ARM templates, Terraform plans or Azure")
    .argument("[inputs...]", "templates, plans, snapshots or directories of them")
    .option("--source <source>", "where to collect from: files (the inputs) or azure")
    .option("--parameters <file>", "ARM parameter file (repeatable)", collectValues, [] as string[])
    .option("--param <name=value>", "ARM parameter value (repeatable)", collectValues, [] as string[])
    .option("-o, --out <file>", "where to write the snapshot", "snapshot.json")
    .option("--subscription <id>", "azure: a subscription to collect (repeatable; default: every readable one)", collectValues, [] as string[])
    .option("--management-group <id>", "azure: collect the subscriptions under a management group (repeatable)", collectValues, [] as string[])
    .option("--tenant <id>", "azure: the tenant to sign in to")
    .option("--customers <file>", "azure: customers.yaml, mapping customers to tenants and subscriptions")
    .option("--runtime", "azure: also read circuit route tables and gateway BGP state", false)
    .option("--auth <method>", "azure: default | env | cli | managed-identity | workload-identity", "default")
    .option("--cloud <name>", "azure: AzureCloud | AzureChinaCloud | AzureUSGovernment", "AzureCloud")
    .option("--arm-endpoint <url>", "azure: Resource Manager endpoint (sovereign and private clouds)")
    .option("--allow-partial", "azure: exit 0 even if some subscriptions or resources failed", false)
    .option("--shard <i/n>", "azure: collect the i-th of n shares of the subscriptions")
    .option("-q, --quiet", "print only warnings and errors", false)
    .option("-v, --verbose", "print details (retries, throttling waits)", false)
    .action(async (inputs: string[], opts: CollectOptions) => {
      const source = opts.source ?? "files";
      if (source === "azure") {
        if (inputs.length > 0) throw new ErguardError("bad_config", "--source azure takes no input files");
        const { runAzureCollect } = await import("./collect-azure.js");
        await runAzureCollect(opts);
        return;
      }
      if (source !== "files") throw new ErguardError("bad_config", `--source "${source}": expected files or azure`);
      const azureOnly = azureOnlyOptionsUsed(opts);
      if (azureOnly.length > 0) throw new ErguardError("bad_config", `${azureOnly.join(", ")} needs --source azure`);
      const { runFileCollect } = await import("./collect-files.js");
      await runFileCollect(inputs, { parameters: opts.parameters, param: opts.param, out: opts.out, quiet: opts.quiet, verbose: opts.verbose });
    });
}

function azureOnlyOptionsUsed(opts: CollectOptions): string[] {
  const used: string[] = [];
  if (opts.subscription.length > 0) used.push("--subscription");
  if (opts.managementGroup.length > 0) used.push("--management-group");
  if (opts.tenant !== undefined) used.push("--tenant");
  if (opts.customers !== undefined) used.push("--customers");
  if (opts.runtime) used.push("--runtime");
  if (opts.armEndpoint !== undefined) used.push("--arm-endpoint");
  if (opts.shard !== undefined) used.push("--shard");
  return used;
}

export function collectValues(value: string, previous: string[]): string[] {
  return [...previous, value];
}
