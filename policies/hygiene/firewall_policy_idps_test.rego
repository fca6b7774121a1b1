package erguard.rules.hygiene.firewall_policy_idps_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.firewall_policy_idps as rule

policy(tier, idps) := fx.resource(fx.sub_a, "Microsoft.Network/firewallPolicies", "fwp", {"properties": object.union({"sku": {"tier": tier}}, idps)})

test_premium_in_deny_mode_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([policy("Premium", {"intrusionDetection": {"mode": "Deny"}})])
}

test_premium_without_intrusion_detection_fails if {
	p := policy("Premium", {})
	fx.ids(rule.deny) == {lower(p.id)} with input as fx.snapshot([p])
}

test_standard_policies_pass if {
	count(rule.deny) == 0 with input as fx.snapshot([policy("Standard", {})])
}

test_an_unknown_mode_is_unknown if {
	p := policy("Premium", {"intrusionDetection": {"mode": {"$unknown": "azurerm_firewall_policy.hub.intrusion_detection[0].mode"}}})
	fx.ids(rule.unknown) == {lower(p.id)} with input as fx.iac([p])
}
