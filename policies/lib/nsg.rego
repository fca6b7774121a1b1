# METADATA
# description: |
#   NSG rule evaluation: inbound and outbound rules, allow and deny, and whether a rule that
#   admits the Internet is hidden by a higher-priority deny. Functions take an NSG's list of
#   security rules (properties.securityRules).
package erguard.lib.nsg

import data.erguard.lib.config
import data.erguard.lib.net
import data.erguard.lib.resources as res
import data.erguard.lib.topology
import data.erguard.lib.values

direction(r) := values.lc(object.get(r, ["properties", "direction"], ""))

access(r) := values.lc(object.get(r, ["properties", "access"], ""))

priority(r) := object.get(r, ["properties", "priority"], 4096)

# True when a rule's sources (sourceAddressPrefix or one of sourceAddressPrefixes) include an
# Internet-equivalent prefix.
from_internet(r) if net.is_internet(object.get(r, ["properties", "sourceAddressPrefix"], ""))

from_internet(r) if {
	some p in net.list_of(object.get(r, ["properties", "sourceAddressPrefixes"], []))
	net.is_internet(p)
}

# inbound_allows[nsg id] lists the NSG's inbound Allow rules in order (only NSGs that have
# some): one pass over every NSG's rules for the rules that read them.
inbound_allows[lower(n.id)] := rs if {
	some n in res.of_type(res.nsg_type)
	rs := [r | some r in values.list(n, ["properties", "securityRules"]); access(r) == "allow"; direction(r) == "inbound"]
	count(rs) > 0
}

# The inbound Allow rules of an NSG (lower-case id), empty when it has none.
inbound_allow_rules(nsg) := object.get(inbound_allows, nsg, [])

# internet_allowed[nsg id] lists the NSG's inbound Allow rules that admit the Internet and that
# no higher-priority Deny hides (only NSGs that have some). Computed once for every rule that
# asks; most NSGs have none.
internet_allowed[nsg] := rs if {
	some nsg, allows in inbound_allows
	rules := values.list(res.of_type(res.nsg_type)[nsg], ["properties", "securityRules"])
	rs := [r | some r in allows; from_internet(r); not hidden(r, rules)]
	count(rs) > 0
}

# NSGs whose security rules hold a value not known before deployment (lower-case ids).
rules_unknown contains lower(n.id) if {
	some n in res.of_type(res.nsg_type)
	values.has_unknown(object.get(n, ["properties", "securityRules"], []))
}

# The Internet-admitting rules of an NSG (lower-case id), empty when it has none.
internet_rules(nsg) := object.get(internet_allowed, nsg, [])

# True when a higher-priority inbound Deny rule from the Internet hides an Allow rule
# completely (for all its ports and protocols).
hidden(r, rules) if {
	some d in rules
	direction(d) == "inbound"
	access(d) == "deny"
	priority(d) < priority(r)
	from_internet(d)
	protocol_covers(d, r)
	every p in net.destination_ports(r) {
		port_covered(d, p)
	}
}

# The Internet Allow rules of an NSG (lower-case id) that expose `port` over `protocol`,
# unless a higher-priority Deny from the Internet closes that port.
exposing(nsg, rules, port, protocol) := [r |
	some r in internet_rules(nsg)
	net.opens_port(r, port)
	net.applies_to_protocol(r, protocol)
	not closed(r, rules, port, protocol)
]

closed(r, rules, port, protocol) if {
	some d in rules
	direction(d) == "inbound"
	access(d) == "deny"
	priority(d) < priority(r)
	from_internet(d)
	net.opens_port(d, port)
	net.applies_to_protocol(d, protocol)
}

protocol_covers(d, r) if object.get(d, ["properties", "protocol"], "*") == "*"

protocol_covers(d, r) if values.lc(object.get(d, ["properties", "protocol"], "*")) == values.lc(object.get(r, ["properties", "protocol"], "*"))

port_covered(d, p) if {
	[low, high] := net.port_range(p)
	some q in net.destination_ports(d)
	[dl, dh] := net.port_range(q)
	dl <= low
	high <= dh
}

# Subnet names that need no NSG or must not have one (compared case-insensitively).
exempt_subnets := {lower(s) | some s in config.get(["nsg", "exempt_subnets"], [])}

# NSGs whose every association is with an exempt subnet (and that have at least one).
exempt_only contains nsg_id if {
	some nsg_id, subnets in topology.nsg_subnets
	not topology.nsg_nics[nsg_id]
	every sid in subnets {
		lower(res.name_of(sid)) in exempt_subnets
	}
}
