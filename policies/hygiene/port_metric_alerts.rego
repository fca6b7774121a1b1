# METADATA
# title: ExpressRoute Direct port is watched by metric alerts
# description: |
#   On ExpressRoute Direct the customer owns the physical layer: optical light levels, line
#   protocol and link throughput. A degrading optic shows in the light levels days before
#   the link drops; without alerts on the port's metrics the first sign is an outage of
#   every circuit on it.
# custom:
#   id: ER-PORT-005
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/expressrouteports, microsoft.insights/metricalerts]
#   fails_when: No enabled metric alert of the snapshot has the port among its scopes.
#   unknown_when: the source is a template or plan that declares no metric alerts at all.
#   remediation: Create metric alerts on the port for RxLightLevel, TxLightLevel and LineProtocol, and for PortBitsInPerSecond/PortBitsOutPerSecond.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Insights/metricAlerts", "apiVersion": "2018-03-01", "name": "port-1-light", "location": "global",
#         "properties": { "severity": 2, "enabled": true, "scopes": [ "[resourceId('Microsoft.Network/expressRoutePorts', 'port-1')]" ],
#           "evaluationFrequency": "PT5M", "windowSize": "PT15M",
#           "criteria": { "odata.type": "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
#             "allOf": [ { "name": "rx", "metricName": "RxLightLevel", "operator": "LessThan", "threshold": -10, "timeAggregation": "Average", "criterionType": "StaticThresholdCriterion" } ] } } }
#     bicep: |
#       resource lightAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
#         name: 'port-1-light'
#         location: 'global'
#         properties: {
#           severity: 2
#           enabled: true
#           scopes: [ port.id ]
#           evaluationFrequency: 'PT5M'
#           windowSize: 'PT15M'
#           criteria: {
#             'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
#             allOf: [ { name: 'rx', metricName: 'RxLightLevel', operator: 'LessThan', threshold: -10, timeAggregation: 'Average', criterionType: 'StaticThresholdCriterion' } ]
#           }
#         }
#       }
#     terraform: |
#       resource "azurerm_monitor_metric_alert" "port1_light" {
#         name   = "port-1-light"
#         scopes = [azurerm_express_route_port.port1.id]
#         criteria {
#           metric_namespace = "Microsoft.Network/expressRoutePorts"
#           metric_name      = "RxLightLevel"
#           aggregation      = "Average"
#           operator         = "LessThan"
#           threshold        = -10
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-monitoring-metrics-alerts#expressroute-direct
#     - https://azure.github.io/azure-monitor-baseline-alerts/services/Network/expressRoutePorts/
#   frameworks:
#     aprl: [55815823-d588-4cb7-a5b8-ae581837356e]
#     mcsb: [LT-1]
package erguard.rules.hygiene.port_metric_alerts

import data.erguard.lib.monitoring
import data.erguard.lib.resources as res

deny contains {
	"resource": p.id,
	"message": sprintf("no metric alert watches ExpressRoute Direct port %s", [p.name]),
} if {
	not monitoring.metric_alerts_unseen
	some p in res.of_type(res.port_type)
	not monitoring.metric_alert_scopes[lower(p.id)]
}

unknown contains {
	"resource": p.id,
	"message": sprintf("the template declares no metric alerts; whether port %s is watched is decided where alerts are deployed", [p.name]),
} if {
	monitoring.metric_alerts_unseen
	some p in res.of_type(res.port_type)
}
