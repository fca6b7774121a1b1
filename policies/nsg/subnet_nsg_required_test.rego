package erguard.rules.nsg.subnet_nsg_required_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.nsg.subnet_nsg_required as rule

with_nsg(name) := fx.subnet(fx.sub_a, "hub", name, "10.0.1.0/24", {"properties": {"networkSecurityGroup": {"id": fx.nsg_id(fx.sub_a, "nsg")}}})

bare(name) := fx.subnet(fx.sub_a, "hub", name, "10.0.2.0/24", {})

vnet(subnets) := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], subnets, {})

test_subnets_with_nsgs_and_exempt_subnets_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([vnet([with_nsg("app"), bare("GatewaySubnet"), bare("AzureFirewallSubnet")])])
}

test_a_subnet_without_an_nsg_fails if {
	v := vnet([with_nsg("app"), bare("data")])
	fx.ids(rule.deny) == {lower(v.id)} with input as fx.snapshot([v])
	some f in rule.deny with input as fx.snapshot([v])
	f.evidence.subnets == ["data"]
}

test_an_association_known_only_after_apply_is_unknown if {
	v := vnet([fx.subnet(fx.sub_a, "hub", "app", "10.0.1.0/24", {"properties": {"networkSecurityGroup": {"id": {"$unknown": "azurerm_subnet_network_security_group_association.app.network_security_group_id"}}}})])
	count(rule.deny) == 0 with input as fx.iac([v])
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v])
}
