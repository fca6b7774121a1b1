// The azurerm → ARM mappings: how each azurerm network resource of a Terraform plan becomes
// the ARM resource a live GET returns. The table of what maps to what is in the documentation
// of terraform-plan.ts; this file is its implementation, one entry per azurerm type.
//
// Attribute values may be unknown markers (after_unknown); terraform-plan.ts has already
// replaced an unknown *_id that references another resource of the plan by that resource's ARM
// id. Null and empty-string attributes are left out, as ARM omits unset properties.

import { isObject, isUnknown, type JsonObject, type JsonValue } from "./json-value.js";

export interface AzurermMapping {
  readonly armType: string;
  // The resource's name segments below its resource group ([vnet, subnet] for a subnet)…
  readonly names?: (v: JsonObject) => readonly (JsonValue | undefined)[];
  // …or, for a child known only by its parent's id, the attribute holding that id and the
  // child's id segment (a Global Reach connection below its peering).
  readonly parent?: { readonly attribute: string; readonly segment: string };
  // The ARM name of the resource when it is not `name` (a peering is named by its type).
  readonly name?: (v: JsonObject) => JsonValue | undefined;
  readonly properties: (v: JsonObject) => JsonObject;
  readonly sku?: (v: JsonObject) => JsonObject | undefined;
}

// An association resource: it sets one property of a subnet.
export interface AzurermAssociation {
  readonly subnetAttribute: string;
  readonly property: string;
  readonly valueAttribute: string;
}

// --- helpers

function present(value: JsonValue | undefined): JsonValue | undefined {
  return value === null || value === undefined || value === "" ? undefined : value;
}

function val(v: JsonObject, attribute: string): JsonValue | undefined {
  return present(v[attribute]);
}

function compact(entries: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, value] of Object.entries(entries)) if (value !== undefined) out[k] = value;
  return out;
}

function ref(id: JsonValue | undefined): JsonObject | undefined {
  return id === undefined ? undefined : { id };
}

function refs(ids: JsonValue | undefined): JsonValue | undefined {
  if (ids === undefined || isUnknown(ids)) return ids;
  return Array.isArray(ids) ? ids.map((id) => ({ id })) : undefined;
}

function enabledState(value: JsonValue | undefined): JsonValue | undefined {
  if (value === true) return "Enabled";
  if (value === false) return "Disabled";
  return value;
}

// A nested block list (ip_configuration, security_rule, …), mapped element by element.
function blocks(v: JsonObject, attribute: string, map: (block: JsonObject) => JsonValue): JsonValue | undefined {
  const value = v[attribute];
  if (value === null || value === undefined) return undefined;
  if (isUnknown(value)) return value;
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map(map);
}

// A block attribute the plan only knows after apply.
function unknownOf(v: JsonObject, attribute: string): JsonValue | undefined {
  const value = v[attribute];
  return isUnknown(value) ? value : undefined;
}

// The first block of a single-block attribute (bgp_settings, vpn_client_configuration).
function block(v: JsonObject, attribute: string): JsonObject | undefined {
  const value = v[attribute];
  if (Array.isArray(value) && isObject(value[0] ?? null)) return value[0] as JsonObject;
  return undefined;
}

// A subnet shows one prefix as addressPrefix and several as addressPrefixes.
// (azurerm 2 also had address_prefix, which may be known where address_prefixes is not.)
function prefixes(v: JsonObject, many: string, one: string): Record<string, JsonValue | undefined> {
  const list = v[many];
  if (Array.isArray(list)) return list.length === 1 ? { addressPrefix: list[0] } : { addressPrefixes: list };
  const single = val(v, one);
  if (single !== undefined && !isUnknown(single)) return { addressPrefix: single };
  return isUnknown(list) ? { addressPrefixes: list } : { addressPrefix: single };
}

export const standardNames = (v: JsonObject): readonly (JsonValue | undefined)[] => [v["name"]];

function securityRuleProperties(v: JsonObject): JsonObject {
  return compact({
    description: val(v, "description"),
    protocol: val(v, "protocol"),
    sourcePortRange: val(v, "source_port_range"),
    sourcePortRanges: val(v, "source_port_ranges"),
    destinationPortRange: val(v, "destination_port_range"),
    destinationPortRanges: val(v, "destination_port_ranges"),
    sourceAddressPrefix: val(v, "source_address_prefix"),
    sourceAddressPrefixes: val(v, "source_address_prefixes"),
    destinationAddressPrefix: val(v, "destination_address_prefix"),
    destinationAddressPrefixes: val(v, "destination_address_prefixes"),
    sourceApplicationSecurityGroups: refs(val(v, "source_application_security_group_ids")),
    destinationApplicationSecurityGroups: refs(val(v, "destination_application_security_group_ids")),
    access: val(v, "access"),
    priority: val(v, "priority"),
    direction: val(v, "direction"),
  });
}

function routeProperties(v: JsonObject): JsonObject {
  return compact({
    addressPrefix: val(v, "address_prefix"),
    nextHopType: val(v, "next_hop_type"),
    nextHopIpAddress: val(v, "next_hop_in_ip_address"),
  });
}

function peeringConfig(b: JsonObject | undefined): JsonObject | undefined {
  if (b === undefined) return undefined;
  return compact({
    advertisedPublicPrefixes: val(b, "advertised_public_prefixes"),
    advertisedCommunities: val(b, "advertised_communities"),
    customerASN: val(b, "customer_asn"),
    routingRegistryName: val(b, "routing_registry_name"),
  });
}

function ipConfigurations(v: JsonObject, attribute: string): JsonValue | undefined {
  return blocks(v, attribute, (b) => ({
    name: b["name"] ?? null,
    properties: compact({
      privateIPAllocationMethod: val(b, "private_ip_address_allocation"),
      subnet: ref(val(b, "subnet_id")),
      publicIPAddress: ref(val(b, "public_ip_address_id")),
    }),
  }));
}

// --- the mappings

export const AZURERM_MAPPINGS: ReadonlyMap<string, AzurermMapping> = new Map<string, AzurermMapping>([
  [
    "azurerm_express_route_circuit",
    {
      armType: "Microsoft.Network/expressRouteCircuits",
      sku: (v) => {
        const b = block(v, "sku");
        if (b === undefined) return undefined;
        const tier = b["tier"];
        const family = b["family"];
        return compact({ name: typeof tier === "string" && typeof family === "string" ? `${tier}_${family}` : undefined, tier: present(tier), family: present(family) });
      },
      properties: (v) =>
        compact({
          serviceProviderProperties:
            val(v, "service_provider_name") !== undefined || val(v, "peering_location") !== undefined
              ? compact({
                  serviceProviderName: val(v, "service_provider_name"),
                  peeringLocation: val(v, "peering_location"),
                  bandwidthInMbps: val(v, "bandwidth_in_mbps"),
                })
              : undefined,
          expressRoutePort: ref(val(v, "express_route_port_id")),
          bandwidthInGbps: val(v, "bandwidth_in_gbps"),
          allowClassicOperations: val(v, "allow_classic_operations"),
          globalReachEnabled: val(v, "global_reach_enabled"),
          enableDirectPortRateLimit: val(v, "rate_limiting_enabled"),
          authorizationKey: val(v, "authorization_key"),
          serviceKey: val(v, "service_key"),
          serviceProviderProvisioningState: val(v, "service_provider_provisioning_state"),
        }),
    },
  ],
  [
    "azurerm_express_route_circuit_peering",
    {
      armType: "Microsoft.Network/expressRouteCircuits/peerings",
      // ARM names a peering by its type: AzurePrivatePeering, MicrosoftPeering.
      names: (v) => [v["express_route_circuit_name"], v["peering_type"]],
      name: (v) => v["peering_type"],
      properties: (v) => {
        const ipv6 = block(v, "ipv6");
        return compact({
          peeringType: val(v, "peering_type"),
          state: enabledState(val(v, "ipv4_enabled")),
          azureASN: val(v, "azure_asn"),
          peerASN: val(v, "peer_asn"),
          primaryPeerAddressPrefix: val(v, "primary_peer_address_prefix"),
          secondaryPeerAddressPrefix: val(v, "secondary_peer_address_prefix"),
          primaryAzurePort: val(v, "primary_azure_port"),
          secondaryAzurePort: val(v, "secondary_azure_port"),
          sharedKey: val(v, "shared_key"),
          vlanId: val(v, "vlan_id"),
          microsoftPeeringConfig: peeringConfig(block(v, "microsoft_peering_config")),
          routeFilter: ref(val(v, "route_filter_id")),
          gatewayManagerEtag: val(v, "gateway_manager_etag"),
          ipv6PeeringConfig:
            ipv6 === undefined
              ? undefined
              : compact({
                  primaryPeerAddressPrefix: val(ipv6, "primary_peer_address_prefix"),
                  secondaryPeerAddressPrefix: val(ipv6, "secondary_peer_address_prefix"),
                  state: enabledState(val(ipv6, "enabled")),
                  routeFilter: ref(val(ipv6, "route_filter_id")),
                  microsoftPeeringConfig: peeringConfig(block(ipv6, "microsoft_peering")),
                }),
        });
      },
    },
  ],
  [
    "azurerm_express_route_circuit_authorization",
    {
      armType: "Microsoft.Network/expressRouteCircuits/authorizations",
      names: (v) => [v["express_route_circuit_name"], v["name"]],
      properties: (v) =>
        compact({ authorizationKey: val(v, "authorization_key"), authorizationUseStatus: val(v, "authorization_use_status") }),
    },
  ],
  [
    "azurerm_express_route_circuit_connection",
    {
      armType: "Microsoft.Network/expressRouteCircuits/peerings/connections",
      parent: { attribute: "peering_id", segment: "connections" },
      properties: (v) =>
        compact({
          expressRouteCircuitPeering: ref(val(v, "peering_id")),
          peerExpressRouteCircuitPeering: ref(val(v, "peer_peering_id")),
          addressPrefix: val(v, "address_prefix_ipv4"),
          authorizationKey: val(v, "authorization_key"),
          ipv6CircuitConnectionConfig: val(v, "address_prefix_ipv6") === undefined ? undefined : { addressPrefix: val(v, "address_prefix_ipv6") ?? null },
        }),
    },
  ],
  [
    "azurerm_express_route_connection",
    {
      armType: "Microsoft.Network/expressRouteGateways/expressRouteConnections",
      parent: { attribute: "express_route_gateway_id", segment: "expressRouteConnections" },
      properties: (v) => {
        const routing = block(v, "routing");
        const propagated = routing === undefined ? undefined : block(routing, "propagated_route_table");
        return compact({
          expressRouteCircuitPeering: ref(val(v, "express_route_circuit_peering_id")),
          authorizationKey: val(v, "authorization_key"),
          routingWeight: val(v, "routing_weight"),
          enableInternetSecurity: val(v, "enable_internet_security"),
          expressRouteGatewayBypass: val(v, "express_route_gateway_bypass_enabled"),
          enablePrivateLinkFastPath: val(v, "private_link_fast_path_enabled"),
          routingConfiguration:
            routing === undefined
              ? undefined
              : compact({
                  associatedRouteTable: ref(val(routing, "associated_route_table_id")),
                  propagatedRouteTables:
                    propagated === undefined ? undefined : compact({ labels: val(propagated, "labels"), ids: refs(val(propagated, "route_table_ids")) }),
                  inboundRouteMap: ref(val(routing, "inbound_route_map_id")),
                  outboundRouteMap: ref(val(routing, "outbound_route_map_id")),
                }),
        });
      },
    },
  ],
  [
    "azurerm_express_route_gateway",
    {
      armType: "Microsoft.Network/expressRouteGateways",
      properties: (v) =>
        compact({
          virtualHub: ref(val(v, "virtual_hub_id")),
          autoScaleConfiguration: val(v, "scale_units") === undefined ? undefined : { bounds: { min: val(v, "scale_units") ?? null } },
          allowNonVirtualWanTraffic: val(v, "allow_non_virtual_wan_traffic"),
        }),
    },
  ],
  [
    "azurerm_express_route_port",
    {
      armType: "Microsoft.Network/expressRoutePorts",
      properties: (v) => {
        const link = (name: string): JsonValue => {
          const b = block(v, name);
          if (b === undefined) return { name };
          return {
            name,
            properties: compact({
              adminState: enabledState(val(b, "admin_enabled")),
              macSecConfig: compact({
                cipher: val(b, "macsec_cipher"),
                cknSecretIdentifier: val(b, "macsec_ckn_keyvault_secret_id"),
                cakSecretIdentifier: val(b, "macsec_cak_keyvault_secret_id"),
                sciState: enabledState(val(b, "macsec_sci_enabled")),
              }),
            }),
          };
        };
        return compact({
          peeringLocation: val(v, "peering_location"),
          bandwidthInGbps: val(v, "bandwidth_in_gbps"),
          encapsulation: val(v, "encapsulation"),
          billingType: val(v, "billing_type"),
          links: [link("link1"), link("link2")],
        });
      },
    },
  ],
  [
    "azurerm_virtual_network_gateway",
    {
      armType: "Microsoft.Network/virtualNetworkGateways",
      properties: (v) => {
        const bgp = block(v, "bgp_settings");
        const vpn = block(v, "vpn_client_configuration");
        return compact({
          gatewayType: val(v, "type"),
          vpnType: val(v, "vpn_type"),
          sku: val(v, "sku") === undefined ? undefined : { name: val(v, "sku") ?? null, tier: val(v, "sku") ?? null },
          vpnGatewayGeneration: val(v, "generation"),
          activeActive: val(v, "active_active"),
          enableBgp: val(v, "enable_bgp"),
          enablePrivateIpAddress: val(v, "private_ip_address_enabled"),
          // Forced tunneling: Internet-bound traffic goes to this (on-premises) site.
          gatewayDefaultSite: ref(val(v, "default_local_network_gateway_id")),
          allowRemoteVnetTraffic: val(v, "remote_vnet_traffic_enabled"),
          allowVirtualWanTraffic: val(v, "virtual_wan_traffic_enabled"),
          ipConfigurations: ipConfigurations(v, "ip_configuration"),
          bgpSettings:
            bgp === undefined
              ? unknownOf(v, "bgp_settings")
              : compact({
                  asn: val(bgp, "asn"),
                  peerWeight: val(bgp, "peer_weight"),
                  bgpPeeringAddresses: blocks(bgp, "peering_addresses", (b) =>
                    compact({ ipconfigurationId: val(b, "ip_configuration_name"), customBgpIpAddresses: val(b, "apipa_addresses") }),
                  ),
                }),
          vpnClientConfiguration:
            vpn === undefined
              ? unknownOf(v, "vpn_client_configuration")
              : compact({
                  vpnClientAddressPool: val(vpn, "address_space") === undefined ? undefined : { addressPrefixes: val(vpn, "address_space") ?? null },
                  vpnClientProtocols: val(vpn, "vpn_client_protocols"),
                  vpnAuthenticationTypes: val(vpn, "vpn_auth_types"),
                  aadTenant: val(vpn, "aad_tenant"),
                  aadAudience: val(vpn, "aad_audience"),
                  aadIssuer: val(vpn, "aad_issuer"),
                  radiusServerAddress: val(vpn, "radius_server_address"),
                  radiusServerSecret: val(vpn, "radius_server_secret"),
                  vpnClientRootCertificates: blocks(vpn, "root_certificate", (b) => ({
                    name: b["name"] ?? null,
                    properties: compact({ publicCertData: val(b, "public_cert_data") }),
                  })),
                }),
        });
      },
    },
  ],
  [
    "azurerm_virtual_network_gateway_connection",
    {
      armType: "Microsoft.Network/connections",
      properties: (v) =>
        compact({
          connectionType: val(v, "type"),
          virtualNetworkGateway1: ref(val(v, "virtual_network_gateway_id")),
          virtualNetworkGateway2: ref(val(v, "peer_virtual_network_gateway_id")),
          localNetworkGateway2: ref(val(v, "local_network_gateway_id")),
          peer: ref(val(v, "express_route_circuit_id")),
          authorizationKey: val(v, "authorization_key"),
          sharedKey: val(v, "shared_key"),
          routingWeight: val(v, "routing_weight"),
          enableBgp: val(v, "enable_bgp"),
          connectionProtocol: val(v, "connection_protocol"),
          connectionMode: val(v, "connection_mode"),
          dpdTimeoutSeconds: val(v, "dpd_timeout_seconds"),
          usePolicyBasedTrafficSelectors: val(v, "use_policy_based_traffic_selectors"),
          useLocalAzureIpAddress: val(v, "local_azure_ip_address_enabled"),
          expressRouteGatewayBypass: val(v, "express_route_gateway_bypass"),
          enablePrivateLinkFastPath: val(v, "private_link_fast_path_enabled"),
          ipsecPolicies: blocks(v, "ipsec_policy", (b) =>
            compact({
              saLifeTimeSeconds: val(b, "sa_lifetime"),
              saDataSizeKilobytes: val(b, "sa_datasize"),
              ipsecEncryption: val(b, "ipsec_encryption"),
              ipsecIntegrity: val(b, "ipsec_integrity"),
              ikeEncryption: val(b, "ike_encryption"),
              ikeIntegrity: val(b, "ike_integrity"),
              dhGroup: val(b, "dh_group"),
              pfsGroup: val(b, "pfs_group"),
            }),
          ),
          trafficSelectorPolicies: blocks(v, "traffic_selector_policy", (b) =>
            compact({ localAddressRanges: val(b, "local_address_cidrs"), remoteAddressRanges: val(b, "remote_address_cidrs") }),
          ),
        }),
    },
  ],
  [
    "azurerm_local_network_gateway",
    {
      armType: "Microsoft.Network/localNetworkGateways",
      properties: (v) => {
        const bgp = block(v, "bgp_settings");
        return compact({
          gatewayIpAddress: val(v, "gateway_address"),
          fqdn: val(v, "gateway_fqdn"),
          localNetworkAddressSpace: val(v, "address_space") === undefined ? undefined : { addressPrefixes: val(v, "address_space") ?? null },
          bgpSettings:
            bgp === undefined
              ? undefined
              : compact({ asn: val(bgp, "asn"), bgpPeeringAddress: val(bgp, "bgp_peering_address"), peerWeight: val(bgp, "peer_weight") }),
        });
      },
    },
  ],
  [
    "azurerm_virtual_network",
    {
      armType: "Microsoft.Network/virtualNetworks",
      properties: (v) => {
        const ddos = block(v, "ddos_protection_plan");
        const encryption = block(v, "encryption");
        return compact({
          addressSpace: val(v, "address_space") === undefined ? undefined : { addressPrefixes: val(v, "address_space") ?? null },
          dhcpOptions: val(v, "dns_servers") === undefined ? undefined : { dnsServers: val(v, "dns_servers") ?? null },
          bgpCommunities: val(v, "bgp_community") === undefined ? undefined : { virtualNetworkCommunity: val(v, "bgp_community") ?? null },
          ddosProtectionPlan: ddos === undefined ? undefined : ref(val(ddos, "id")),
          enableDdosProtection: ddos === undefined ? undefined : val(ddos, "enable"),
          encryption: encryption === undefined ? undefined : compact({ enabled: true, enforcement: val(encryption, "enforcement") }),
          flowTimeoutInMinutes: val(v, "flow_timeout_in_minutes"),
          subnets: blocks(v, "subnet", (b) =>
            compact({
              name: b["name"] ?? null,
              id: val(b, "id"),
              properties: compact({
                ...prefixes(b, "address_prefixes", "address_prefix"),
                networkSecurityGroup: ref(val(b, "security_group")),
                routeTable: ref(val(b, "route_table_id")),
              }),
            }),
          ),
        });
      },
    },
  ],
  [
    "azurerm_subnet",
    {
      armType: "Microsoft.Network/virtualNetworks/subnets",
      names: (v) => [v["virtual_network_name"], v["name"]],
      properties: (v) =>
        compact({
          ...prefixes(v, "address_prefixes", "address_prefix"),
          serviceEndpoints: mapStrings(v["service_endpoints"], (service) => ({ service })),
          serviceEndpointPolicies: refs(val(v, "service_endpoint_policy_ids")),
          delegations: blocks(v, "delegation", (b) => {
            const service = block(b, "service_delegation");
            return { name: b["name"] ?? null, properties: compact({ serviceName: service === undefined ? undefined : val(service, "name"), actions: service === undefined ? undefined : val(service, "actions") }) };
          }),
          privateEndpointNetworkPolicies: val(v, "private_endpoint_network_policies") ?? enabledState(val(v, "private_endpoint_network_policies_enabled")),
          privateLinkServiceNetworkPolicies: enabledState(val(v, "private_link_service_network_policies_enabled")),
          defaultOutboundAccess: val(v, "default_outbound_access_enabled"),
        }),
    },
  ],
  [
    "azurerm_network_security_group",
    {
      armType: "Microsoft.Network/networkSecurityGroups",
      properties: (v) =>
        compact({
          securityRules: blocks(v, "security_rule", (b) => ({
            name: b["name"] ?? null,
            properties: securityRuleProperties(b),
          })),
        }),
    },
  ],
  [
    "azurerm_network_security_rule",
    {
      armType: "Microsoft.Network/networkSecurityGroups/securityRules",
      names: (v) => [v["network_security_group_name"], v["name"]],
      properties: (v) => securityRuleProperties(v),
    },
  ],
  [
    "azurerm_route_table",
    {
      armType: "Microsoft.Network/routeTables",
      properties: (v) => {
        // azurerm 4 says bgp_route_propagation_enabled, azurerm 3 disable_bgp_route_propagation.
        const enabled = v["bgp_route_propagation_enabled"];
        const disabled = typeof enabled === "boolean" ? !enabled : (v["disable_bgp_route_propagation"] ?? enabled);
        return compact({
          disableBgpRoutePropagation: present(disabled),
          routes: blocks(v, "route", (b) => ({ name: b["name"] ?? null, properties: routeProperties(b) })),
        });
      },
    },
  ],
  [
    "azurerm_route",
    {
      armType: "Microsoft.Network/routeTables/routes",
      names: (v) => [v["route_table_name"], v["name"]],
      properties: (v) => routeProperties(v),
    },
  ],
  [
    "azurerm_route_filter",
    {
      armType: "Microsoft.Network/routeFilters",
      properties: (v) =>
        compact({
          rules: blocks(v, "rule", (b) => ({
            name: b["name"] ?? null,
            properties: compact({ access: val(b, "access"), routeFilterRuleType: val(b, "rule_type"), communities: val(b, "communities") }),
          })),
        }),
    },
  ],
  [
    "azurerm_firewall",
    {
      armType: "Microsoft.Network/azureFirewalls",
      properties: (v) => {
        const management = block(v, "management_ip_configuration");
        const hub = block(v, "virtual_hub");
        return compact({
          sku: compact({ name: val(v, "sku_name"), tier: val(v, "sku_tier") }),
          threatIntelMode: val(v, "threat_intel_mode"),
          firewallPolicy: ref(val(v, "firewall_policy_id")),
          ipConfigurations: ipConfigurations(v, "ip_configuration"),
          managementIpConfiguration:
            management === undefined
              ? undefined
              : { name: management["name"] ?? null, properties: compact({ subnet: ref(val(management, "subnet_id")), publicIPAddress: ref(val(management, "public_ip_address_id")) }) },
          virtualHub: hub === undefined ? undefined : ref(val(hub, "virtual_hub_id")),
          hubIPAddresses: hub === undefined ? undefined : { publicIPs: compact({ count: val(hub, "public_ip_count") }) },
        });
      },
    },
  ],
  [
    "azurerm_public_ip",
    {
      armType: "Microsoft.Network/publicIPAddresses",
      sku: (v) => compact({ name: val(v, "sku"), tier: val(v, "sku_tier") }),
      properties: (v) =>
        compact({
          publicIPAllocationMethod: val(v, "allocation_method"),
          publicIPAddressVersion: val(v, "ip_version"),
          ipAddress: val(v, "ip_address"),
          idleTimeoutInMinutes: val(v, "idle_timeout_in_minutes"),
        }),
    },
  ],
  [
    "azurerm_virtual_network_peering",
    {
      armType: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
      names: (v) => [v["virtual_network_name"], v["name"]],
      properties: (v) =>
        compact({
          remoteVirtualNetwork: ref(val(v, "remote_virtual_network_id")),
          allowVirtualNetworkAccess: val(v, "allow_virtual_network_access"),
          allowForwardedTraffic: val(v, "allow_forwarded_traffic"),
          allowGatewayTransit: val(v, "allow_gateway_transit"),
          useRemoteGateways: val(v, "use_remote_gateways"),
          peerCompleteVnets: val(v, "peer_complete_virtual_networks_enabled"),
          enableOnlyIPv6Peering: val(v, "only_ipv6_peering_enabled"),
          localSubnetNames: val(v, "local_subnet_names"),
          remoteSubnetNames: val(v, "remote_subnet_names"),
        }),
    },
  ],
]);

export const AZURERM_ASSOCIATIONS: ReadonlyMap<string, AzurermAssociation> = new Map([
  [
    "azurerm_subnet_network_security_group_association",
    { subnetAttribute: "subnet_id", property: "networkSecurityGroup", valueAttribute: "network_security_group_id" },
  ],
  ["azurerm_subnet_route_table_association", { subnetAttribute: "subnet_id", property: "routeTable", valueAttribute: "route_table_id" }],
]);

function mapStrings(value: JsonValue | undefined, map: (s: string) => JsonValue): JsonValue | undefined {
  if (isUnknown(value)) return value;
  if (!Array.isArray(value)) return undefined;
  return value.filter((s): s is string => typeof s === "string").map(map);
}
