package erguard.rules.forced_tunneling.subnet_default_outbound_access_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.forced_tunneling.subnet_default_outbound_access as rule

vnet(setting) := fx.vnet(fx.sub_a, "spoke", ["10.1.0.0/16"], [
	fx.subnet(fx.sub_a, "spoke", "app", "10.1.0.0/24", {"properties": setting}),
	fx.subnet(fx.sub_a, "spoke", "AzureFirewallSubnet", "10.1.1.0/26", {}),
], {})

test_private_subnets_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([vnet({"defaultOutboundAccess": false})])
}

test_default_outbound_access_fails if {
	v := vnet({"defaultOutboundAccess": true})
	fx.ids(rule.deny) == {lower(v.id)} with input as fx.snapshot([v])
}

test_a_live_subnet_without_the_setting_fails if {
	v := vnet({})
	fx.ids(rule.deny) == {lower(v.id)} with input as fx.snapshot([v])
}

test_a_template_without_the_setting_is_unknown if {
	v := vnet({})
	count(rule.deny) == 0 with input as fx.iac([v])
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v])
}

test_a_setting_not_known_before_deployment_is_unknown if {
	v := vnet({"defaultOutboundAccess": {"$unknown": "azurerm_subnet.app.default_outbound_access_enabled"}})
	count(rule.deny) == 0 with input as fx.iac([v])
	fx.ids(rule.unknown) == {lower(v.id)} with input as fx.iac([v])
	count(rule.unknown) == 0 with input as fx.iac([vnet({"defaultOutboundAccess": false})])
}
