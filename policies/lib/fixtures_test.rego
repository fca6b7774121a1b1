# Builders of snapshot fragments for the bundle's unit tests (a _test module: never part of a
# scan). Each builder takes the fields that matter to a test and an `extra` object that
# object.union merges over the defaults (recursively for objects; a list replaces the default).
package erguard.lib.fixtures_test

sub_a := "00000000-0000-0000-0000-00000000000a"

sub_b := "00000000-0000-0000-0000-00000000000b"

sub_csp := "00000000-0000-0000-0000-0000000000cc"

# The id of a resource of `type` (e.g. Microsoft.Network/virtualNetworks) in resource group rg.
rid(sub, type, name) := sprintf("/subscriptions/%s/resourceGroups/rg/providers/%s/%s", [sub, type, name])

resource(sub, type, name, extra) := object.union(
	{
		"id": rid(sub, type, name),
		"name": name,
		"type": lower(type),
		"location": "westeurope",
		"subscriptionId": sub,
		"resourceGroup": "rg",
		"tags": {},
		"properties": {},
	},
	extra,
)

# A live snapshot of `resources` with no customers.
snapshot(resources) := snapshot_for([], resources)

# A live snapshot with customers ({"name", "subscriptions", "model"} objects).
snapshot_for(customers, resources) := {
	"schemaVersion": 1,
	"source": {"kind": "azure", "collectedAt": "2025-01-01T00:00:00Z", "tool": "erguard test", "scope": {}, "errors": []},
	"customers": customers,
	"resources": resources,
}

# A snapshot collected from an ARM template.
iac(resources) := object.union(snapshot(resources), {"source": {"kind": "arm"}})

# Two customers: contoso owns subscription a, fabrikam subscription b.
customers := [
	{"name": "contoso", "subscriptions": [sub_a], "model": "connect-through"},
	{"name": "fabrikam", "subscriptions": [sub_b], "model": "connect-to"},
]

# --- ExpressRoute ---------------------------------------------------------------------------

private_peering := {
	"name": "AzurePrivatePeering",
	"properties": {
		"peeringType": "AzurePrivatePeering",
		"state": "Enabled",
		"peerASN": 65010,
		"primaryPeerAddressPrefix": "192.168.100.0/30",
		"secondaryPeerAddressPrefix": "192.168.100.4/30",
		"primaryAzurePort": "AMS-ER-CIS-1-PRI-A",
		"secondaryAzurePort": "AMS-ER-CIS-2-SEC-A",
		"vlanId": 100,
		"sharedKey": "<redacted>",
	},
}

microsoft_peering(extra) := object.union(
	{
		"name": "MicrosoftPeering",
		"properties": {
			"peeringType": "MicrosoftPeering",
			"state": "Enabled",
			"peerASN": 64999,
			"primaryPeerAddressPrefix": "203.0.113.0/30",
			"secondaryPeerAddressPrefix": "203.0.113.4/30",
			"vlanId": 200,
			"sharedKey": "<redacted>",
			"microsoftPeeringConfig": {
				"advertisedPublicPrefixes": ["203.0.113.128/27"],
				"advertisedPublicPrefixesState": "Configured",
				"customerASN": 64999,
				"routingRegistryName": "RIPENCC",
			},
		},
	},
	extra,
)

circuit_id(sub, name) := rid(sub, "Microsoft.Network/expressRouteCircuits", name)

circuit(sub, name, extra) := resource(sub, "Microsoft.Network/expressRouteCircuits", name, object.union(
	{
		"sku": {"name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData"},
		"properties": {
			"serviceProviderProperties": {"serviceProviderName": "Equinix", "peeringLocation": "Amsterdam", "bandwidthInMbps": 1000},
			"serviceProviderProvisioningState": "Provisioned",
			"circuitProvisioningState": "Enabled",
			"allowClassicOperations": false,
			"peerings": [private_peering],
			"authorizations": [],
		},
	},
	extra,
))

port_id(sub, name) := rid(sub, "Microsoft.Network/expressRoutePorts", name)

link(name, router, extra) := object.union(
	{"name": name, "properties": {
		"adminState": "Enabled",
		"routerName": router,
		"macSecConfig": {
			"cipher": "GcmAes256",
			"cknSecretIdentifier": "https://kv.vault.azure.net/secrets/ckn",
			"cakSecretIdentifier": "https://kv.vault.azure.net/secrets/cak",
			"sciState": "Enabled",
		},
	}},
	extra,
)

port(sub, name, extra) := resource(sub, "Microsoft.Network/expressRoutePorts", name, object.union(
	{"properties": {
		"peeringLocation": "Amsterdam",
		"bandwidthInGbps": 10,
		"encapsulation": "QinQ",
		"links": [link("link1", "ams-06gmr-cis-1", {}), link("link2", "ams-06gmr-cis-2", {})],
	}},
	extra,
))

route_filter_id(sub, name) := rid(sub, "Microsoft.Network/routeFilters", name)

route_filter(sub, name, communities, extra) := resource(sub, "Microsoft.Network/routeFilters", name, object.union(
	{"properties": {"rules": [{"name": "allow", "properties": {"access": "Allow", "routeFilterRuleType": "Community", "communities": communities}}]}},
	extra,
))

# --- virtual networks -----------------------------------------------------------------------

vnet_id(sub, name) := rid(sub, "Microsoft.Network/virtualNetworks", name)

subnet(sub, vnet, name, prefix, extra) := object.union(
	{"id": concat("/", [vnet_id(sub, vnet), "subnets", name]), "name": name, "properties": {"addressPrefix": prefix}},
	extra,
)

vnet(sub, name, prefixes, subnets, extra) := resource(sub, "Microsoft.Network/virtualNetworks", name, object.union(
	{"properties": {"addressSpace": {"addressPrefixes": prefixes}, "subnets": subnets, "virtualNetworkPeerings": []}},
	extra,
))

peering_to(remote_id, extra) := object.union(
	{"name": "peer", "properties": {
		"remoteVirtualNetwork": {"id": remote_id},
		"allowVirtualNetworkAccess": true,
		"allowForwardedTraffic": false,
		"allowGatewayTransit": false,
		"useRemoteGateways": false,
		"peeringState": "Connected",
	}},
	extra,
)

gateway_id(sub, name) := rid(sub, "Microsoft.Network/virtualNetworkGateways", name)

# A virtual network gateway in the GatewaySubnet of virtual network `vnet` (same subscription).
gateway(sub, name, vnet, extra) := resource(sub, "Microsoft.Network/virtualNetworkGateways", name, object.union(
	{"properties": {
		"gatewayType": "ExpressRoute",
		"sku": {"name": "ErGw1AZ", "tier": "ErGw1AZ"},
		"ipConfigurations": [{"name": "default", "properties": {"subnet": {"id": concat("/", [vnet_id(sub, vnet), "subnets", "GatewaySubnet"])}}}],
		"allowRemoteVnetTraffic": false,
		"allowVirtualWanTraffic": false,
	}},
	extra,
))

connection_id(sub, name) := rid(sub, "Microsoft.Network/connections", name)

# An ExpressRoute connection from gateway id `gw` to circuit id `circuit`.
connection(sub, name, gw, circuit, extra) := resource(sub, "Microsoft.Network/connections", name, object.union(
	{"properties": {
		"connectionType": "ExpressRoute",
		"virtualNetworkGateway1": {"id": gw},
		"peer": {"id": circuit},
		"routingWeight": 0,
		"connectionStatus": "Connected",
	}},
	extra,
))

# --- NSGs and routes ------------------------------------------------------------------------

nsg_id(sub, name) := rid(sub, "Microsoft.Network/networkSecurityGroups", name)

nsg(sub, name, rules, extra) := resource(sub, "Microsoft.Network/networkSecurityGroups", name, object.union(
	{"properties": {"securityRules": rules}},
	extra,
))

# An inbound security rule; `extra` sets ports, protocol, prefixes.
security_rule(name, access, priority, extra) := object.union(
	{"name": name, "properties": {
		"access": access,
		"direction": "Inbound",
		"priority": priority,
		"protocol": "Tcp",
		"sourceAddressPrefix": "10.0.0.0/8",
		"sourcePortRange": "*",
		"destinationAddressPrefix": "*",
		"destinationPortRange": "443",
	}},
	extra,
)

route_table_id(sub, name) := rid(sub, "Microsoft.Network/routeTables", name)

route_table(sub, name, routes, extra) := resource(sub, "Microsoft.Network/routeTables", name, object.union(
	{"properties": {"disableBgpRoutePropagation": false, "routes": routes}},
	extra,
))

route(name, prefix, next_hop, extra) := object.union(
	{"name": name, "properties": {"addressPrefix": prefix, "nextHopType": next_hop}},
	extra,
)

# The resource ids findings name, lower-cased (Azure ids are case-insensitive).
ids(findings) := {lower(f.resource) | some f in findings}
