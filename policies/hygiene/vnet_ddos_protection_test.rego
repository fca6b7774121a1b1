package erguard.rules.hygiene.vnet_ddos_protection_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.vnet_ddos_protection as rule

hub(ddos) := fx.vnet(fx.sub_a, "hub", ["10.0.0.0/16"], [], {"properties": {"enableDdosProtection": ddos}})

vpn := fx.gateway(fx.sub_a, "vpngw", "hub", {"properties": {"gatewayType": "Vpn"}})

test_a_protected_hub_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([hub(true), vpn])
}

test_an_unprotected_hub_with_a_vpn_gateway_fails if {
	fx.ids(rule.deny) == {lower(hub(false).id)} with input as fx.snapshot([hub(false), vpn])
}

test_networks_without_internet_facing_services_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([hub(false), fx.gateway(fx.sub_a, "ergw", "hub", {})])
}

test_an_unknown_setting_is_unknown if {
	v := hub({"$unknown": "azurerm_virtual_network.hub.ddos_protection_plan"})
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v, vpn])
}
