package erguard.rules.hygiene.firewall_threat_intel_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.hygiene.firewall_threat_intel as rule

policy(mode) := fx.resource(fx.sub_a, "Microsoft.Network/firewallPolicies", "fwp", {"properties": {"threatIntelMode": mode}})

with_policy := fx.resource(fx.sub_a, "Microsoft.Network/azureFirewalls", "fw", {"properties": {"firewallPolicy": {"id": policy("Deny").id}}})

test_a_policy_in_deny_mode_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([with_policy, policy("Deny")])
}

test_a_policy_in_alert_mode_fails if {
	fx.ids(rule.deny) == {lower(with_policy.id)} with input as fx.snapshot([with_policy, policy("Alert")])
}

test_a_classic_firewall_without_the_setting_fails if {
	fw := fx.resource(fx.sub_a, "Microsoft.Network/azureFirewalls", "fw", {})
	fx.ids(rule.deny) == {lower(fw.id)} with input as fx.snapshot([fw])
}

test_a_policy_outside_the_snapshot_is_unknown if {
	fx.ids(rule.unknown) == {lower(with_policy.id)} with input as fx.snapshot([with_policy])
}
