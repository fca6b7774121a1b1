// --runtime: circuit route tables and gateway BGP state through the real network SDK's
// long-running operations, against the fake Azure on 127.0.0.1.

import { afterEach, describe, expect, it } from "vitest";
import type { Resource } from "../../src/snapshot/types.js";
import { validateSnapshot } from "../../src/snapshot/validate.js";
import { makeEstate } from "./azure-estate.ts";
import { collect, fakeAzure } from "./azure-harness.js";
import type { FakeAzure, NetworkCall } from "./fake-azure.ts";

let azure: FakeAzure | undefined;
afterEach(async () => {
  await azure?.close();
  azure = undefined;
});

// Shapes of the network API's results (ExpressRouteCircuitRoutesTableSummary,
// ExpressRouteCircuitRoutesTable, BgpPeerStatus, GatewayRoute).
const SUMMARY = [{ neighbor: "192.168.10.1", v: 4, as: 65010, upDown: "3d04h", statePfxRcd: "3" }];
const ON_PREMISES_DEFAULT = { network: "0.0.0.0/0", nextHop: "192.168.10.1", locPrf: "", weight: 0, path: "65010" };
const AZURE_PREFIX = { network: "10.1.0.0/16", nextHop: "10.1.0.4", locPrf: "", weight: 0, path: "65515" };
const BGP_PEER = {
  localAddress: "10.0.1.30",
  neighbor: "10.0.1.4",
  asn: 65010,
  state: "Connected",
  connectedDuration: "2.01:02:03",
  routesReceived: 3,
  messagesSent: 120,
  messagesReceived: 118,
};
const LEARNED_DEFAULT = {
  localAddress: "10.0.1.30",
  network: "0.0.0.0/0",
  nextHop: "10.0.1.4",
  sourcePeer: "10.0.1.4",
  origin: "EBgp",
  asPath: "65010",
  weight: 32768,
};
const LEARNED_LOCAL = { localAddress: "10.0.1.30", network: "10.0.0.0/16", sourcePeer: "10.0.1.30", origin: "Network", weight: 32768 };

// The primary path learns a default route from on-premises, the secondary does not; every
// gateway learns one, except the VPN gateway of `broken`, whose learned routes fail.
function network(broken: string) {
  return (call: NetworkCall): unknown[] | undefined => {
    switch (call.operation) {
      case "routeTablesSummary":
        return SUMMARY;
      case "routeTables":
        return call.devicePath === "primary" ? [ON_PREMISES_DEFAULT, AZURE_PREFIX] : [AZURE_PREFIX];
      case "getBgpPeerStatus":
        return [BGP_PEER];
      case "getLearnedRoutes":
        return call.name === broken ? undefined : [LEARNED_DEFAULT, LEARNED_LOCAL];
    }
  };
}

function byType(resources: readonly Resource[], type: string): Resource[] {
  return resources.filter((r) => r.type === type);
}

describe("collecting the network runtime state", () => {
  it("reads route table summaries and default routes of each circuit peering, BGP peers and learned routes of each gateway", async () => {
    const served = makeEstate({ subscriptions: 2 });
    const broken = "vpngw-customer-1";
    azure = await fakeAzure({ estate: served, network: network(broken) });
    const { snapshot } = await collect(azure, { runtime: true });

    const circuits = byType(snapshot.resources, "microsoft.network/expressroutecircuits");
    expect(circuits).toHaveLength(2);
    for (const circuit of circuits) {
      expect(circuit.runtime).toEqual({
        peerings: ["AzurePrivatePeering", "MicrosoftPeering"].map((name) => ({
          name,
          peeringType: name,
          primary: { summary: SUMMARY, routeCount: 2, defaultRouteLearned: true },
          secondary: { summary: SUMMARY, routeCount: 1, defaultRouteLearned: false },
        })),
      });
    }
    const gateways = byType(snapshot.resources, "microsoft.network/virtualnetworkgateways");
    expect(gateways).toHaveLength(4);
    for (const gateway of gateways.filter((g) => g.name !== broken)) {
      expect(gateway.runtime).toEqual({ bgpPeers: [BGP_PEER], learnedRoutes: [LEARNED_DEFAULT, LEARNED_LOCAL], defaultRouteLearned: true });
    }
    const failed = gateways.find((g) => g.name === broken);
    expect(failed?.runtime).toEqual({
      bgpPeers: [BGP_PEER],
      learnedRoutesError: { code: "ResourceNotFound", message: `no getLearnedRoutes for ${broken}` },
    });
    expect(snapshot.source.errors).toEqual([
      { scope: failed?.id, code: "ResourceNotFound", message: `getLearnedRoutes: no getLearnedRoutes for ${broken}` },
    ]);
    // The rest of the inventory has no runtime state.
    expect(snapshot.resources.filter((r) => r.runtime !== undefined)).toHaveLength(circuits.length + gateways.length);
    expect(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)), "snapshot.json")).not.toThrow();
  });

  it("starts each long-running operation once per resource, peering and path, polling its Location", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 2 }), network: network("none") });
    await collect(azure, { runtime: true });

    const posts = azure.requests.filter((r) => r.route === "network" && r.method === "POST").map((r) => r.path.split("/").slice(-3).join("/"));
    const count = (pattern: RegExp): number => posts.filter((p) => pattern.test(p)).length;
    expect(count(/routeTablesSummary\/(primary|secondary)$/)).toBe(2 * 2 * 2); // circuits × peerings × paths
    expect(count(/routeTables\/(primary|secondary)$/)).toBe(2 * 2 * 2);
    expect(count(/getBgpPeerStatus$/)).toBe(2 * 2); // the ExpressRoute gateway and the BGP-enabled VPN gateway
    expect(count(/getLearnedRoutes$/)).toBe(2 * 2);
    const polls = azure.requests.filter((r) => r.route === "network" && r.method === "GET" && r.path.includes("/operationResults/"));
    expect(polls).toHaveLength(posts.length);
  });

  it("keeps at most eight operations in flight", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 4 }), network: network("none"), networkDelayMs: 20 });
    await collect(azure, { runtime: true });

    expect(azure.stats.networkRequests).toBe(2 * (4 * 8 + 4 * 4)); // a POST and a poll per operation
    expect(azure.stats.maxNetworkInFlight).toBeGreaterThan(1);
    expect(azure.stats.maxNetworkInFlight).toBeLessThanOrEqual(8);
  });

  it("retries throttled and failing network calls, and records nothing once they succeed", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 1 }), network: network("none") });
    azure.inject({ route: "network", times: 1, fault: { status: 429, headers: { "retry-after": "0" } } });
    azure.inject({ route: "network", times: 2, fault: { status: 500 } });
    azure.inject({ route: "network", times: 1, fault: { reset: true } });
    azure.inject({ route: "network", times: 1, when: (r) => r.method === "GET", fault: { status: 503, headers: { "retry-after": "0" } } });
    const { snapshot } = await collect(azure, { runtime: true });

    expect(azure.stats.faultsInjected).toBe(5);
    expect(snapshot.source.errors).toEqual([]);
    const circuit = byType(snapshot.resources, "microsoft.network/expressroutecircuits")[0];
    expect(JSON.stringify(circuit?.runtime)).not.toContain("Error");
  });

  it("leaves a circuit its provider has not provisioned without route tables", async () => {
    const served = makeEstate({ subscriptions: 1 });
    const circuit = served.resources.find((r) => r.type === "microsoft.network/expressroutecircuits");
    if (circuit !== undefined) circuit.properties["serviceProviderProvisioningState"] = "NotProvisioned";
    azure = await fakeAzure({ estate: served, network: network("none") });
    const { snapshot } = await collect(azure, { runtime: true });

    expect(byType(snapshot.resources, "microsoft.network/expressroutecircuits")[0]?.runtime).toEqual({
      skipped: "the circuit is not provisioned by its service provider",
    });
    expect(azure.requests.some((r) => r.path.includes("/expressRouteCircuits/"))).toBe(false);
  });
});
