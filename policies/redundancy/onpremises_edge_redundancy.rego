# METADATA
# title: On-premises edge terminates the two links on two routers
# description: |
#   Microsoft and the provider keep the circuit's two links on separate devices up to the
#   peering location; from there to the customer's (or, connect-through, the CSP's)
#   premises the redundancy is the customer's: two customer edge routers, two physical
#   paths, no shared switch, power feed or conduit. No Azure API shows this side of the
#   circuit, so it is settled by an attestation that names the design or the provider's
#   handover documents.
# custom:
#   id: CSP-RED-003
#   severity: high
#   baseline: redundancy
#   resource_types: [microsoft.network/expressroutecircuits]
#   manual: true
#   remediation: Terminate the primary and the secondary connection on two different edge routers over diverse paths, then record an attestation (erguard.yaml attestations, or an erguard-attest-CSP-RED-003 tag on the circuit) linking to the evidence.
#   references:
#     - https://learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute
#     - https://learn.microsoft.com/azure/expressroute/expressroute-for-cloud-solution-providers#expressroute-for-cloud-solution-providers-csp
#   frameworks:
#     aprl: [0e19cc41-8274-1342-b0db-0e4146eacef8]
package erguard.rules.redundancy.onpremises_edge_redundancy
