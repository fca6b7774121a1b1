// erguard collect --source azure: runs the live collection and writes the snapshot.
// - The snapshot is written whole or not at all (a temporary file renamed into place), so an
//   interrupted run never leaves half a snapshot where a previous one was.
// - Ctrl-C cancels the requests in flight and writes nothing; a second Ctrl-C ends at once.
// - A collection with errors is written (it can be inspected) but exits 2 unless
//   --allow-partial says a partial snapshot is acceptable.

import { isAuthMethod, AUTH_METHODS } from "../collect/azure-auth.js";
import { CLOUD_NAMES, isCloudName } from "../collect/azure-clouds.js";
import { parseShard } from "../collect/shard.js";
import type { AzureCollectOptions } from "../collect/types.js";
import { ErguardError } from "../errors.js";
import type { Snapshot } from "../snapshot/types.js";
import { writeTextAtomically } from "../report/write.js";
import { createProgress } from "./progress.js";
import type { AzureSourceFlags } from "./source-options.js";

export interface AzureCliOptions extends AzureSourceFlags {
  readonly out: string;
  // erguard scan: the resource types its rules read (default: collection's own list).
  readonly resourceTypes?: readonly string[];
}

export async function runAzureCollect(opts: AzureCliOptions): Promise<void> {
  const { auth, cloud } = opts;
  if (!isAuthMethod(auth)) throw new ErguardError("bad_config", `--auth "${auth}": expected one of ${AUTH_METHODS.join(", ")}`);
  if (!isCloudName(cloud)) throw new ErguardError("bad_config", `--cloud "${cloud}": expected one of ${CLOUD_NAMES.join(", ")}`);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);

  const progress = createProgress({ quiet: opts.quiet, verbose: opts.verbose });
  const controller = new AbortController();
  const onInterrupt = (): void => {
    progress.warn("interrupted: stopping (press Ctrl-C again to quit at once)");
    controller.abort();
  };
  process.once("SIGINT", onInterrupt);
  try {
    // Loaded here, not at the top: a scan of files never loads the Azure SDK.
    const { collectAzure } = await import("../collect/azure.js");
    const options: AzureCollectOptions = {
      subscriptions: opts.subscription,
      managementGroups: opts.managementGroup,
      ...(opts.tenant === undefined ? {} : { tenant: opts.tenant }),
      ...(opts.customers === undefined ? {} : { customersFile: opts.customers }),
      runtime: opts.runtime,
      auth,
      cloud,
      ...(opts.armEndpoint === undefined ? {} : { armEndpoint: opts.armEndpoint }),
      ...(shard === undefined ? {} : { shard }),
      ...(opts.resourceTypes === undefined ? {} : { resourceTypes: opts.resourceTypes }),
      signal: controller.signal,
      progress,
    };
    const snapshot = await collectAzure(options).catch((err: unknown) => {
      if (controller.signal.aborted) throw new ErguardError("interrupted", "interrupted; nothing was written", undefined, { cause: err });
      throw err;
    });
    await writeTextAtomically(opts.out, JSON.stringify(snapshot, null, 2) + "\n", { signal: controller.signal });
    progress.finish();
    if (!opts.quiet) process.stderr.write(`erguard: ${summary(snapshot, opts.out)}\n`);
    reportPartial(snapshot, opts);
  } finally {
    progress.finish();
    process.removeListener("SIGINT", onInterrupt);
  }
}

function summary(snapshot: Snapshot, out: string): string {
  const subscriptions = snapshot.resources.filter((r) => r.type === "microsoft.resources/subscriptions").length;
  const errors = snapshot.source.errors.length;
  return (
    `wrote ${out}: ${snapshot.resources.length - subscriptions} resources in ${subscriptions} subscriptions` +
    (errors > 0 ? `, ${errors} error${errors === 1 ? "" : "s"}` : "")
  );
}

function reportPartial(snapshot: Snapshot, opts: AzureCliOptions): void {
  const errors = snapshot.source.errors;
  if (errors.length === 0) return;
  const first = errors[0];
  const shown = first === undefined ? "" : ` (first: ${first.scope}: ${first.code}: ${first.message})`;
  if (opts.allowPartial) {
    process.stderr.write(`erguard: warning: the collection is incomplete: ${errors.length} error(s)${shown}\n`);
    return;
  }
  throw new ErguardError(
    "collection_failed",
    `the collection is incomplete: ${errors.length} error(s)${shown}; the snapshot was written to ${opts.out} ` +
      "with the errors in source.errors; pass --allow-partial to accept a partial snapshot",
  );
}
