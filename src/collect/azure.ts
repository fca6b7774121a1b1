// Live collection from Azure: authenticate, list the subscriptions in scope, take the inventory
// from Resource Graph, optionally read the network runtime state, and return the snapshot.
// What fails for a subscription, a batch or a resource is recorded in source.errors and the
// rest is kept; the caller decides whether a partial snapshot is acceptable.

import { ResourceGraphClient } from "@azure/arm-resourcegraph";
import type { TokenCredential } from "@azure/core-auth";
import type { Pipeline } from "@azure/core-rest-pipeline";
import { ErguardError } from "../errors.js";
import type { CollectionError, Resource, Snapshot } from "../snapshot/types.js";
import { TOOL, TOOL_NAME, VERSION } from "../version.js";
import { checkCredential, createCredential } from "./azure-auth.js";
import { resolveCloud, type ResolvedCloud } from "./azure-clouds.js";
import { failureOf } from "./azure-errors.js";
import { loadCustomers } from "./customers.js";
import type { NetworkApi } from "./network-runtime.js";
import {
  collectInventory,
  compareResources,
  DEFAULT_RESOURCE_TYPES,
  listSubscriptions,
  type SubscriptionInfo,
} from "./resource-graph.js";
import { inShard } from "./shard.js";
import { DEFAULT_RETRY, retryPolicy, type RetryTuning, type TrafficEvent } from "./throttling.js";
import type { AzureCollectOptions, ProgressSink } from "./types.js";

// Long-running network operations in flight at once; ARM counts each as a write.
const RUNTIME_CONCURRENCY = 8;
const USER_AGENT = `${TOOL_NAME}/${VERSION}`;

// `retry` tunes the retry policy (the tests use short delays); defaults suit Azure.
export async function collectAzure(options: AzureCollectOptions, retry: Partial<RetryTuning> = {}): Promise<Snapshot> {
  const { signal, progress } = options;
  try {
    const cloud = resolveCloud(options.cloud, options.armEndpoint);
    const customers = options.customersFile === undefined ? [] : await loadCustomers(options.customersFile);
    const credential = createCredential(options.auth, cloud, options.tenant);
    progress.stage(`signing in (--auth ${options.auth})`);
    await checkCredential(credential, options.auth, cloud, signal);

    const state = { subscriptionsDone: 0, subscriptionsTotal: 0, resources: 0, requests: 0, throttledWaits: 0 };
    const tuning: RetryTuning = { ...DEFAULT_RETRY, ...retry };
    const onTraffic = trafficReporter(progress, state);

    const graph = new ResourceGraphClient(credential, clientOptions(cloud));
    useRetryPolicy(graph.pipeline, retryPolicy(tuning, onTraffic));
    const ctx = { ...(signal === undefined ? {} : { signal }), detail: (m: string) => progress.detail(m) };

    progress.stage("listing subscriptions");
    let listed: { subscriptions: SubscriptionInfo[]; errors: CollectionError[] };
    try {
      listed = await listSubscriptions(
        graph,
        { subscriptions: options.subscriptions, managementGroups: options.managementGroups },
        ctx,
      );
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ErguardError("collection_failed", `could not list the subscriptions: ${failureOf(err).message}`, undefined, {
        cause: err,
      });
    }
    const subscriptions = listed.subscriptions.filter((s) => inShard(s.id, options.shard));
    if (listed.subscriptions.length === 0 && listed.errors.length === 0) {
      progress.warn("this credential can read no subscription in the scope given");
    }
    const errors: CollectionError[] = listed.errors.filter((e) => !isSubscriptionId(e.scope) || inShard(e.scope, options.shard));
    state.subscriptionsTotal = subscriptions.length;
    progress.update(state);

    const types = options.resourceTypes ?? DEFAULT_RESOURCE_TYPES;
    progress.stage(`querying Resource Graph (${subscriptions.length} subscriptions)`);
    const inventory = await collectInventory(
      graph,
      subscriptions.map((s) => s.id),
      {
        ...ctx,
        types,
        onPage: (rows) => {
          state.resources += rows;
          progress.update(state);
        },
        onSubscriptionsDone: (n) => {
          state.subscriptionsDone += n;
          progress.update(state);
        },
      },
    );
    errors.push(...inventory.errors);
    let resources: Resource[] = [...subscriptions.map((s) => s.resource), ...inventory.resources];

    if (options.runtime) {
      progress.stage("reading network runtime state");
      const runtime = await collectNetworkRuntime(resources, credential, cloud, tuning, onTraffic, options);
      resources = runtime.resources;
      errors.push(...runtime.errors);
    }

    warnAboutCustomers(customers, listed.subscriptions, options);
    return {
      schemaVersion: 1,
      source: {
        kind: "azure",
        collectedAt: new Date().toISOString(),
        tool: TOOL,
        scope: scopeOf(options, cloud, subscriptions, types),
        errors: errors.sort((a, b) => compare(a.scope, b.scope) || compare(a.code, b.code) || compare(a.message, b.message)),
      },
      customers,
      resources: resources.sort(compareResources),
    };
  } catch (err) {
    if (signal?.aborted) throw new ErguardError("interrupted", "interrupted", undefined, { cause: err });
    throw err;
  }
}

// Counts requests and throttled waits into the progress state, and tells about retries.
function trafficReporter(
  progress: ProgressSink,
  state: { requests: number; throttledWaits: number },
): (event: TrafficEvent) => void {
  return (event) => {
    switch (event.kind) {
      case "request":
        state.requests++;
        break;
      case "wait":
        state.throttledWaits++;
        progress.detail(`${event.reason === "quota" ? "quota spent" : "throttled"}: waiting ${(event.ms / 1000).toFixed(1)} s`);
        break;
      case "retry":
        progress.detail(`${event.reason}: retry ${event.attempt} in ${(event.ms / 1000).toFixed(1)} s`);
        break;
      case "give-up":
        progress.warn(`giving up on a request after ${event.attempts} attempt${event.attempts === 1 ? "" : "s"} (${event.reason})`);
        break;
    }
    progress.update(state);
  };
}

async function collectNetworkRuntime(
  resources: Resource[],
  credential: TokenCredential,
  cloud: ResolvedCloud,
  tuning: RetryTuning,
  onTraffic: (event: TrafficEvent) => void,
  options: AzureCollectOptions,
): Promise<{ resources: Resource[]; errors: CollectionError[] }> {
  // Loaded only for --runtime: the network SDK is large.
  const [{ NetworkManagementClient }, { collectRuntime }] = await Promise.all([
    import("@azure/arm-network"),
    import("./network-runtime.js"),
  ]);
  // One policy for every subscription's client: they share ARM's limits for this caller.
  const policy = retryPolicy(tuning, onTraffic);
  const clients = new Map<string, NetworkApi>();
  const network = (subscriptionId: string): NetworkApi => {
    let client = clients.get(subscriptionId);
    if (client === undefined) {
      const created = new NetworkManagementClient(credential, subscriptionId, clientOptions(cloud));
      useRetryPolicy(created.pipeline, policy);
      client = created;
      clients.set(subscriptionId, client);
    }
    return client;
  };
  return collectRuntime(resources, {
    network,
    concurrency: RUNTIME_CONCURRENCY,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    detail: (m) => options.progress.detail(m),
  });
}

function clientOptions(cloud: ResolvedCloud): {
  endpoint: string;
  credentials: { scopes: string[] };
  userAgentOptions: { userAgentPrefix: string };
} {
  return { endpoint: cloud.armEndpoint, credentials: { scopes: [cloud.scope] }, userAgentOptions: { userAgentPrefix: USER_AGENT } };
}

// erguard's policy replaces the SDK's default retry policy, so that no request is retried twice
// over and the quota is honoured before a request is sent.
function useRetryPolicy(pipeline: Pipeline, policy: ReturnType<typeof retryPolicy>): void {
  pipeline.removePolicy({ name: "defaultRetryPolicy" });
  pipeline.addPolicy(policy, { phase: "Retry" });
}

function scopeOf(
  options: AzureCollectOptions,
  cloud: ResolvedCloud,
  subscriptions: readonly SubscriptionInfo[],
  types: readonly string[],
): Record<string, unknown> {
  const tenants = new Set(subscriptions.flatMap((s) => (s.tenantId === undefined ? [] : [s.tenantId])));
  if (options.tenant !== undefined) tenants.add(options.tenant.toLowerCase());
  return {
    cloud: cloud.name,
    ...(options.armEndpoint === undefined ? {} : { armEndpoint: cloud.armEndpoint }),
    tenants: [...tenants].sort(),
    subscriptions: subscriptions.map((s) => s.id),
    ...(options.managementGroups.length > 0 ? { managementGroups: [...options.managementGroups] } : {}),
    ...(options.shard === undefined ? {} : { shard: `${options.shard.index}/${options.shard.count}` }),
    resourceTypes: [...types],
    runtime: options.runtime,
  };
}

// A customer subscription the credential cannot see is most likely a missing role assignment.
function warnAboutCustomers(
  customers: readonly { name: string; subscriptions: readonly string[] }[],
  listed: readonly SubscriptionInfo[],
  options: AzureCollectOptions,
): void {
  if (options.shard !== undefined || options.subscriptions.length > 0 || options.managementGroups.length > 0) return;
  const seen = new Set(listed.map((s) => s.id));
  for (const customer of customers) {
    for (const id of customer.subscriptions) {
      if (!seen.has(id)) options.progress.warn(`customer "${customer.name}": subscription ${id} is not readable with this credential`);
    }
  }
}

function isSubscriptionId(scope: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(scope);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
