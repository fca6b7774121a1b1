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

# The overlap keys of a CIDR, from the widest: "wide6" for IPv6; for IPv4 "wide4", then one key
# per whole octet its length covers, at most three ("10", "10.12", "10.12.5" for a /24 or longer).
# Two prefixes of one family overlap only when the key path of one starts with the other's.
key_path(c) := ["wide6"] if indexof(c, ":") != -1

key_path(c) := array.concat(["wide4"], [concat(".", array.slice(octets, 0, i)) | some i in [1, 2, 3]; i * 8 <= length]) if {
	indexof(c, ":") == -1
	parts := split(c, "/")
	length := to_number(parts[1])
	octets := split(parts[0], ".")
}
