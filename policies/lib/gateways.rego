# METADATA
# description: |
#   Virtual network gateway attributes read by several rules: the SKU (properties.sku for
#   virtual network gateways, top-level sku elsewhere) and the public IPs of its IP
#   configurations.
package erguard.lib.gateways

import data.erguard.lib.resources as res
import data.erguard.lib.values

# The SKU name of a gateway.
sku(gw) := gw.properties.sku.name if {
	is_string(gw.properties.sku.name)
} else := gw.sku.name if {
	is_string(gw.sku.name)
}

# True when the SKU is not known before deployment.
sku_unknown(gw) if values.unknown_at(gw, ["properties", "sku", "name"])

# The public IP references (lower-case ids) of a gateway's IP configurations.
public_ips(gw) := {res.ref_id(c.properties.publicIPAddress) |
	some c in values.list(gw, ["properties", "ipConfigurations"])
	res.ref_id(c.properties.publicIPAddress)
}
