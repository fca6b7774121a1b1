// Turns declared infrastructure-as-code resources (from templates and plans) into snapshot
// resources with the shape a live GET returns:
// - `type` in lower case, `name` the last segment of the full name, `location` in ARM's form;
// - child resources declared on their own (a subnet, a peering, an NSG rule, a route, …) merged
//   into their parent's embedded array, and every embedded child given its resource id;
// - properties set to null left out, secrets redacted (redact.ts);
// - sorted by id.
// A child whose parent is not in the input stays a resource of its own.

import type { Resource, ResourceOrigin } from "../snapshot/types.js";
import { isObject, isUnknown, type JsonObject, type JsonValue } from "./json-value.js";
import { redactSecrets } from "./redact.js";

export interface DeclaredResource {
  readonly id: string;
  readonly type: string; // any casing
  readonly name: string; // the full name: parent/child
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly fields: JsonObject; // location, sku, tags, zones, kind, identity, plan, extendedLocation
  readonly properties: JsonObject;
  readonly origin: ResourceOrigin;
}

interface Collection {
  readonly property: string; // the parent's embedded array
  readonly segment: string; // the id segment of its children
  readonly childType: string; // lower case
}

// Parent type → the child collections a live GET embeds.
const COLLECTIONS = new Map<string, readonly Collection[]>(
  Object.entries({
    "microsoft.network/expressroutecircuits": [
      { property: "peerings", segment: "peerings", childType: "microsoft.network/expressroutecircuits/peerings" },
      { property: "authorizations", segment: "authorizations", childType: "microsoft.network/expressroutecircuits/authorizations" },
    ],
    "microsoft.network/expressroutecircuits/peerings": [
      { property: "connections", segment: "connections", childType: "microsoft.network/expressroutecircuits/peerings/connections" },
    ],
    "microsoft.network/expressroutecrossconnections": [
      { property: "peerings", segment: "peerings", childType: "microsoft.network/expressroutecrossconnections/peerings" },
    ],
    "microsoft.network/expressroutegateways": [
      {
        property: "expressRouteConnections",
        segment: "expressRouteConnections",
        childType: "microsoft.network/expressroutegateways/expressrouteconnections",
      },
    ],
    "microsoft.network/virtualnetworks": [
      { property: "subnets", segment: "subnets", childType: "microsoft.network/virtualnetworks/subnets" },
      {
        property: "virtualNetworkPeerings",
        segment: "virtualNetworkPeerings",
        childType: "microsoft.network/virtualnetworks/virtualnetworkpeerings",
      },
    ],
    "microsoft.network/networksecuritygroups": [
      { property: "securityRules", segment: "securityRules", childType: "microsoft.network/networksecuritygroups/securityrules" },
    ],
    "microsoft.network/routetables": [{ property: "routes", segment: "routes", childType: "microsoft.network/routetables/routes" }],
    "microsoft.network/routefilters": [
      { property: "rules", segment: "routeFilterRules", childType: "microsoft.network/routefilters/routefilterrules" },
    ],
    "microsoft.network/virtualnetworkgateways": [
      { property: "natRules", segment: "natRules", childType: "microsoft.network/virtualnetworkgateways/natrules" },
    ],
  }),
);

const PARENT_OF = new Map<string, { parentType: string; collection: Collection }>();
for (const [parentType, collections] of COLLECTIONS) {
  for (const collection of collections) PARENT_OF.set(collection.childType, { parentType, collection });
}

interface Holder {
  properties: JsonObject;
}

export function normaliseResources(declared: readonly DeclaredResource[]): Resource[] {
  const records = declared.map(toRecord);
  const index = new Map<string, Holder>();
  for (const record of records) {
    index.set(record.id.toLowerCase(), record);
    embedIds(record.id, record.type, record.properties, index);
  }
  // Deepest children first, so that a Global Reach connection reaches its peering before the
  // peering joins its circuit.
  const children = records
    .filter((r) => PARENT_OF.has(r.type))
    .sort((a, b) => b.type.split("/").length - a.type.split("/").length);
  const merged = new Set<MutableResource>();
  for (const child of children) {
    const link = PARENT_OF.get(child.type);
    const parentId = child.id.split("/").slice(0, -2).join("/");
    const parent = link === undefined ? undefined : index.get(parentId.toLowerCase());
    if (link === undefined || parent === undefined) continue;
    const list = Array.isArray(parent.properties[link.collection.property]) ? (parent.properties[link.collection.property] as JsonValue[]) : [];
    parent.properties[link.collection.property] = list;
    const existing = list.find((item): item is JsonObject => isObject(item) && String(item["name"]).toLowerCase() === child.name.toLowerCase());
    if (existing !== undefined) {
      existing["id"] = child.id;
      existing["properties"] = { ...(isObject(existing["properties"] ?? null) ? (existing["properties"] as JsonObject) : {}), ...child.properties };
      index.set(child.id.toLowerCase(), existing as unknown as Holder);
    } else {
      const item: JsonObject = { name: child.name, id: child.id, properties: child.properties };
      list.push(item);
      index.set(child.id.toLowerCase(), item as unknown as Holder);
    }
    merged.add(child);
  }
  return records
    .filter((r) => !merged.has(r))
    .map((r) => redactSecrets(r as Resource))
    .sort((a, b) => compareIds(a.id, b.id));
}

// Resources are sorted by id, case aside (ids are case-insensitive in Azure).
export function compareIds(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

// Gives every embedded child (declared inline in its parent) the id a live GET shows.
function embedIds(parentId: string, parentType: string, properties: JsonObject, index: Map<string, Holder>): void {
  for (const collection of COLLECTIONS.get(parentType) ?? []) {
    const list = properties[collection.property];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (!isObject(item) || typeof item["name"] !== "string") return;
      const id = typeof item["id"] === "string" ? item["id"] : `${parentId}/${collection.segment}/${item["name"]}`;
      const withId: JsonObject = { name: item["name"], id, ...item };
      list[i] = withId;
      if (isObject(withId["properties"] ?? null)) {
        index.set(id.toLowerCase(), withId as unknown as Holder);
        embedIds(id, collection.childType, withId["properties"] as JsonObject, index);
      }
    });
  }
}

type MutableResource = { -readonly [K in keyof Resource]: Resource[K] } & { properties: JsonObject };

function toRecord(d: DeclaredResource): MutableResource {
  const f = d.fields;
  // Built in the order a GET shows the fields: the snapshot reads like the API's JSON.
  const record = { id: d.id, name: d.name.split("/").pop() ?? d.name, type: d.type.toLowerCase() } as MutableResource;
  // ARM's canonical form of a region: "West Europe" is stored as "westeurope".
  if (typeof f["location"] === "string") record.location = f["location"].toLowerCase().replaceAll(" ", "");
  if (d.subscriptionId !== undefined) record.subscriptionId = d.subscriptionId;
  if (d.resourceGroup !== undefined) record.resourceGroup = d.resourceGroup;
  if (isObject(f["sku"] ?? null)) record.sku = f["sku"] as JsonObject;
  const tags = f["tags"];
  if (isObject(tags ?? null)) {
    // Tag values are strings in Azure; a tag whose value is unknown before deployment is left out.
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(tags as JsonObject)) {
      if (typeof v === "string") out[k] = v;
      else if (typeof v === "number" || typeof v === "boolean") out[k] = String(v);
    }
    record.tags = out;
  }
  const zones = f["zones"];
  if (Array.isArray(zones)) record.zones = zones.filter((z) => !isUnknown(z) && z !== null).map(String);
  const extra = record as unknown as Record<string, unknown>;
  for (const field of ["kind", "identity", "plan", "extendedLocation"]) {
    const v = f[field];
    if (v !== undefined && v !== null && !isUnknown(v)) extra[field] = v;
  }
  record.properties = withoutNulls(d.properties);
  record.origin = d.origin;
  return record;
}

// A property set to null in a template is a property not set: a GET does not show it, and a
// policy asking `not x.routeTable` must find it absent, not null.
function withoutNulls(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null) continue;
    out[key] = isObject(value) ? withoutNulls(value) : Array.isArray(value) ? value.map((v) => (isObject(v) ? withoutNulls(v) : v)) : value;
  }
  return out;
}
