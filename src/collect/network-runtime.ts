// Live routing state that Resource Graph does not hold (--runtime), from the network API:
// - for each provisioned circuit, each enabled private and Microsoft peering, on the primary
//   and the secondary path: the route table summary (BGP neighbours and prefixes received) and
//   whether a default route (0.0.0.0/0) is learned from on-premises;
// - for each ExpressRoute and VPN virtual network gateway: its BGP peers (when it runs BGP) and
//   the routes it has learned.
// Each of these is a long-running operation. They run with bounded concurrency, and one that
// fails becomes an error on its resource (in runtime and in source.errors) instead of failing
// the collection.

import type {
  BgpPeerStatusListResult,
  ExpressRouteCircuitsRoutesTableListResult,
  ExpressRouteCircuitsRoutesTableSummaryListResult,
  GatewayRouteListResult,
} from "@azure/arm-network";
import type { CollectionError, Resource } from "../snapshot/types.js";
import { failureOf, throwIfInterrupted } from "./azure-errors.js";
import { forEachLimited } from "./concurrency.js";

interface LroOptions {
  abortSignal?: AbortSignal;
}

// The part of NetworkManagementClient this module uses (one client per subscription).
export interface NetworkApi {
  readonly expressRouteCircuits: {
    listRoutesTableSummary(
      resourceGroup: string,
      circuit: string,
      peering: string,
      devicePath: string,
      options?: LroOptions,
    ): PromiseLike<ExpressRouteCircuitsRoutesTableSummaryListResult>;
    listRoutesTable(
      resourceGroup: string,
      circuit: string,
      peering: string,
      devicePath: string,
      options?: LroOptions,
    ): PromiseLike<ExpressRouteCircuitsRoutesTableListResult>;
  };
  readonly virtualNetworkGateways: {
    getBgpPeerStatus(resourceGroup: string, gateway: string, options?: LroOptions): PromiseLike<BgpPeerStatusListResult>;
    getLearnedRoutes(resourceGroup: string, gateway: string, options?: LroOptions): PromiseLike<GatewayRouteListResult>;
  };
}

export interface RuntimeOptions {
  readonly network: (subscriptionId: string) => NetworkApi;
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly detail?: (message: string) => void;
}

const CIRCUIT_TYPE = "microsoft.network/expressroutecircuits";
const GATEWAY_TYPE = "microsoft.network/virtualnetworkgateways";
const ROUTED_PEERINGS = new Set(["AzurePrivatePeering", "MicrosoftPeering"]);
const DEVICE_PATHS = ["primary", "secondary"] as const;
const DEFAULT_ROUTE = "0.0.0.0/0";
// The ASN Azure uses for its own side of ExpressRoute and VPN BGP sessions.
const AZURE_ASN = "65515";

type Part = Record<string, unknown>;
interface Job {
  readonly resourceId: string;
  readonly what: string; // for error messages: "routeTablesSummary AzurePrivatePeering/primary"
  readonly run: (options: LroOptions) => Promise<Part>;
  // Where the result is merged, and under which key a failure is recorded there instead.
  readonly into: Part;
  readonly errorKey: string;
}

// Returns the resources with `runtime` set on circuits and gateways, and the failures.
export async function collectRuntime(
  resources: readonly Resource[],
  options: RuntimeOptions,
): Promise<{ resources: Resource[]; errors: CollectionError[] }> {
  const runtimes = new Map<string, Part>();
  const jobs: Job[] = [];
  for (const resource of resources) {
    const planned = planFor(resource, options);
    if (planned === undefined) continue;
    runtimes.set(resource.id, planned.runtime);
    jobs.push(...planned.jobs);
  }

  const errors: CollectionError[] = [];
  const outcomes: Part[] = [];
  const lroOptions: LroOptions = options.signal === undefined ? {} : { abortSignal: options.signal };
  await forEachLimited(jobs, options.concurrency, async (job, index) => {
    try {
      outcomes[index] = await job.run(lroOptions);
    } catch (err) {
      throwIfInterrupted(options.signal, err);
      const failure = failureOf(err);
      options.detail?.(`${job.resourceId}: ${job.what} failed: ${failure.message}`);
      outcomes[index] = { [job.errorKey]: { code: failure.code, message: failure.message } };
      errors.push({ scope: job.resourceId, code: failure.code, message: `${job.what}: ${failure.message}` });
    }
  });
  // Merged in the order of the jobs, not of their completion: the same state gives the same JSON.
  jobs.forEach((job, index) => Object.assign(job.into, outcomes[index]));

  const withRuntime = resources.map((r) => {
    const runtime = runtimes.get(r.id);
    return runtime === undefined ? r : { ...r, runtime };
  });
  return { resources: withRuntime, errors };
}

// The runtime object of one resource and the operations that fill it in.
function planFor(resource: Resource, options: RuntimeOptions): { runtime: Part; jobs: Job[] } | undefined {
  const parsed = parseId(resource.id);
  if (parsed === undefined) return undefined;
  const network = (): NetworkApi => options.network(parsed.subscriptionId);
  const props = resource.properties;

  if (resource.type === CIRCUIT_TYPE) {
    if (props["serviceProviderProvisioningState"] !== "Provisioned") {
      return { runtime: { skipped: "the circuit is not provisioned by its service provider" }, jobs: [] };
    }
    const jobs: Job[] = [];
    const peerings: Part[] = [];
    for (const peering of arrayOf(props["peerings"])) {
      const peeringProps = objectOf(peering["properties"]);
      const name = typeof peering["name"] === "string" ? peering["name"] : undefined;
      const peeringType = peeringProps["peeringType"] ?? name;
      if (name === undefined || typeof peeringType !== "string" || !ROUTED_PEERINGS.has(peeringType)) continue;
      if (peeringProps["state"] !== undefined && peeringProps["state"] !== "Enabled") continue;
      const entry: Part = { name, peeringType };
      peerings.push(entry);
      for (const path of DEVICE_PATHS) {
        const side: Part = {};
        entry[path] = side;
        jobs.push({
          resourceId: resource.id,
          what: `routeTablesSummary ${name}/${path}`,
          run: async (o) => {
            const result = await network().expressRouteCircuits.listRoutesTableSummary(parsed.resourceGroup, parsed.name, name, path, o);
            return { summary: result.value ?? [] };
          },
          into: side,
          errorKey: "summaryError",
        });
        jobs.push({
          resourceId: resource.id,
          what: `routeTables ${name}/${path}`,
          run: async (o) => {
            const result = await network().expressRouteCircuits.listRoutesTable(parsed.resourceGroup, parsed.name, name, path, o);
            const routes = result.value ?? [];
            return {
              routeCount: routes.length,
              defaultRouteLearned: routes.some((r) => r.network === DEFAULT_ROUTE && learnedFromPeer(r.path)),
            };
          },
          into: side,
          errorKey: "routesError",
        });
      }
    }
    return { runtime: { peerings }, jobs };
  }

  if (resource.type === GATEWAY_TYPE) {
    const gatewayType = props["gatewayType"];
    if (gatewayType !== "ExpressRoute" && gatewayType !== "Vpn") return undefined;
    const runtime: Part = {};
    const jobs: Job[] = [];
    if (gatewayType === "ExpressRoute" || props["enableBgp"] === true) {
      jobs.push({
        resourceId: resource.id,
        what: "getBgpPeerStatus",
        run: async (o) => ({
          bgpPeers: (await network().virtualNetworkGateways.getBgpPeerStatus(parsed.resourceGroup, parsed.name, o)).value ?? [],
        }),
        into: runtime,
        errorKey: "bgpPeersError",
      });
    }
    jobs.push({
      resourceId: resource.id,
      what: "getLearnedRoutes",
      run: async (o) => {
        const routes = (await network().virtualNetworkGateways.getLearnedRoutes(parsed.resourceGroup, parsed.name, o)).value ?? [];
        const overBgp = routes.filter((r) => r.origin === "EBgp" || r.origin === "IBgp");
        return {
          learnedRoutes: routes,
          defaultRouteLearned: overBgp.some((r) => r.network === DEFAULT_ROUTE && learnedFromPeer(r.asPath)),
        };
      },
      into: runtime,
      errorKey: "learnedRoutesError",
    });
    return { runtime, jobs };
  }
  return undefined;
}

// A route whose AS path is Azure's own ASN alone was originated in Azure, not learned from the
// customer's or provider's edge.
function learnedFromPeer(asPath: string | undefined): boolean {
  const hops = (asPath ?? "").trim().split(/[\s,]+/).filter((h) => h !== "");
  return !(hops.length > 0 && hops.every((h) => h === AZURE_ASN));
}

function parseId(id: string): { subscriptionId: string; resourceGroup: string; name: string } | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i.exec(id);
  if (!m) return undefined;
  return { subscriptionId: (m[1] as string).toLowerCase(), resourceGroup: m[2] as string, name: decodeURIComponent(m[3] as string) };
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === "object") : [];
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
