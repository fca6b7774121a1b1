# METADATA
# title: Traffic through the NSG is recorded by flow logs
# description: |
#   Flow logs are the record of who talked to whom: the evidence an incident response or a
#   customer's auditor asks for when a network path is in question, and the only way to see
#   whether traffic arriving over ExpressRoute matched what the rules intended. Either an NSG
#   flow log on the NSG or a virtual network flow log on the networks of its subnets (NSG
#   flow logs are being retired in favour of virtual network flow logs) counts.
# custom:
#   id: NSG-009
#   severity: medium
#   baseline: nsg
#   resource_types: [microsoft.network/networksecuritygroups, microsoft.network/networkwatchers/flowlogs]
#   fails_when: No enabled flow log targets the NSG or the virtual network of any subnet it protects.
#   unknown_when: the source is a template or plan that declares no flow logs at all (they are often deployed separately).
#   remediation: Enable a virtual network flow log (or an NSG flow log) with Network Watcher, sending to a storage account, and traffic analytics where useful.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Network/networkWatchers/flowLogs", "apiVersion": "2024-05-01",
#         "name": "NetworkWatcher_westeurope/fl-hub", "location": "westeurope",
#         "properties": { "targetResourceId": "[resourceId('Microsoft.Network/virtualNetworks', 'hub')]",
#           "storageId": "[resourceId('Microsoft.Storage/storageAccounts', 'stflowlogs')]", "enabled": true,
#           "retentionPolicy": { "days": 90, "enabled": true } } }
#     bicep: |
#       resource flowLog 'Microsoft.Network/networkWatchers/flowLogs@2024-05-01' = {
#         name: 'NetworkWatcher_westeurope/fl-hub'
#         location: 'westeurope'
#         properties: {
#           targetResourceId: hub.id
#           storageId: flowLogStorage.id
#           enabled: true
#           retentionPolicy: { days: 90, enabled: true }
#         }
#       }
#     terraform: |
#       resource "azurerm_network_watcher_flow_log" "hub" {
#         network_watcher_name = "NetworkWatcher_westeurope"
#         resource_group_name  = "NetworkWatcherRG"
#         name                 = "fl-hub"
#         target_resource_id   = azurerm_virtual_network.hub.id
#         storage_account_id   = azurerm_storage_account.flowlogs.id
#         enabled              = true
#         retention_policy {
#           enabled = true
#           days    = 90
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview
#     - https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview
#   frameworks:
#     aprl: [da1a3c06-d1d5-a940-9a99-fcc05966fe7c]
#     cis-azure: ["6.5"]
#     checkov: [CKV_AZURE_12]
#     mcsb: [LT-4]
package erguard.rules.nsg.nsg_flow_logs

import data.erguard.lib.resources as res
import data.erguard.lib.topology

# The targets (lower-case ids) of enabled flow logs.
targets contains lower(f.properties.targetResourceId) if {
	some f in res.of_type(res.flow_log_type)
	object.get(f, ["properties", "enabled"], true) != false
	is_string(f.properties.targetResourceId)
}

logged(nsg) if targets[nsg]

logged(nsg) if {
	some vnet in topology.nsg_vnets[nsg]
	targets[vnet]
}

deny contains {
	"resource": n.id,
	"message": sprintf("no enabled flow log records traffic through NSG %s or the virtual networks of its subnets", [n.name]),
} if {
	not templates_without_flow_logs
	some n in res.of_type(res.nsg_type)
	not logged(lower(n.id))
}

unknown contains {
	"resource": n.id,
	"message": sprintf("the template declares no flow logs; whether NSG %s is logged is decided where flow logs are deployed", [n.name]),
} if {
	templates_without_flow_logs
	some n in res.of_type(res.nsg_type)
}

templates_without_flow_logs if {
	res.iac
	count(res.of_type(res.flow_log_type)) == 0
}
