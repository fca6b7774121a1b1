// The options that say where a snapshot comes from, shared by `erguard collect` and
// `erguard scan`: input files (with ARM parameters) or a live Azure estate.
import type { Command } from "commander";

export interface FileSourceFlags {
  readonly source?: string;
  readonly parameters: string[];
  readonly param: string[];
}

export interface AzureSourceFlags {
  readonly subscription: readonly string[];
  readonly managementGroup: readonly string[];
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

export type SourceFlags = FileSourceFlags & AzureSourceFlags;

// For options that may be given more than once.
export function collectValues(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function addSourceOptions(command: Command, allowPartial: string): Command {
  return command
    .option("--source <source>", "where the snapshot comes from: files (the inputs) or azure")
    .option("--parameters <file>", "ARM parameter file (repeatable)", collectValues, [] as string[])
    .option("--param <name=value>", "ARM parameter value (repeatable)", collectValues, [] as string[])
    .option("--subscription <id>", "azure: a subscription to collect (repeatable; default: every readable one)", collectValues, [] as string[])
    .option("--management-group <id>", "azure: collect the subscriptions under a management group (repeatable)", collectValues, [] as string[])
    .option("--tenant <id>", "azure: the tenant to sign in to")
    .option("--customers <file>", "azure: customers.yaml, mapping customers to tenants and subscriptions")
    .option("--runtime", "azure: also read circuit route tables and gateway BGP state", false)
    .option("--auth <method>", "azure: default | env | cli | managed-identity | workload-identity", "default")
    .option("--cloud <name>", "azure: AzureCloud | AzureChinaCloud | AzureUSGovernment", "AzureCloud")
    .option("--arm-endpoint <url>", "azure: Resource Manager endpoint (sovereign and private clouds)")
    .option("--allow-partial", `azure: ${allowPartial}`, false)
    .option("--shard <i/n>", "azure: collect the i-th of n shares of the subscriptions")
    .option("-q, --quiet", "print only warnings and errors", false)
    .option("-v, --verbose", "print details (retries, throttling waits)", false);
}

// The Azure-only options given without --source azure, for a clear error.
export function azureOnlyOptionsUsed(opts: AzureSourceFlags): string[] {
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
