// A synthetic Azure estate for the fake Azure server: subscriptions and Resource Graph rows built
// from Azure's own REST API examples (azure-examples/), with ids rewritten per subscription.
// Self-contained (Node built-ins only) so that the benchmark can load it with Node's type
// stripping.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export interface EstateRow {
  id: string;
  name: string;
  type: string;
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  tenantId: string;
  sku?: Record<string, unknown>;
  tags?: Record<string, string>;
  zones?: string[];
  properties: Record<string, unknown>;
}

export interface EstateSubscription {
  subscriptionId: string;
  name: string;
  tenantId: string;
  managementGroup?: string;
}

export interface Estate {
  subscriptions: EstateSubscription[];
  resources: EstateRow[];
}

export interface EstateOptions {
  subscriptions: number;
  tenants?: number;
  // The ExpressRoute set (circuit with private and Microsoft peerings, ExpressRoute and VPN
  // gateways, connection, vNet, NSG, route table) in each subscription.
  expressRoute?: boolean;
  // Small resources (public IP addresses) added to each subscription.
  fillerPerSubscription?: number;
  // Resources of a type erguard does not collect, which the server must filter out.
  unrelatedPerSubscription?: number;
}

// Deterministic, GUID-shaped, well spread (so shards are balanced).
export function guid(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function makeEstate(options: EstateOptions): Estate {
  const tenants = Array.from({ length: options.tenants ?? 1 }, (_, i) => guid(`tenant-${i}`));
  const subscriptions: EstateSubscription[] = [];
  const resources: EstateRow[] = [];
  for (let i = 0; i < options.subscriptions; i++) {
    const sub: EstateSubscription = {
      subscriptionId: guid(`subscription-${i}`),
      name: `customer-${i}`,
      tenantId: tenants[i % tenants.length] as string,
    };
    subscriptions.push(sub);
    const rg = `rg-er-${i}`;
    if (options.expressRoute !== false) resources.push(...expressRouteSet(sub, rg));
    for (let n = 0; n < (options.fillerPerSubscription ?? 0); n++) resources.push(publicIp(sub, rg, n));
    for (let n = 0; n < (options.unrelatedPerSubscription ?? 0); n++) {
      resources.push(row(sub, rg, `disk-${n}`, "Microsoft.Compute/disks", { diskSizeGB: 128 }));
    }
  }
  return { subscriptions, resources };
}

function example(file: string): Record<string, unknown> {
  const text = readFileSync(new URL(`./azure-examples/${file}`, import.meta.url), "utf8");
  const responses = (JSON.parse(text) as { responses: Record<string, Record<string, unknown>> }).responses;
  const ok = responses["200"] as Record<string, unknown>;
  // ExpressRouteCircuitPeeringGet.json has no `body` wrapper; list examples have `value`.
  const body = (ok["body"] ?? ok) as Record<string, unknown>;
  const list = body["value"];
  return (Array.isArray(list) ? list[0] : body) as Record<string, unknown>;
}

const EXAMPLES = {
  circuit: example("ExpressRouteCircuitListBySubscription.json"),
  peering: example("ExpressRouteCircuitPeeringGet.json"),
  gateway: example("VirtualNetworkGatewayGet.json"),
  connection: example("VirtualNetworkGatewayConnectionGet.json"),
  vnet: example("VirtualNetworkGet.json"),
  nsg: example("NetworkSecurityGroupGet.json"),
  routeTable: example("RouteTableGet.json"),
};

// An ARM body moved into a subscription and resource group, renamed, as a Resource Graph row.
function fromExample(
  sub: EstateSubscription,
  rg: string,
  body: Record<string, unknown>,
  name: string,
  edit?: (properties: Record<string, unknown>) => void,
): EstateRow {
  const oldName = body["name"] as string;
  const text = JSON.stringify(body)
    .replaceAll("/subscriptions/subid/", `/subscriptions/${sub.subscriptionId}/`)
    .replaceAll("/resourceGroups/rg1/", `/resourceGroups/${rg}/`)
    .replaceAll(`/${oldName}"`, `/${name}"`)
    .replaceAll(`/${oldName}/`, `/${name}/`);
  const arm = JSON.parse(text) as Record<string, unknown>;
  const properties = arm["properties"] as Record<string, unknown>;
  edit?.(properties);
  const out: EstateRow = {
    id: arm["id"] as string,
    name,
    type: (arm["type"] as string).toLowerCase(),
    location: (arm["location"] as string | undefined) ?? "westeurope",
    subscriptionId: sub.subscriptionId,
    resourceGroup: rg.toLowerCase(),
    tenantId: sub.tenantId,
    properties,
  };
  if (arm["sku"] !== undefined) out.sku = arm["sku"] as Record<string, unknown>;
  return out;
}

function expressRouteSet(sub: EstateSubscription, rg: string): EstateRow[] {
  const circuitName = `er-${sub.name}`;
  const circuitId = `/subscriptions/${sub.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Network/expressRouteCircuits/${circuitName}`;
  const peering = (type: string, md5: string): Record<string, unknown> => {
    const p = structuredClone(EXAMPLES.peering);
    const props = p["properties"] as Record<string, unknown>;
    delete p["etag"];
    p["name"] = type;
    p["id"] = `${circuitId}/peerings/${type}`;
    props["peeringType"] = type;
    props["sharedKey"] = md5; // the BGP MD5 key, which Azure returns to readers
    if (type === "AzurePrivatePeering") delete props["microsoftPeeringConfig"];
    return p;
  };
  const circuit = fromExample(sub, rg, EXAMPLES.circuit, circuitName, (props) => {
    props["peerings"] = [peering("AzurePrivatePeering", `md5-private-${sub.name}`), peering("MicrosoftPeering", `md5-microsoft-${sub.name}`)];
    props["serviceProviderProvisioningState"] = "Provisioned";
  });
  const erGateway = fromExample(sub, rg, EXAMPLES.gateway, `ergw-${sub.name}`, (props) => {
    props["gatewayType"] = "ExpressRoute";
    props["sku"] = { name: "ErGw1AZ", tier: "ErGw1AZ" };
    delete props["vpnType"];
  });
  const vpnGateway = fromExample(sub, rg, EXAMPLES.gateway, `vpngw-${sub.name}`, (props) => {
    props["enableBgp"] = true;
  });
  const connection = fromExample(sub, rg, EXAMPLES.connection, `conn-${sub.name}`);
  return [
    circuit,
    erGateway,
    vpnGateway,
    connection,
    fromExample(sub, rg, EXAMPLES.vnet, `vnet-${sub.name}`),
    fromExample(sub, rg, EXAMPLES.nsg, `nsg-${sub.name}`),
    fromExample(sub, rg, EXAMPLES.routeTable, `rt-${sub.name}`),
  ];
}

function publicIp(sub: EstateSubscription, rg: string, n: number): EstateRow {
  return row(sub, rg, `pip-${n}`, "Microsoft.Network/publicIPAddresses", {
    provisioningState: "Succeeded",
    publicIPAddressVersion: "IPv4",
    publicIPAllocationMethod: "Static",
    ipAddress: `203.0.${n >> 8}.${n & 255}`,
  });
}

function row(sub: EstateSubscription, rg: string, name: string, type: string, properties: Record<string, unknown>): EstateRow {
  return {
    id: `/subscriptions/${sub.subscriptionId}/resourceGroups/${rg}/providers/${type}/${name}`,
    name,
    type: type.toLowerCase(),
    location: "westeurope",
    subscriptionId: sub.subscriptionId,
    resourceGroup: rg.toLowerCase(),
    tenantId: sub.tenantId,
    properties,
  };
}
