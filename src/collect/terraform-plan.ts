/**
 * Reads a Terraform plan (`terraform show -json tfplan`) into the ARM resources it would leave
 * behind. Resources come from `resource_changes` (deletions skipped, unchanged resources kept),
 * completed by `planned_values` (root and child modules) for resources without a change entry;
 * a state file (`terraform show -json` without a plan) is read from `values`. A value the plan
 * only knows after apply (`after_unknown`) becomes {"$unknown": "<address>.<attribute>"}; an
 * unknown *_id that the configuration references to another resource of the plan becomes that
 * resource's ARM id, so that connections, associations and peerings still point somewhere.
 * Each resource's origin carries its address and, when the .tf file of its module is beside
 * the plan, that file and line (terraform-sources.ts); otherwise the plan file and the line of
 * its change.
 *
 * The azurerm → ARM mapping (terraform-azurerm.ts):
 *
 * | azurerm resource                                  | ARM resource type                                               | notes |
 * | ------------------------------------------------- | --------------------------------------------------------------- | ----- |
 * | azurerm_express_route_circuit                     | Microsoft.Network/expressRouteCircuits                          | sku {tier, family} → sku.name tier_family; service_provider_name, peering_location, bandwidth_in_mbps → serviceProviderProperties; express_route_port_id, bandwidth_in_gbps; service_key (redacted) |
 * | azurerm_express_route_circuit_peering             | …/expressRouteCircuits/peerings (named by peering_type)          | peer_asn → peerASN, vlan_id, primary/secondary_peer_address_prefix, shared_key → sharedKey (redacted), microsoft_peering_config, ipv6 → ipv6PeeringConfig, route_filter_id → routeFilter.id, ipv4_enabled → state |
 * | azurerm_express_route_circuit_authorization       | …/expressRouteCircuits/authorizations                            | authorization_key (redacted) |
 * | azurerm_express_route_circuit_connection          | …/expressRouteCircuits/peerings/connections (below peering_id)   | Global Reach: peer_peering_id → peerExpressRouteCircuitPeering.id, address_prefix_ipv4 → addressPrefix |
 * | azurerm_express_route_connection                  | …/expressRouteGateways/expressRouteConnections (below the gateway) | express_route_circuit_peering_id, routing_weight, enable_internet_security, routing → routingConfiguration |
 * | azurerm_express_route_gateway                     | Microsoft.Network/expressRouteGateways                          | virtual_hub_id → virtualHub.id, scale_units → autoScaleConfiguration.bounds.min |
 * | azurerm_express_route_port                        | Microsoft.Network/expressRoutePorts                             | link1/link2 → links[] with adminState and macSecConfig (cipher, Key Vault secret ids) |
 * | azurerm_virtual_network_gateway                   | Microsoft.Network/virtualNetworkGateways                        | type → gatewayType, sku → properties.sku, default_local_network_gateway_id → gatewayDefaultSite.id (forced tunneling), ip_configuration, bgp_settings, vpn_client_configuration |
 * | azurerm_virtual_network_gateway_connection        | Microsoft.Network/connections                                   | type → connectionType, virtual_network_gateway_id → virtualNetworkGateway1.id, express_route_circuit_id → peer.id, local_network_gateway_id → localNetworkGateway2.id, shared_key (redacted), ipsec_policy → ipsecPolicies |
 * | azurerm_local_network_gateway                     | Microsoft.Network/localNetworkGateways                          | gateway_address → gatewayIpAddress, address_space → localNetworkAddressSpace.addressPrefixes |
 * | azurerm_virtual_network                           | Microsoft.Network/virtualNetworks                               | address_space → addressSpace.addressPrefixes, dns_servers → dhcpOptions.dnsServers, inline subnet blocks → subnets[] |
 * | azurerm_subnet                                    | …/virtualNetworks/subnets (merged into the vNet)                 | address_prefixes → addressPrefix (one) or addressPrefixes, delegation → delegations, service_endpoints |
 * | azurerm_subnet_network_security_group_association | sets networkSecurityGroup.id of the subnet                      | not a resource of its own |
 * | azurerm_subnet_route_table_association            | sets routeTable.id of the subnet                                | not a resource of its own |
 * | azurerm_network_security_group                    | Microsoft.Network/networkSecurityGroups                         | inline security_rule blocks → securityRules[] |
 * | azurerm_network_security_rule                     | …/networkSecurityGroups/securityRules (merged into the NSG)      | source/destination_* → source/destination* (prefix, prefixes, port range(s), application security groups) |
 * | azurerm_route_table                               | Microsoft.Network/routeTables                                   | bgp_route_propagation_enabled (v4) / disable_bgp_route_propagation (v3) → disableBgpRoutePropagation, inline route → routes[] |
 * | azurerm_route                                     | …/routeTables/routes (merged into the route table)               | address_prefix, next_hop_type, next_hop_in_ip_address → nextHopIpAddress |
 * | azurerm_route_filter                              | Microsoft.Network/routeFilters                                  | rule → rules[] (access, rule_type → routeFilterRuleType, communities) |
 * | azurerm_firewall                                  | Microsoft.Network/azureFirewalls                                | sku_name/sku_tier → properties.sku, firewall_policy_id, threat_intel_mode, ip_configuration |
 * | azurerm_public_ip                                 | Microsoft.Network/publicIPAddresses                             | sku, sku_tier → sku; allocation_method → publicIPAllocationMethod; zones |
 * | azurerm_virtual_network_peering                   | …/virtualNetworks/virtualNetworkPeerings (merged into the vNet)  | remote_virtual_network_id → remoteVirtualNetwork.id, allow_* and use_remote_gateways |
 *
 * Every mapped resource takes name, resource_group_name, location (in ARM's form: lower case,
 * no spaces), tags and zones. Other resource types are skipped (and counted).
 */

import { elementLines } from "../snapshot/json-positions.js";
import { ErguardError } from "../errors.js";
import { looksLikePlan } from "./detect.js";
import { PLACEHOLDER_TARGET, resourceIdOf } from "./deployment-target.js";
import { isObject, isUnknown, unknownValue, type JsonObject, type JsonValue } from "./json-value.js";
import type { DeclaredResource } from "./normalise.js";
import { AZURERM_ASSOCIATIONS, AZURERM_MAPPINGS, standardNames, type AzurermMapping } from "./terraform-azurerm.js";
import { asObject, configExpressions, moduleCallExpressions, parentModule } from "./terraform-config.js";
import { TerraformSources } from "./terraform-sources.js";

export interface PlanEvaluation {
  readonly resources: DeclaredResource[];
  readonly warnings: string[];
  // Resource types of the plan that are not mapped (for --verbose).
  readonly skippedTypes: ReadonlyMap<string, number>;
}

export interface PlanOptions {
  readonly displayPath: (path: string) => string;
}

interface Instance {
  readonly address: string;
  readonly moduleAddress: string | undefined;
  readonly type: string;
  readonly name: string; // the name in the configuration (resource "type" "name")
  readonly values: JsonObject;
  readonly expressions: JsonObject; // from the configuration
  readonly changeIndex: number | undefined; // position in resource_changes
}

interface Identity {
  readonly id: string;
  readonly name: string;
}

export async function evaluatePlan(path: string, text: string, content: unknown, options: PlanOptions): Promise<PlanEvaluation> {
  const file = options.displayPath(path);
  if (!looksLikePlan(content)) {
    throw new ErguardError("bad_input", "not a Terraform plan: expected the output of `terraform show -json` with format_version and planned_values", { file });
  }
  const plan = content as JsonObject;
  const configuration = asObject(plan["configuration"]);
  const instances = readInstances(plan, configuration);
  const subscriptionId = providerSubscription(configuration) ?? PLACEHOLDER_TARGET.subscriptionId;
  const warnings: string[] = [];
  const skippedTypes = new Map<string, number>();

  const byAddress = new Map<string, Instance>();
  const byBase = new Map<string, Instance[]>();
  for (const inst of instances) {
    byAddress.set(inst.address, inst);
    const base = inst.address.replace(/\[[^\]]*\]$/, "");
    byBase.set(base, [...(byBase.get(base) ?? []), inst]);
  }

  const identities = new Map<Instance, Identity | undefined>();
  const resolved = new Map<Instance, JsonObject>();
  const resolving = new Set<Instance>();

  // The values of an instance with every unknown *_id that the configuration references to
  // another resource of the plan (`azurerm_x.y.id`) replaced by that resource's ARM id.
  const valuesOf = (inst: Instance): JsonObject => {
    const done = resolved.get(inst);
    if (done !== undefined) return done;
    if (resolving.has(inst)) return inst.values; // a reference cycle: leave the markers
    resolving.add(inst);
    try {
      const value = resolveIds(inst.values, inst.expressions, "", (references) => referencedId(inst.moduleAddress, references)) as JsonObject;
      resolved.set(inst, value);
      return value;
    } finally {
      resolving.delete(inst);
    }
  };

  // `azurerm_x.y.id` in the same module, or `var.v` of a module whose call passes such a
  // reference from the enclosing module.
  const referencedId = (moduleAddress: string | undefined, references: readonly JsonValue[]): string | undefined => {
    const prefix = moduleAddress !== undefined ? `${moduleAddress}.` : "";
    for (const reference of references) {
      if (typeof reference !== "string") continue;
      const variable = /^var\.([^.[\]]+)$/.exec(reference);
      if (variable !== null && moduleAddress !== undefined) {
        const passed = asObject(moduleCallExpressions(configuration, moduleAddress)[variable[1] ?? ""])?.["references"];
        const id = Array.isArray(passed) ? referencedId(parentModule(moduleAddress), passed) : undefined;
        if (id !== undefined) return id;
        continue;
      }
      const m = /^([a-z0-9_]+\.[^.[\]]+)(\[[^\]]+\])?(\.id)?$/.exec(reference);
      if (m === null) continue;
      const target = m[2] !== undefined ? byAddress.get(`${prefix}${m[1]}${m[2]}`) : singleInstance(byBase.get(`${prefix}${m[1]}`));
      const identity = target === undefined ? undefined : identityOf(target);
      if (identity !== undefined) return identity.id;
    }
    return undefined;
  };

  const identityOf = (inst: Instance): Identity | undefined => {
    if (identities.has(inst)) return identities.get(inst);
    const mapping = AZURERM_MAPPINGS.get(inst.type);
    if (mapping === undefined) return undefined;
    const identity = computeIdentity(mapping, valuesOf(inst), subscriptionId);
    identities.set(inst, identity);
    return identity;
  };

  const sources = new TerraformSources(path, configuration);
  let changeLines: number[] | undefined;
  const resources: DeclaredResource[] = [];
  const patches: { inst: Instance; subnetId: JsonValue | undefined; property: string; value: JsonValue | undefined }[] = [];


  for (const inst of instances) {
    const association = AZURERM_ASSOCIATIONS.get(inst.type);
    if (association !== undefined) {
      const v = valuesOf(inst);
      patches.push({ inst, subnetId: v[association.subnetAttribute], property: association.property, value: v[association.valueAttribute] });
      continue;
    }
    const mapping = AZURERM_MAPPINGS.get(inst.type);
    if (mapping === undefined) {
      skippedTypes.set(inst.type, (skippedTypes.get(inst.type) ?? 0) + 1);
      continue;
    }
    const identity = identityOf(inst) as Identity;
    const declaration = await sources.locate(inst.moduleAddress, inst.type, inst.name);
    let origin: DeclaredResource["origin"];
    if (declaration !== undefined) {
      origin = { file: options.displayPath(declaration.file), line: declaration.line, address: inst.address };
    } else {
      changeLines ??= inst.changeIndex === undefined ? [] : elementLines(text, ["resource_changes"]);
      const line = inst.changeIndex === undefined ? undefined : changeLines[inst.changeIndex];
      origin = { file, ...(line !== undefined ? { line } : {}), address: inst.address };
    }
    const v = valuesOf(inst);
    const fields: JsonObject = {};
    if (typeof v["location"] === "string") fields["location"] = v["location"];
    if (isObject(v["tags"] ?? null)) fields["tags"] = v["tags"] as JsonObject;
    if (Array.isArray(v["zones"])) fields["zones"] = v["zones"];
    const sku = mapping.sku?.(v);
    if (sku !== undefined && Object.keys(sku).length > 0) fields["sku"] = sku;
    const resourceGroup = v["resource_group_name"];
    resources.push({
      id: identity.id,
      type: mapping.armType,
      name: identity.name,
      subscriptionId,
      ...(typeof resourceGroup === "string" ? { resourceGroup } : {}),
      fields,
      properties: mapping.properties(v),
      origin,
    });
  }

  for (const patch of patches) {
    if (typeof patch.subnetId !== "string" || patch.value === undefined || patch.value === null) {
      warnings.push(`${file}: ${patch.inst.address}: the subnet it associates is not known from the plan; the association is not applied`);
      continue;
    }
    if (!applyToSubnet(resources, patch.subnetId, patch.property, { id: patch.value })) {
      warnings.push(`${file}: ${patch.inst.address}: the subnet ${patch.subnetId} is not in this plan; the association is not applied`);
    }
  }
  return { resources, warnings, skippedTypes };
}

function singleInstance(list: readonly Instance[] | undefined): Instance | undefined {
  return list !== undefined && list.length === 1 ? list[0] : undefined;
}

function text(value: JsonValue | undefined): string {
  if (typeof value === "string") return value;
  if (isUnknown(value)) return `[${value.$unknown}]`;
  return value === null || value === undefined ? "" : String(value);
}

function computeIdentity(mapping: AzurermMapping, v: JsonObject, subscriptionId: string): Identity {
  const ownName = text(mapping.name?.(v) ?? v["name"]);
  if (mapping.parent !== undefined) {
    const parentId = text(v[mapping.parent.attribute]);
    const parentName = parentId.split("/").slice(-3);
    return { id: `${parentId}/${mapping.parent.segment}/${ownName}`, name: [parentName[0] ?? "", parentName[2] ?? "", ownName].join("/") };
  }
  const names = (mapping.names ?? standardNames)(v).map(text);
  const resourceGroup = text(v["resource_group_name"]);
  return { id: resourceIdOf({ subscriptionId, resourceGroup }, mapping.armType, names), name: names.join("/") };
}

// Sets a property of a subnet declared on its own or inline in its virtual network.
function applyToSubnet(resources: readonly DeclaredResource[], subnetId: string, property: string, value: JsonObject): boolean {
  const lower = subnetId.toLowerCase();
  const subnet = resources.find((r) => r.id.toLowerCase() === lower);
  if (subnet !== undefined) {
    subnet.properties[property] = value;
    return true;
  }
  const m = /^(.*)\/subnets\/([^/]+)$/i.exec(subnetId);
  const vnet = m === null ? undefined : resources.find((r) => r.id.toLowerCase() === (m[1] ?? "").toLowerCase());
  const inline = vnet?.properties["subnets"];
  if (m === null || !Array.isArray(inline)) return false;
  const entry = inline.find((s) => isObject(s) && String(s["name"]).toLowerCase() === (m[2] ?? "").toLowerCase());
  if (!isObject(entry ?? null)) return false;
  const entryObject = entry as JsonObject;
  entryObject["properties"] = { ...(isObject(entryObject["properties"] ?? null) ? (entryObject["properties"] as JsonObject) : {}), [property]: value };
  return true;
}

function providerSubscription(configuration: JsonObject | undefined): string | undefined {
  const expressions = asObject(asObject(asObject(configuration?.["provider_config"])?.["azurerm"])?.["expressions"]);
  const constant = asObject(expressions?.["subscription_id"])?.["constant_value"];
  return typeof constant === "string" && constant !== "" ? constant : undefined;
}

// --- instances

function readInstances(plan: JsonObject, configuration: JsonObject | undefined): Instance[] {
  const out: Instance[] = [];
  const seen = new Set<string>();
  const changes = plan["resource_changes"];
  if (Array.isArray(changes)) {
    changes.forEach((change, index) => {
      if (!isObject(change) || change["mode"] !== "managed") return;
      const c = isObject(change["change"] ?? null) ? (change["change"] as JsonObject) : {};
      const actions = Array.isArray(c["actions"]) ? c["actions"] : [];
      const address = String(change["address"]);
      seen.add(address);
      if (actions.length === 1 && actions[0] === "delete") return;
      const values = withUnknowns(c["after"], c["after_unknown"], address);
      if (!isObject(values)) return;
      out.push(instance(change, values, configuration, index));
    });
  }
  const planned = plan["planned_values"] ?? plan["values"];
  const root = isObject(planned ?? null) ? (planned as JsonObject)["root_module"] : undefined;
  const walk = (module: JsonValue | undefined): void => {
    if (!isObject(module ?? null)) return;
    const m = module as JsonObject;
    for (const r of Array.isArray(m["resources"]) ? m["resources"] : []) {
      if (!isObject(r) || r["mode"] !== "managed" || seen.has(String(r["address"]))) continue;
      seen.add(String(r["address"]));
      if (isObject(r["values"] ?? null)) out.push(instance(r, r["values"] as JsonObject, configuration, undefined));
    }
    for (const child of Array.isArray(m["child_modules"]) ? m["child_modules"] : []) walk(child);
  };
  walk(root);
  return out;
}

function instance(entry: JsonObject, values: JsonObject, configuration: JsonObject | undefined, changeIndex: number | undefined): Instance {
  const address = String(entry["address"]);
  const moduleAddress = typeof entry["module_address"] === "string" ? entry["module_address"] : moduleOf(address);
  const type = String(entry["type"]);
  const name = String(entry["name"]);
  return { address, moduleAddress, type, name, values, expressions: configExpressions(configuration, moduleAddress, `${type}.${name}`), changeIndex };
}

function moduleOf(address: string): string | undefined {
  const m = /^(.*module\.[^.]+(?:\[[^\]]*\])?)\.[^.]+\.[^.]+$/.exec(address);
  return m?.[1];
}

// `after` with every value `after_unknown` marks as unknown replaced by the unknown marker.
function withUnknowns(after: JsonValue | undefined, unknown: JsonValue | undefined, path: string): JsonValue {
  if (unknown === true) return unknownValue(path);
  if (Array.isArray(unknown)) {
    const known = Array.isArray(after) ? after : [];
    return Array.from({ length: Math.max(known.length, unknown.length) }, (_, i) => withUnknowns(known[i], unknown[i], `${path}[${i}]`));
  }
  if (isObject(unknown ?? null)) {
    const known = isObject(after ?? null) ? (after as JsonObject) : {};
    const out: JsonObject = { ...known };
    for (const [key, u] of Object.entries(unknown as JsonObject)) out[key] = withUnknowns(known[key], u, `${path}.${key}`);
    return out;
  }
  return after ?? null;
}

// Walks values and their configuration expressions side by side (nested blocks are arrays of
// objects in both) and resolves each unknown *_id whose expression references a resource.
function resolveIds(value: JsonValue, expression: JsonValue | undefined, key: string, resolve: (references: readonly JsonValue[]) => string | undefined): JsonValue {
  if (isUnknown(value)) {
    const references = isObject(expression ?? null) ? (expression as JsonObject)["references"] : undefined;
    return key.endsWith("_id") && Array.isArray(references) ? (resolve(references) ?? value) : value;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveIds(v, Array.isArray(expression) ? expression[i] : undefined, key, resolve));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  const expressions = isObject(expression ?? null) ? (expression as JsonObject) : {};
  for (const [k, v] of Object.entries(value)) out[k] = resolveIds(v, expressions[k], k, resolve);
  return out;
}
