// What the collectors share: how they report progress, and the options of each source.

// Progress of a long collection. The CLI renders it (a live line on a terminal, one line per
// stage otherwise); collectors only report.
export interface ProgressState {
  readonly subscriptionsDone?: number;
  readonly subscriptionsTotal?: number;
  readonly resources?: number;
  readonly requests?: number;
  readonly throttledWaits?: number;
  readonly filesDone?: number;
  readonly filesTotal?: number;
}

export interface ProgressSink {
  // A new stage began ("querying Resource Graph", "reading templates").
  stage(name: string): void;
  update(state: ProgressState): void;
  // Something the user should see even with --quiet off (a skipped file, a retried batch).
  warn(message: string): void;
  // Detail for --verbose.
  detail(message: string): void;
}

export const SILENT_PROGRESS: ProgressSink = {
  stage() {},
  update() {},
  warn() {},
  detail() {},
};

// Options of infrastructure-as-code collection (ARM templates, Terraform plans, snapshots).
export interface FileCollectOptions {
  // ARM parameter files (--parameters), applied to every template given.
  readonly parameterFiles: readonly string[];
  // --param name=value overrides, applied after parameter files.
  readonly params: Readonly<Record<string, string>>;
  // Paths in the snapshot (origin.file) are made relative to this directory.
  readonly baseDir: string;
  readonly progress: ProgressSink;
}

export type AuthMethod = "env" | "cli" | "managed-identity" | "workload-identity" | "default";
export type AzureCloudName = "AzureCloud" | "AzureChinaCloud" | "AzureUSGovernment";

// Options of live collection from Azure.
export interface AzureCollectOptions {
  readonly subscriptions: readonly string[];
  readonly managementGroups: readonly string[];
  readonly tenant?: string;
  readonly customersFile?: string;
  readonly runtime: boolean;
  readonly auth: AuthMethod;
  readonly cloud: AzureCloudName;
  // Overrides the cloud's ARM endpoint (sovereign and private clouds, and the tests' local server).
  readonly armEndpoint?: string;
  // Resource types to collect; the union of the loaded rules' resource_types when scanning.
  readonly resourceTypes?: readonly string[];
  // --shard I/N: a deterministic share of the subscriptions.
  readonly shard?: { readonly index: number; readonly count: number };
  readonly signal?: AbortSignal;
  readonly progress: ProgressSink;
}
