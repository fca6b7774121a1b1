# METADATA
# title: ExpressRoute circuit is watched by metric alerts
# description: |
#   A circuit whose BGP availability, ARP availability or throughput nobody watches fails
#   silently: the second link goes down and nobody knows the customer has lost its
#   redundancy until the first one follows. Alerts on the circuit's metrics (as the Azure
#   Monitor Baseline Alerts suggest) turn degradation into a ticket.
# custom:
#   id: ER-CIRCUIT-008
#   severity: medium
#   baseline: hygiene
#   resource_types: [microsoft.network/expressroutecircuits, microsoft.insights/metricalerts]
#   fails_when: No enabled metric alert of the snapshot has the circuit among its scopes.
#   unknown_when: the source is a template or plan that declares no metric alerts at all.
#   remediation: Create metric alerts on the circuit for BgpAvailability and ArpAvailability (below 100%) and for BitsInPerSecond/BitsOutPerSecond against its bandwidth.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Insights/metricAlerts", "apiVersion": "2018-03-01", "name": "er-1-bgp", "location": "global",
#         "properties": { "severity": 1, "enabled": true, "scopes": [ "[resourceId('Microsoft.Network/expressRouteCircuits', 'er-1')]" ],
#           "evaluationFrequency": "PT5M", "windowSize": "PT5M",
#           "criteria": { "odata.type": "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
#             "allOf": [ { "name": "bgp", "metricName": "BgpAvailability", "operator": "LessThan", "threshold": 100, "timeAggregation": "Average", "criterionType": "StaticThresholdCriterion" } ] } } }
#     bicep: |
#       resource bgpAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
#         name: 'er-1-bgp'
#         location: 'global'
#         properties: {
#           severity: 1
#           enabled: true
#           scopes: [ circuit.id ]
#           evaluationFrequency: 'PT5M'
#           windowSize: 'PT5M'
#           criteria: {
#             'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
#             allOf: [ { name: 'bgp', metricName: 'BgpAvailability', operator: 'LessThan', threshold: 100, timeAggregation: 'Average', criterionType: 'StaticThresholdCriterion' } ]
#           }
#         }
#       }
#     terraform: |
#       resource "azurerm_monitor_metric_alert" "er1_bgp" {
#         name     = "er-1-bgp"
#         scopes   = [azurerm_express_route_circuit.er1.id]
#         severity = 1
#         criteria {
#           metric_namespace = "Microsoft.Network/expressRouteCircuits"
#           metric_name      = "BgpAvailability"
#           aggregation      = "Average"
#           operator         = "LessThan"
#           threshold        = 100
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-monitoring-metrics-alerts
#     - https://azure.github.io/azure-monitor-baseline-alerts/services/Network/expressRouteCircuits/
#   frameworks:
#     aprl: [9771a435-d031-814e-9827-9b5fdafc0f87]
#     mcsb: [LT-1]
package erguard.rules.hygiene.circuit_metric_alerts

import data.erguard.lib.monitoring
import data.erguard.lib.resources as res

deny contains {
	"resource": c.id,
	"message": sprintf("no metric alert watches circuit %s", [c.name]),
} if {
	not monitoring.metric_alerts_unseen
	some c in res.of_type(res.circuit_type)
	not monitoring.metric_alert_scopes[lower(c.id)]
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the template declares no metric alerts; whether circuit %s is watched is decided where alerts are deployed", [c.name]),
} if {
	monitoring.metric_alerts_unseen
	some c in res.of_type(res.circuit_type)
}
