// A synthetic cloud-solution-provider estate of about N resources, seeded and deterministic
// (the same N and seed give the same bytes), for the benchmarks.
//
// Shape: customers own subscriptions. Each subscription has a hub (a virtual network with
// GatewaySubnet and AzureFirewallSubnet, an ExpressRoute gateway, sometimes a VPN gateway,
// a firewall, public IPs, and a connection to one of the customer's circuits with private and
// Microsoft peerings and a route filter) and spokes (a virtual network with subnets, an NSG
// and a route table on each subnet, network interfaces). A share of every kind of resource
// breaks a baseline: NSGs open to the Internet on management ports, subnets without NSG,
// default routes to the Internet, non-zone-redundant gateways, single-path peerings, circuits
// without encryption, overlapping address spaces across customers.
//
//   node bench/generate-estate.ts 100000 [seed] > estate.json

type Json = Record<string, unknown>;

export interface EstateOptions {
  readonly resources: number;
  readonly seed?: number;
}

// mulberry32: a small, fast, seeded generator.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NET = "Microsoft.Network";

export function generateEstate(options: EstateOptions): Json {
  const rnd = random(options.seed ?? 1);
  const chance = (p: number) => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const resources: Json[] = [];
  const customers: Json[] = [];

  // About 40 resources per subscription: a hub of ~14 and spokes of ~5 resources each.
  const subscriptions = Math.max(2, Math.round(options.resources / 40));
  const perCustomer = 4;
  const customerCount = Math.max(1, Math.ceil(subscriptions / perCustomer));
  for (let c = 0; c < customerCount; c++) {
    const subs: string[] = [];
    for (let s = c * perCustomer; s < Math.min(subscriptions, (c + 1) * perCustomer); s++) subs.push(subscriptionId(s));
    customers.push({ name: `customer-${String(c).padStart(4, "0")}`, subscriptions: subs, model: c % 3 === 0 ? "connect-to" : "connect-through" });
  }

  const add = (r: Json) => resources.push(r);
  for (let s = 0; s < subscriptions; s++) {
    const sub = subscriptionId(s);
    const customer = Math.floor(s / perCustomer);
    const rg = `/subscriptions/${sub}/resourceGroups/rg-network`;
    const loc = pick(["westeurope", "northeurope", "eastus2", "uksouth"]);
    const base = (type: string, name: string): Json => ({
      id: `${rg}/providers/${NET}/${type}/${name}`,
      name,
      type: `${NET}/${type}`.toLowerCase(),
      location: loc,
      subscriptionId: sub,
      resourceGroup: "rg-network",
      tags: { "cost-center": `cc-${customer}` },
    });
    // Address space: a /20 of 10.0.0.0/8 per subscription (the hub's /22, then a /24 per spoke),
    // distinct up to 4,096 subscriptions (160,000 resources). 3% of subscriptions reuse the block
    // of the previous customer's first subscription: overlaps between customers, each with one
    // other network, so that their share stays the same at every size.
    const block = (customer > 0 && chance(0.03) ? (customer - 1) * perCustomer : s) % 4096;
    const second = block >> 4;
    const third = (block & 15) << 4;

    // --- circuit, peerings, route filter, port ---
    const circuitName = `er-${s}`;
    const circuit = base("expressRouteCircuits", circuitName);
    const circuitId = circuit["id"] as string;
    const bothPaths = !chance(0.08);
    const peering = (type: string, name: string, props: Json): Json => ({
      id: `${circuitId}/peerings/${name}`,
      name,
      properties: {
        peeringType: type,
        state: "Enabled",
        azureASN: 12076,
        peerASN: 65000 + customer,
        primaryPeerAddressPrefix: `192.168.${s % 250}.0/30`,
        ...(bothPaths ? { secondaryPeerAddressPrefix: `192.168.${s % 250}.4/30` } : {}),
        vlanId: 100 + (s % 100),
        sharedKey: "<redacted>",
        ...props,
      },
    });
    const filterName = `rf-${s}`;
    const routeFilter = base("routeFilters", filterName);
    routeFilter["properties"] = {
      rules: chance(0.1) ? [] : [{ name: "allow-exchange", properties: { access: "Allow", routeFilterRuleType: "Community", communities: ["12076:5010"] } }],
    };
    add(routeFilter);
    const peerings = [peering("AzurePrivatePeering", "AzurePrivatePeering", {})];
    if (chance(0.5)) {
      peerings.push(
        peering("MicrosoftPeering", "MicrosoftPeering", {
          routeFilter: chance(0.9) ? { id: routeFilter["id"] } : undefined,
          microsoftPeeringConfig: { advertisedPublicPrefixes: [`203.0.${s % 250}.0/30`], customerASN: 0, routingRegistryName: "ARIN" },
        }),
      );
    }
    const direct = chance(0.05);
    circuit["sku"] = { name: `${pick(["Standard", "Premium"])}_MeteredData`, tier: pick(["Standard", "Premium"]), family: "MeteredData" };
    circuit["properties"] = {
      serviceProviderProperties: direct ? undefined : { serviceProviderName: "Equinix", peeringLocation: "Amsterdam", bandwidthInMbps: pick([50, 200, 1000, 10000]) },
      circuitProvisioningState: "Enabled",
      serviceProviderProvisioningState: "Provisioned",
      peerings,
      authorizations: [],
      serviceKey: "<redacted>",
      allowClassicOperations: chance(0.05),
      globalReachEnabled: false,
      ...(direct ? { expressRoutePort: { id: `${rg}/providers/${NET}/expressRoutePorts/port-${s}` }, bandwidthInGbps: 10 } : {}),
    };
    add(circuit);
    if (direct) {
      const port = base("expressRoutePorts", `port-${s}`);
      port["properties"] = {
        peeringLocation: "Amsterdam",
        bandwidthInGbps: 10,
        encapsulation: "QinQ",
        links: ["link1", "link2"].map((l) => ({
          name: l,
          properties: { adminState: "Enabled", macSecConfig: { cipher: chance(0.8) ? "GcmAes256" : "GcmAes128", sciState: "Enabled" } },
        })),
        circuits: [{ id: circuitId }],
      };
      add(port);
    }

    // --- hub ---
    const hubName = `vnet-hub-${s}`;
    const hub = base("virtualNetworks", hubName);
    const hubId = hub["id"] as string;
    hub["properties"] = {
      addressSpace: { addressPrefixes: [`10.${second}.${third}.0/22`] },
      subnets: [
        { id: `${hubId}/subnets/GatewaySubnet`, name: "GatewaySubnet", properties: { addressPrefix: `10.${second}.${third}.0/27` } },
        { id: `${hubId}/subnets/AzureFirewallSubnet`, name: "AzureFirewallSubnet", properties: { addressPrefix: `10.${second}.${third}.64/26` } },
      ],
      virtualNetworkPeerings: [],
    };
    add(hub);
    const zoneRedundant = !chance(0.15);
    const pip = (name: string) => {
      const p = base("publicIPAddresses", name);
      p["sku"] = { name: "Standard", tier: "Regional" };
      p["zones"] = zoneRedundant ? ["1", "2", "3"] : [];
      p["properties"] = { publicIPAllocationMethod: "Static", ipAddress: `52.${s % 250}.${customer % 250}.${resources.length % 250}` };
      add(p);
      return p["id"] as string;
    };
    const erGw = base("virtualNetworkGateways", `ergw-${s}`);
    erGw["properties"] = {
      gatewayType: "ExpressRoute",
      sku: { name: zoneRedundant ? "ErGw1AZ" : pick(["Standard", "HighPerformance"]), tier: zoneRedundant ? "ErGw1AZ" : "Standard" },
      ipConfigurations: [{ name: "default", properties: { subnet: { id: `${hubId}/subnets/GatewaySubnet` }, publicIPAddress: { id: pip(`pip-ergw-${s}`) } } }],
      activeActive: false,
    };
    add(erGw);
    const forcedTunneling = chance(0.7);
    if (chance(0.3)) {
      const vpn = base("virtualNetworkGateways", `vpngw-${s}`);
      vpn["properties"] = {
        gatewayType: "Vpn",
        vpnType: "RouteBased",
        sku: { name: zoneRedundant ? "VpnGw2AZ" : "VpnGw1", tier: zoneRedundant ? "VpnGw2AZ" : "VpnGw1" },
        enableBgp: true,
        activeActive: chance(0.5),
        ipConfigurations: [{ name: "default", properties: { subnet: { id: `${hubId}/subnets/GatewaySubnet` }, publicIPAddress: { id: pip(`pip-vpngw-${s}`) } } }],
        ...(forcedTunneling ? { gatewayDefaultSite: { id: `${rg}/providers/${NET}/localNetworkGateways/onprem-${s}` } } : {}),
      };
      add(vpn);
    }
    const conn = base("connections", `conn-${s}`);
    conn["properties"] = {
      connectionType: "ExpressRoute",
      virtualNetworkGateway1: { id: erGw["id"] },
      peer: { id: circuitId },
      routingWeight: 0,
      enableBgp: false,
      expressRouteGatewayBypass: chance(0.05),
      ...(chance(0.1) ? { ipsecPolicies: [{ ikeEncryption: "AES256", ikeIntegrity: "SHA384", ipsecEncryption: "GCMAES256", ipsecIntegrity: "GCMAES256", dhGroup: "ECP384", pfsGroup: "ECP384" }] } : {}),
    };
    add(conn);
    const fw = base("azureFirewalls", `fw-${s}`);
    fw["zones"] = zoneRedundant ? ["1", "2", "3"] : [];
    fw["properties"] = {
      sku: { name: "AZFW_VNet", tier: pick(["Standard", "Premium"]) },
      threatIntelMode: chance(0.8) ? "Deny" : "Alert",
      ipConfigurations: [{ name: "fw", properties: { privateIPAddress: `10.${second}.${third}.68`, subnet: { id: `${hubId}/subnets/AzureFirewallSubnet` }, publicIPAddress: { id: pip(`pip-fw-${s}`) } } }],
    };
    add(fw);

    // --- spokes: fill the rest of the budget for this subscription ---
    const target = Math.round(((s + 1) * options.resources) / subscriptions);
    let spoke = 0;
    while (resources.length < target) {
      const name = `vnet-spoke-${s}-${spoke}`;
      const vnet = base("virtualNetworks", name);
      const vnetId = vnet["id"] as string;
      const octet = third + 4 + (spoke % 12);
      const nsg = base("networkSecurityGroups", `nsg-${s}-${spoke}`);
      const open = chance(0.07);
      const port = pick(["22", "3389", "443", "1433"]);
      nsg["properties"] = {
        securityRules: [
          {
            name: "allow-app",
            properties: { priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefix: "10.0.0.0/8", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "443" },
          },
          {
            name: open ? "allow-mgmt-from-anywhere" : "allow-mgmt-from-bastion",
            properties: { priority: 200, direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefix: open ? pick(["*", "Internet", "0.0.0.0/0"]) : "10.250.0.0/24", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRanges: [port, "5985-5986"] },
          },
          {
            name: "deny-internet",
            properties: { priority: 4000, direction: "Inbound", access: "Deny", protocol: "*", sourceAddressPrefix: "Internet", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
          },
        ],
      };
      add(nsg);
      const rt = base("routeTables", `rt-${s}-${spoke}`);
      const toInternet = chance(0.06);
      rt["properties"] = {
        disableBgpRoutePropagation: forcedTunneling ? false : chance(0.5),
        routes: [
          {
            name: "default",
            properties: toInternet ? { addressPrefix: "0.0.0.0/0", nextHopType: "Internet" } : { addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: `10.${second}.${third}.68` },
          },
        ],
      };
      add(rt);
      const subnets: Json[] = [];
      for (let k = 0; k < 3; k++) {
        const withNsg = !chance(0.05);
        subnets.push({
          id: `${vnetId}/subnets/snet-${k}`,
          name: `snet-${k}`,
          properties: {
            addressPrefix: `10.${second}.${octet}.${k * 64}/26`,
            ...(withNsg ? { networkSecurityGroup: { id: nsg["id"] } } : {}),
            routeTable: { id: rt["id"] },
          },
        });
      }
      vnet["properties"] = {
        addressSpace: { addressPrefixes: [`10.${second}.${octet}.0/24`] },
        subnets,
        virtualNetworkPeerings: [
          { name: "to-hub", properties: { remoteVirtualNetwork: { id: hubId }, allowForwardedTraffic: true, useRemoteGateways: true, peeringState: "Connected" } },
        ],
      };
      add(vnet);
      (hub["properties"] as { virtualNetworkPeerings: Json[] }).virtualNetworkPeerings.push({
        name: `to-${name}`,
        properties: { remoteVirtualNetwork: { id: vnetId }, allowGatewayTransit: true, peeringState: "Connected" },
      });
      const nic = base("networkInterfaces", `nic-${s}-${spoke}`);
      nic["properties"] = { ipConfigurations: [{ name: "ip", properties: { subnet: { id: `${vnetId}/subnets/snet-0` }, privateIPAddress: `10.${second}.${octet}.4` } }] };
      add(nic);
      spoke++;
    }
  }
  resources.sort((a, b) => ((a["id"] as string).toLowerCase() < (b["id"] as string).toLowerCase() ? -1 : 1));
  return {
    schemaVersion: 1,
    source: { kind: "azure", collectedAt: "2026-11-01T02:00:00.000Z", tool: "erguard 0.1.0 (bench generator)", scope: { subscriptions: customers.flatMap((c) => c["subscriptions"] as string[]) }, errors: [] },
    customers,
    resources,
  };
}

function subscriptionId(i: number): string {
  const hex = i.toString(16).padStart(12, "0");
  return `7f3e0000-0000-4000-8000-${hex}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 1);
  process.stdout.write(JSON.stringify(generateEstate({ resources: n, seed })));
}
