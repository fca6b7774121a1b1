package erguard.rules.encryption.firewall_encryption_path_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.encryption.firewall_encryption_path as rule

requires := {"contoso": {"encryption": "firewall"}}

vnet(subnet_extra) := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [fx.subnet(fx.sub_a, "hub", "GatewaySubnet", "10.0.0.0/27", subnet_extra)], {})

with_table := {"properties": {"routeTable": {"id": fx.route_table_id(fx.sub_a, "rt-gw")}}}

gw := fx.gateway(fx.sub_a, "ergw", "hub", {})

table(hop) := fx.route_table(fx.sub_a, "rt-gw", [fx.route("spokes", "10.1.0.0/16", hop, {"properties": {"nextHopIpAddress": "10.0.4.4"}})], {})

test_a_gateway_subnet_routed_to_the_appliance_passes if {
	estate := fx.snapshot_for(fx.customers, [vnet(with_table), gw, table("VirtualAppliance")])
	count(rule.deny) == 0 with input as estate with data.erguard.config.customers as requires
	count(rule.unknown) == 0 with input as estate with data.erguard.config.customers as requires
}

test_a_gateway_subnet_without_appliance_route_fails if {
	fx.ids(rule.deny) == {lower(gw.id)} with input as fx.snapshot_for(fx.customers, [vnet({}), gw]) with data.erguard.config.customers as requires
	fx.ids(rule.deny) == {lower(gw.id)} with input as fx.snapshot_for(fx.customers, [vnet(with_table), gw, table("VnetLocal")]) with data.erguard.config.customers as requires
}

test_other_customers_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [vnet({}), gw])
}

test_a_route_table_outside_the_snapshot_is_unknown if {
	fx.ids(rule.unknown) == {lower(gw.id)} with input as fx.snapshot_for(fx.customers, [vnet(with_table), gw]) with data.erguard.config.customers as requires
}
