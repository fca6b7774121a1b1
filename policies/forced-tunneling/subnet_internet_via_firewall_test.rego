package erguard.rules.forced_tunneling.subnet_internet_via_firewall_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.subnet_internet_via_firewall as rule

fw := fx.resource(fx.sub_a, "Microsoft.Network/azureFirewalls", "fw", {"properties": {"ipConfigurations": [{"properties": {"subnet": {"id": concat("/", [fx.vnet_id(fx.sub_a, "hub"), "subnets", "AzureFirewallSubnet"])}}}]}})

hub := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "AzureFirewallSubnet", "10.0.3.0/26", {})], {})

spoke(subnet_extra) := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [fx.subnet(fx.sub_a, "spoke", "app", "10.1.0.0/24", subnet_extra)], {"properties": {"virtualNetworkPeerings": [fx.peering_to(hub.id, {})]}})

via_table := {"properties": {"routeTable": {"id": fx.route_table_id(fx.sub_a, "rt-app")}}}

table(hop) := fx.route_table(fx.sub_a, "rt-app", [fx.route("default", "0.0.0.0/0", hop, {"properties": {"nextHopIpAddress": "10.0.3.4"}})], {})

test_a_spoke_routed_through_the_firewall_passes if {
	estate := fx.snapshot([fw, hub, spoke(via_table), table("VirtualAppliance")])
	count(rule.deny) == 0 with input as estate
	count(rule.unknown) == 0 with input as estate
}

test_a_spoke_subnet_without_route_table_fails if {
	s := spoke({})
	fx.ids(rule.deny) == {lower(s.id)} with input as fx.snapshot([fw, hub, s])
}

test_a_route_table_sending_the_default_route_elsewhere_fails if {
	s := spoke(via_table)
	fx.ids(rule.deny) == {lower(s.id)} with input as fx.snapshot([fw, hub, s, table("Internet")])
}

test_networks_without_a_firewall_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([hub, spoke({})])
}

test_a_route_table_outside_the_snapshot_is_unknown if {
	s := spoke(via_table)
	count(rule.deny) == 0 with input as fx.snapshot([fw, hub, s])
	fx.ids(rule.unknown) == {lower(s.id)} with input as fx.snapshot([fw, hub, s])
}

test_a_subnet_whose_properties_are_unknown_is_unknown if {
	s := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [{"name": "app", "properties": {"$unknown": "azurerm_subnet.app.properties"}}], {"properties": {"virtualNetworkPeerings": [fx.peering_to(hub.id, {})]}})
	count(rule.deny) == 0 with input as fx.iac([fw, hub, s])
	fx.ids(rule.unknown) == {lower(s.id)} with input as fx.iac([fw, hub, s])
}
