# METADATA
# description: |
#   Addresses and ports: Internet-equivalent sources, NSG port ranges, CIDR overlap.
package erguard.lib.net

import data.erguard.lib.values

# Source prefixes that mean "anywhere on the Internet" in an NSG rule (compared in lower case).
internet_prefixes := {"*", "any", "internet", "0.0.0.0/0", "0.0.0.0", "::/0", "::", "0::0/0"}

# True when a source prefix admits the whole Internet.
is_internet(p) if {
	is_string(p)
	lower(trim_space(p)) in internet_prefixes
}

# The source prefixes of a security rule (sourceAddressPrefix and sourceAddressPrefixes).
sources(rule) := {p |
	some p in array.concat(
		[object.get(rule, ["properties", "sourceAddressPrefix"], "")],
		list_of(object.get(rule, ["properties", "sourceAddressPrefixes"], [])),
	)
	is_string(p)
	p != ""
}

# The destination port ranges of a security rule (destinationPortRange and …Ranges).
destination_ports(rule) := {p |
	some p in array.concat(
		[object.get(rule, ["properties", "destinationPortRange"], "")],
		list_of(object.get(rule, ["properties", "destinationPortRanges"], [])),
	)
	p != ""
}

list_of(v) := v if is_array(v) else := []

# A port range as [low, high]: "*" is every port, "a-b" a range, "n" one port.
port_range(p) := [0, 65535] if trim_space(sprintf("%v", [p])) == "*"

port_range(p) := [to_number(trim_space(parts[0])), to_number(trim_space(parts[1]))] if {
	parts := split(sprintf("%v", [p]), "-")
	count(parts) == 2
}

port_range(p) := [n, n] if {
	s := trim_space(sprintf("%v", [p]))
	regex.match(`^[0-9]+$`, s)
	n := to_number(s)
}

# True when a security rule's destination ports include `port`.
opens_port(rule, port) if {
	some p in destination_ports(rule)
	[low, high] := port_range(p)
	low <= port
	port <= high
}

# True when a security rule applies to `protocol` ("Tcp", "Udp", …; "*" matches all).
applies_to_protocol(rule, protocol) if values.lc(object.get(rule, ["properties", "protocol"], "*")) in {"*", lower(protocol)}

# A prefix as a CIDR: a bare address is a /32 (or /128 for IPv6). Undefined for tags and junk.
cidr(p) := c if {
	is_string(p)
	c := normalised(trim_space(p))
	net.cidr_is_valid(c)
}

normalised(p) := p if {
	indexof(p, "/") != -1
} else := concat("", [p, "/32"]) if {
	indexof(p, ":") == -1
} else := concat("", [p, "/128"])

# True when two prefixes share an address (prefixes of different IP versions never do).
overlaps(a, b) if {
	ca := cidr(a)
	cb := cidr(b)
	family(ca) == family(cb)
	net.cidr_intersects(ca, cb)
}

# True when prefix `inner` lies within prefix `outer`.
within(outer, inner) if {
	co := cidr(outer)
	ci := cidr(inner)
	family(co) == family(ci)
	net.cidr_contains(co, ci)
}

# The IP version of a CIDR: 4 or 6.
family(c) := 6 if indexof(c, ":") != -1 else := 4

# Private and shared address space (RFC 1918, RFC 6598, RFC 4193).
private_ranges := ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"]

# True when a prefix overlaps private address space.
is_private(p) if {
	some r in private_ranges
	overlaps(r, p)
}

# The prefix length of a CIDR.
prefix_length(p) := to_number(split(cidr(p), "/")[1])

# The overlap keys of a CIDR, from the widest: "wide6" for IPv6; for IPv4 "wide4", then the key
# of each level its length reaches among /8, /16, /22 and /24 ("10", "10.12", "10.12.4/22",
# "10.12.5" for 10.12.5.0/24). A key names the level's first bits, so two prefixes of one family
# overlap only when the key path of one starts with the other's. (/22 separates a hub's address
# space from the /24s of spokes beside it in the same /16.)
key_path(c) := ["wide6"] if indexof(c, ":") != -1

key_path(c) := array.concat(["wide4"], [key | some [level, key] in ipv4_keys(split(parts[0], ".")); level <= length]) if {
	indexof(c, ":") == -1
	parts := split(c, "/")
	length := to_number(parts[1])
}

ipv4_keys(octets) := [
	[8, octets[0]],
	[16, concat(".", [octets[0], octets[1]])],
	[22, sprintf("%s.%s.%d/22", [octets[0], octets[1], third - (third % 4)])],
	[24, concat(".", [octets[0], octets[1], octets[2]])],
] if third := to_number(octets[2])
