# METADATA
# title: ExpressRoute gateway is watched by metric alerts
# description: |
#   The gateway is the bottleneck between the circuit and the virtual network: CPU,
#   packets per second and the number of routes learned decide whether it keeps up. Without
#   alerts on those metrics a gateway that is overloaded or losing routes degrades the
#   customer's connectivity unnoticed.
# custom:
#   id: ER-GW-005
#   severity: medium
#   baseline: hygiene
#   resource_types: [microsoft.network/virtualnetworkgateways, microsoft.network/expressroutegateways, microsoft.insights/metricalerts]
#   fails_when: No enabled metric alert of the snapshot has the ExpressRoute gateway (virtual network or Virtual WAN) among its scopes.
#   unknown_when: the source is a template or plan that declares no metric alerts at all.
#   remediation: Create metric alerts on the gateway for ExpressRouteGatewayCpuUtilization, ExpressRouteGatewayPacketsPerSecond and ExpressRouteGatewayCountOfRoutesLearned.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Insights/metricAlerts", "apiVersion": "2018-03-01", "name": "ergw-cpu", "location": "global",
#         "properties": { "severity": 2, "enabled": true, "scopes": [ "[resourceId('Microsoft.Network/virtualNetworkGateways', 'ergw')]" ],
#           "evaluationFrequency": "PT5M", "windowSize": "PT15M",
#           "criteria": { "odata.type": "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
#             "allOf": [ { "name": "cpu", "metricName": "ExpressRouteGatewayCpuUtilization", "operator": "GreaterThan", "threshold": 80, "timeAggregation": "Average", "criterionType": "StaticThresholdCriterion" } ] } } }
#     bicep: |
#       resource cpuAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
#         name: 'ergw-cpu'
#         location: 'global'
#         properties: {
#           severity: 2
#           enabled: true
#           scopes: [ ergw.id ]
#           evaluationFrequency: 'PT5M'
#           windowSize: 'PT15M'
#           criteria: {
#             'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
#             allOf: [ { name: 'cpu', metricName: 'ExpressRouteGatewayCpuUtilization', operator: 'GreaterThan', threshold: 80, timeAggregation: 'Average', criterionType: 'StaticThresholdCriterion' } ]
#           }
#         }
#       }
#     terraform: |
#       resource "azurerm_monitor_metric_alert" "ergw_cpu" {
#         name   = "ergw-cpu"
#         scopes = [azurerm_virtual_network_gateway.ergw.id]
#         criteria {
#           metric_namespace = "Microsoft.Network/virtualNetworkGateways"
#           metric_name      = "ExpressRouteGatewayCpuUtilization"
#           aggregation      = "Average"
#           operator         = "GreaterThan"
#           threshold        = 80
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-monitoring-metrics-alerts#expressroute-gateways
#     - https://learn.microsoft.com/azure/virtual-wan/monitoring-best-practices#expressroute-gateway
#   frameworks:
#     aprl: [1c34faa8-8b99-974c-adbf-71922eae943c, 17e8d380-e4b4-41a1-9b37-2e4df9fd5125]
#     mcsb: [LT-1]
package erguard.rules.hygiene.gateway_metric_alerts

import data.erguard.lib.monitoring
import data.erguard.lib.resources as res
import data.erguard.lib.topology

gateways[lower(gw.id)] := gw if {
	some gw in res.of_type(res.gateway_type)
	topology.is_er_gateway(gw)
}

gateways[lower(g.id)] := g if some g in res.of_type(res.er_gateway_type)

deny contains {
	"resource": gw.id,
	"message": sprintf("no metric alert watches ExpressRoute gateway %s", [gw.name]),
} if {
	not monitoring.metric_alerts_unseen
	some gw in gateways
	not monitoring.metric_alert_scopes[lower(gw.id)]
}

unknown contains {
	"resource": gw.id,
	"message": sprintf("the template declares no metric alerts; whether gateway %s is watched is decided where alerts are deployed", [gw.name]),
} if {
	monitoring.metric_alerts_unseen
	some gw in gateways
}
