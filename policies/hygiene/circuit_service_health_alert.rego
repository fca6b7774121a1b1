# METADATA
# title: Service Health alerts cover the circuit's subscription
# description: |
#   Microsoft announces planned maintenance of ExpressRoute edge routers, and incidents
#   affecting circuits, through Service Health. Without an activity log alert for Service
#   Health in the circuit's subscription, nobody hears that one link of the pair will be
#   taken down for maintenance, and a customer running on the other link alone by accident
#   finds out the hard way.
# custom:
#   id: ER-CIRCUIT-009
#   severity: low
#   baseline: hygiene
#   resource_types: [microsoft.network/expressroutecircuits, microsoft.insights/activitylogalerts]
#   fails_when: No enabled activity log alert with category ServiceHealth is scoped to the circuit's subscription.
#   unknown_when: the source is a template or plan that declares no activity log alerts at all.
#   remediation: Create a Service Health activity log alert (planned maintenance and incidents, service ExpressRoute) on the subscription, with an action group that reaches the network team.
#   remediation_examples:
#     arm: |
#       { "type": "Microsoft.Insights/activityLogAlerts", "apiVersion": "2020-10-01", "name": "service-health", "location": "global",
#         "properties": { "enabled": true, "scopes": [ "[subscription().id]" ],
#           "condition": { "allOf": [ { "field": "category", "equals": "ServiceHealth" } ] },
#           "actions": { "actionGroups": [ { "actionGroupId": "[resourceId('Microsoft.Insights/actionGroups', 'netops')]" } ] } } }
#     bicep: |
#       resource serviceHealth 'Microsoft.Insights/activityLogAlerts@2020-10-01' = {
#         name: 'service-health'
#         location: 'global'
#         properties: {
#           enabled: true
#           scopes: [ subscription().id ]
#           condition: { allOf: [ { field: 'category', equals: 'ServiceHealth' } ] }
#           actions: { actionGroups: [ { actionGroupId: netops.id } ] }
#         }
#       }
#     terraform: |
#       resource "azurerm_monitor_activity_log_alert" "service_health" {
#         name     = "service-health"
#         location = "global"
#         scopes   = [data.azurerm_subscription.current.id]
#         criteria {
#           category = "ServiceHealth"
#         }
#         action {
#           action_group_id = azurerm_monitor_action_group.netops.id
#         }
#       }
#   references:
#     - https://learn.microsoft.com/azure/expressroute/maintenance-alerts
#   frameworks:
#     aprl: [26cb547f-aabc-dc40-be02-d0a9b6b04b1a]
package erguard.rules.hygiene.circuit_service_health_alert

import data.erguard.lib.monitoring
import data.erguard.lib.resources as res

unseen if {
	res.iac
	count(res.of_type(res.activity_log_alert_type)) == 0
}

deny contains {
	"resource": c.id,
	"message": sprintf("no Service Health alert covers subscription %s of circuit %s", [res.subscription_of_id(c.id), c.name]),
} if {
	not unseen
	some c in res.of_type(res.circuit_type)
	not monitoring.service_health_subscriptions[res.subscription_of_id(c.id)]
}

unknown contains {
	"resource": c.id,
	"message": sprintf("the template declares no activity log alerts; whether circuit %s is covered is decided where alerts are deployed", [c.name]),
} if {
	unseen
	some c in res.of_type(res.circuit_type)
}
