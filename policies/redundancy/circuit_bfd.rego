# METADATA
# title: BFD is enabled on the edge routers of the circuit
# description: |
#   Without Bidirectional Forwarding Detection a failed link is noticed only when the BGP
#   hold timer expires (up to three minutes by default), and traffic is lost until then.
#   Microsoft's edge routers have BFD enabled on private and Microsoft peering; it takes
#   effect only when the customer or provider edge routers enable it too, which no Azure API
#   reports. Settle it with an attestation of the edge configuration.
# custom:
#   id: ER-CIRCUIT-013
#   severity: medium
#   baseline: redundancy
#   resource_types: [microsoft.network/expressroutecircuits]
#   manual: true
#   remediation: Enable BFD on the BGP sessions of both edge routers (interval 300 ms, multiplier 3 is Microsoft's setting), then record an attestation (erguard.yaml attestations, or an erguard-attest-ER-CIRCUIT-013 tag on the circuit).
#   references:
#     - https://learn.microsoft.com/azure/expressroute/expressroute-bfd
#   frameworks:
#     aprl: [2a5bf650-586d-db4c-a292-d922be7d3e0e]
package erguard.rules.redundancy.circuit_bfd
