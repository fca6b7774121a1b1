package erguard.rules.redundancy.firewall_zone_redundant_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.firewall_zone_redundant as rule

fw(zones) := fx.resource(fx.sub_a, "Microsoft.Network/azureFirewalls", "fw", {"zones": zones})

test_a_firewall_in_three_zones_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([fw(["1", "2", "3"])])
}

test_a_firewall_without_zones_fails if {
	fx.ids(rule.deny) == {lower(fw([]).id)} with input as fx.snapshot([fw([])])
}

test_unknown_zones_are_unknown if {
	f := fw({"$unknown": "azurerm_firewall.fw.zones"})
	fx.ids(rule.unknown) == {lower(f.id)} with input as fx.iac([f])
}
