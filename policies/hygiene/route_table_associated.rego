# METADATA
# title: Route table is associated with a subnet
# description: |
#   A route table steers nothing until a subnet uses it. An unassociated table with forced
#   tunneling or firewall routes suggests a path that is not in force: the subnet it was
#   meant for sends its traffic along the system routes instead.
# custom:
#   id: UDR-003
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/routetables]
#   fails_when: No subnet of the snapshot names the route table, and the table's own subnets list is empty.
#   remediation: Associate the table with the subnets it was written for, or delete it.
#   remediation_examples:
#     arm: |
#       "routeTable": { "id": "[resourceId('Microsoft.Network/routeTables', 'rt-app')]" }
#     bicep: |
#       routeTable: {
#         id: routeTable.id
#       }
#     terraform: |
#       resource "azurerm_subnet_route_table_association" "app" {
#         subnet_id      = azurerm_subnet.app.id
#         route_table_id = azurerm_route_table.app.id
#       }
#   references:
#     - https://learn.microsoft.com/azure/virtual-network/manage-route-table#associate-a-route-table-to-a-subnet
#   frameworks:
#     waf: ["OE:05"]
package erguard.rules.hygiene.route_table_associated

import data.erguard.lib.resources as res
import data.erguard.lib.topology

deny contains {
	"resource": t.id,
	"message": sprintf("route table %s is associated with no subnet", [t.name]),
} if {
	some t in res.of_type(res.route_table_type)
	not topology.route_table_subnets[lower(t.id)]
}
