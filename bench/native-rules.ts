// Five representative checks written directly in TypeScript over the same snapshot: the
// baseline the Rego engine is measured against (npm run bench). Each returns the ids of the
// resources it fails. They follow the bundle's rules of the same meaning (ids in RULE_IDS),
// simplified to the common shapes of a live snapshot.

type Json = Record<string, unknown>;
interface Resource {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly sku?: Json;
  readonly properties: Json;
}

const INTERNET = new Set(["*", "0.0.0.0/0", "internet", "any", "::/0", "0.0.0.0"]);
const MANAGEMENT_PORTS = [22, 3389, 5985, 5986];
const EXEMPT_SUBNETS = new Set(["gatewaysubnet", "azurefirewallsubnet", "azurefirewallmanagementsubnet", "routeserversubnet", "azurebastionsubnet"]);

function ofType(resources: readonly Resource[], type: string): Resource[] {
  return resources.filter((r) => r.type === type);
}

function list(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : [];
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

// A subnet (not an Azure-managed one) without a network security group.
export function subnetWithoutNsg(resources: readonly Resource[]): string[] {
  const out: string[] = [];
  for (const vnet of ofType(resources, "microsoft.network/virtualnetworks")) {
    for (const s of list(vnet.properties["subnets"])) {
      const name = (str(s["name"]) ?? "").toLowerCase();
      const props = (s["properties"] ?? {}) as Json;
      if (EXEMPT_SUBNETS.has(name)) continue;
      if (props["networkSecurityGroup"] === undefined) out.push(vnet.id);
    }
  }
  return [...new Set(out)];
}

function portsOf(props: Json): string[] {
  const ports = [str(props["destinationPortRange"]), ...list(props["destinationPortRanges"]).map(str)];
  return ports.filter((p): p is string => p !== undefined);
}

function covers(range: string, port: number): boolean {
  if (range === "*") return true;
  const [a, b] = range.split("-").map(Number);
  return b === undefined ? a === port : port >= a! && port <= b;
}

// An NSG that allows inbound traffic from the Internet to a management port.
export function nsgOpenManagement(resources: readonly Resource[]): string[] {
  const out: string[] = [];
  for (const nsg of ofType(resources, "microsoft.network/networksecuritygroups")) {
    const open = list(nsg.properties["securityRules"]).some((rule) => {
      const p = (rule["properties"] ?? {}) as Json;
      if (p["access"] !== "Allow" || p["direction"] !== "Inbound") return false;
      const sources = [str(p["sourceAddressPrefix"]), ...list(p["sourceAddressPrefixes"]).map(str)].filter((x): x is string => x !== undefined);
      if (!sources.some((s) => INTERNET.has(s.toLowerCase()))) return false;
      return portsOf(p).some((range) => MANAGEMENT_PORTS.some((port) => covers(range, port)));
    });
    if (open) out.push(nsg.id);
  }
  return out;
}

// An ExpressRoute virtual network gateway whose SKU is not zone-redundant.
export function gatewayNotZoneRedundant(resources: readonly Resource[]): string[] {
  return ofType(resources, "microsoft.network/virtualnetworkgateways")
    .filter((g) => g.properties["gatewayType"] === "ExpressRoute")
    .filter((g) => !/AZ$/i.test(str((g.properties["sku"] as Json | undefined)?.["name"]) ?? ""))
    .map((g) => g.id);
}

// A circuit peering configured on the primary path only.
export function peeringWithoutSecondary(resources: readonly Resource[]): string[] {
  const out: string[] = [];
  for (const c of ofType(resources, "microsoft.network/expressroutecircuits")) {
    const single = list(c.properties["peerings"]).some((p) => {
      const props = (p["properties"] ?? {}) as Json;
      return props["primaryPeerAddressPrefix"] !== undefined && props["secondaryPeerAddressPrefix"] === undefined;
    });
    if (single) out.push(c.id);
  }
  return out;
}

// A route table that sends 0.0.0.0/0 straight to the Internet.
export function defaultRouteToInternet(resources: readonly Resource[]): string[] {
  return ofType(resources, "microsoft.network/routetables")
    .filter((rt) =>
      list(rt.properties["routes"]).some((r) => {
        const p = (r["properties"] ?? {}) as Json;
        return p["addressPrefix"] === "0.0.0.0/0" && p["nextHopType"] === "Internet";
      }),
    )
    .map((rt) => rt.id);
}

export const NATIVE_RULES = {
  subnetWithoutNsg,
  nsgOpenManagement,
  gatewayNotZoneRedundant,
  peeringWithoutSecondary,
  defaultRouteToInternet,
} as const;

// The bundle's rules with the same meaning, by the native rule's name.
export const RULE_IDS: Readonly<Record<keyof typeof NATIVE_RULES, string>> = {
  subnetWithoutNsg: "NSG-004",
  nsgOpenManagement: "NSG-002",
  gatewayNotZoneRedundant: "ER-GW-002",
  peeringWithoutSecondary: "ER-PEER-006",
  defaultRouteToInternet: "CSP-FT-003", // for forced-tunneling customers: the bench makes every customer one
};

export function runNative(resources: readonly Resource[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, rule] of Object.entries(NATIVE_RULES)) out[name] = rule(resources);
  return out;
}
