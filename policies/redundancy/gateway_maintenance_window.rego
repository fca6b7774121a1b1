# METADATA
# title: Virtual network gateway has a customer-controlled maintenance window
# description: |
#   Azure patches gateways on its own schedule unless a maintenance configuration assigns
#   them a window. For gateways that carry a customer's only path to on-premises, unplanned
#   maintenance means failovers during business hours; a customer-controlled window moves
#   them to a time the CSP and the customer agreed on.
# custom:
#   id: ER-GW-004
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/virtualnetworkgateways, microsoft.maintenance/configurationassignments]
#   fails_when: No maintenance configuration assignment names the gateway, while the snapshot holds assignments for other resources.
#   unknown_when: the snapshot holds no maintenance configuration assignments at all (Resource Graph keeps them in a separate table; templates often deploy them elsewhere).
#   remediation: Create a maintenance configuration with the Network Gateways scope and a weekly window of at least five hours, and assign it to the gateway.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Maintenance/configurationAssignments", "apiVersion": "2023-04-01",
#         "name": "ergw-window", "location": "westeurope",
#         "scope": "[resourceId('Microsoft.Network/virtualNetworkGateways', 'ergw')]",
#         "properties": { "maintenanceConfigurationId": "[resourceId('Microsoft.Maintenance/maintenanceConfigurations', 'gateways-sunday')]" } }
#     bicep: |
#       resource window 'Microsoft.Maintenance/configurationAssignments@2023-04-01' = {
#         name: 'ergw-window'
#         location: location
#         scope: ergw
#         properties: {
#           maintenanceConfigurationId: gatewaysSunday.id
#         }
#       }
#     terraform: |
#       resource "azapi_resource" "ergw_window" {
#         type      = "Microsoft.Maintenance/configurationAssignments@2023-04-01"
#         name      = "ergw-window"
#         location  = "westeurope"
#         parent_id = azurerm_virtual_network_gateway.ergw.id
#         body = {
#           properties = { maintenanceConfigurationId = azurerm_maintenance_configuration.gateways.id }
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/customer-controlled-gateway-maintenance
#   frameworks:
#     psrule: [Azure.VNG.MaintenanceConfig]
#     aprl: [3e115044-a3aa-433e-be01-ce17d67e50da]
package erguard.rules.redundancy.gateway_maintenance_window

import data.erguard.lib.resources as res

# The resources (lower-case ids) maintenance configurations are assigned to.
assigned contains lower(a.properties.resourceId) if {
	some a in res.of_type(res.maintenance_assignment_type)
	is_string(a.properties.resourceId)
}

deny contains {
	"resource": gw.id,
	"message": sprintf("virtual network gateway %s has no maintenance configuration assigned", [gw.name]),
} if {
	count(res.of_type(res.maintenance_assignment_type)) > 0
	some gw in res.of_type(res.gateway_type)
	not assigned[lower(gw.id)]
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the snapshot holds no maintenance configuration assignments, so whether gateway %s has a window is not known", [gw.name]),
} if {
	count(res.of_type(res.maintenance_assignment_type)) == 0
	some gw in res.of_type(res.gateway_type)
}
