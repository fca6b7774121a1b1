package erguard.rules.forced_tunneling.firewall_forced_tunnel_mode_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.firewall_forced_tunnel_mode as rule

ft := {"contoso": {"forced_tunneling": true}}

firewall(extra) := fx.resource(fx.sub_a, "Microsoft.Network/azureFirewalls", "fw", extra)

test_a_firewall_in_forced_tunneling_mode_passes if {
	fw := firewall({"properties": {"managementIpConfiguration": {"name": "mgmt", "properties": {}}}})
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [fw]) with data.erguard.config.customers as ft
}

test_a_firewall_breaking_out_locally_fails if {
	fw := firewall({})
	fx.ids(rule.deny) == {lower(fw.id)} with input as fx.snapshot_for(fx.customers, [fw]) with data.erguard.config.customers as ft
}

test_hub_firewalls_and_other_customers_pass if {
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [firewall({"properties": {"virtualHub": {"id": "x"}}})]) with data.erguard.config.customers as ft
	count(rule.deny) == 0 with input as fx.snapshot_for(fx.customers, [firewall({})])
}

test_an_unknown_management_configuration_is_unknown if {
	fw := firewall({"properties": {"managementIpConfiguration": {"$unknown": "azurerm_firewall.fw.management_ip_configuration"}}})
	fx.ids(rule.unknown) == {lower(fw.id)} with input as fx.snapshot_for(fx.customers, [fw]) with data.erguard.config.customers as ft
}
