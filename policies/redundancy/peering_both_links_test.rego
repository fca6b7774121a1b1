package erguard.rules.redundancy.peering_both_links_test

import data.erguard.lib.fixtures_test as fx
import data.erguard.rules.redundancy.peering_both_links as rule

circuit(peering_extra) := fx.circuit(fx.sub_a, "er-1", {"properties": {"peerings": [object.union(fx.private_peering, peering_extra)]}})

test_a_peering_on_both_links_passes if {
	count(rule.deny) == 0 with input as fx.snapshot([circuit({})])
}

test_a_peering_without_secondary_fails if {
	c := circuit({"properties": {"secondaryPeerAddressPrefix": ""}})
	some f in rule.deny with input as fx.snapshot([c])
	f.evidence.missing == ["AzurePrivatePeering lacks secondaryPeerAddressPrefix"]
}

test_an_unknown_prefix_is_unknown if {
	c := circuit({"properties": {"secondaryPeerAddressPrefix": {"$unknown": "azurerm_express_route_circuit_peering.p.secondary_peer_address_prefix"}}})
	count(rule.deny) == 0 with input as fx.iac([c])
	fx.ids(rule.unknown) == {lower(c.id)} with input as fx.iac([c])
}
