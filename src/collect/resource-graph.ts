// The inventory, from Azure Resource Graph: the subscriptions in scope (resourcecontainers) and
// every resource of the audited types in them (resources), one query per table.
// - Subscriptions go in batches of at most 1,000, the most one query accepts.
// - Each query is paged with $top 1000 and $skipToken to the end; the rows received are checked
//   against totalRecords, and a batch whose count does not match is queried once more.
// - Rows are de-duplicated by id (case-insensitively, as Azure compares ids) and sorted by id,
//   so two collections of the same estate are identical.
// - A batch that fails is split in two while Azure refuses it (403) so that one subscription
//   the credential cannot read does not hide the others; what still fails is recorded per
//   subscription, and the rest is kept.

import type { QueryRequest, QueryResponse } from "@azure/arm-resourcegraph";
import { ErguardError } from "../errors.js";
import type { CollectionError, Resource } from "../snapshot/types.js";
import { collectionError, failureOf, throwIfInterrupted } from "./azure-errors.js";
import { forEachLimited } from "./concurrency.js";
import { redactSecrets } from "./redact.js";

export const DEFAULT_RESOURCE_TYPES: readonly string[] = [
  "microsoft.network/expressroutecircuits",
  "microsoft.network/expressrouteports",
  "microsoft.network/expressroutegateways",
  "microsoft.network/virtualnetworkgateways",
  "microsoft.network/connections",
  "microsoft.network/virtualnetworks",
  "microsoft.network/networksecuritygroups",
  "microsoft.network/routetables",
  "microsoft.network/routefilters",
  "microsoft.network/azurefirewalls",
  "microsoft.network/firewallpolicies",
  "microsoft.network/virtualhubs",
  "microsoft.network/virtualwans",
  "microsoft.network/networkinterfaces",
  "microsoft.network/publicipaddresses",
];

export const SUBSCRIPTION_TYPE = "microsoft.resources/subscriptions";
const MAX_SUBSCRIPTIONS_PER_QUERY = 1000;
const PAGE_SIZE = 1000;

// The part of ResourceGraphClient this module uses.
export interface ResourceGraph {
  resources(query: QueryRequest, options?: { abortSignal?: AbortSignal }): Promise<QueryResponse>;
}

export interface GraphContext {
  readonly signal?: AbortSignal;
  // Called after every page with the number of rows it brought.
  readonly onPage?: (rows: number) => void;
  readonly detail?: (message: string) => void;
}

export interface SubscriptionInfo {
  readonly id: string; // the subscription id (a GUID, lower case)
  readonly name: string;
  readonly tenantId?: string;
  readonly resource: Resource;
}

export interface GraphScope {
  readonly subscriptions: readonly string[];
  readonly managementGroups: readonly string[];
}

function subscriptionsQuery(): string {
  return [
    "resourcecontainers",
    `| where type =~ '${SUBSCRIPTION_TYPE}'`,
    "| project id, name, type, subscriptionId, tenantId, properties",
    "| order by id asc",
  ].join("\n");
}

function inventoryQuery(types: readonly string[]): string {
  const list = types.map((t) => `'${t.toLowerCase().replaceAll("'", "")}'`).join(", ");
  return [
    "resources",
    `| where type in~ (${list})`,
    "| project id, name, type, location, subscriptionId, resourceGroup, tenantId, sku, tags, zones, properties",
    // Paging in id order keeps pages stable, and tells which subscriptions are done.
    "| order by id asc",
  ].join("\n");
}

function managementGroupScope(id: string): string {
  return `/providers/Microsoft.Management/managementGroups/${id}`;
}

// The subscriptions in scope: those named, those under the management groups named, or every
// subscription the credential can read.
export async function listSubscriptions(
  graph: ResourceGraph,
  scope: GraphScope,
  ctx: GraphContext,
): Promise<{ subscriptions: SubscriptionInfo[]; errors: CollectionError[] }> {
  const errors: CollectionError[] = [];
  const found = new Map<string, SubscriptionInfo>();
  const add = (rows: readonly Record<string, unknown>[]): void => {
    for (const row of rows) {
      const info = toSubscription(row);
      if (info !== undefined) found.set(info.id, info);
    }
  };
  const query = subscriptionsQuery();

  if (scope.subscriptions.length > 0) {
    const wanted = [...new Set(scope.subscriptions.map((s) => s.toLowerCase()))].sort(compareText);
    errors.push(...(await queryInBatches(graph, wanted, query, { ...ctx, onResult: add })));
    for (const id of wanted) {
      if (!found.has(id) && !errors.some((e) => e.scope === id)) {
        errors.push({
          scope: id,
          code: "SubscriptionNotFound",
          message: "the subscription does not exist or this credential cannot read it",
        });
      }
    }
  } else if (scope.managementGroups.length > 0) {
    for (const group of scope.managementGroups) {
      try {
        add((await queryAllPages(graph, { managementGroups: [group], query }, ctx)).rows);
      } catch (err) {
        throwIfInterrupted(ctx.signal, err);
        errors.push(collectionError(managementGroupScope(group), failureOf(err)));
      }
    }
  } else {
    // Without a scope Resource Graph answers for every subscription the credential can read;
    // if even that fails there is nothing to collect, and the caller reports it.
    add((await queryAllPages(graph, { query }, ctx)).rows);
  }
  return { subscriptions: [...found.values()].sort((a, b) => compareText(a.id, b.id)), errors };
}

export interface InventoryOptions extends GraphContext {
  readonly types: readonly string[];
  // Batches queried at the same time; the quota is per user, so more does not go faster.
  readonly concurrency?: number;
  // Subscriptions whose resources have all arrived (pages come in id order, so a subscription
  // is done when a page ends past it).
  readonly onSubscriptionsDone?: (count: number) => void;
}

export async function collectInventory(
  graph: ResourceGraph,
  subscriptionIds: readonly string[],
  options: InventoryOptions,
): Promise<{ resources: Resource[]; errors: CollectionError[] }> {
  const byId = new Map<string, Resource>();
  const sorted = [...new Set(subscriptionIds.map((s) => s.toLowerCase()))].sort(compareText);
  const errors = await queryInBatches(graph, sorted, inventoryQuery(options.types), {
    ...options,
    onResult: (rows) => {
      for (const row of rows) {
        const resource = toResource(row);
        byId.set(resource.id.toLowerCase(), resource);
      }
    },
  });
  return { resources: [...byId.values()].sort(compareResources), errors };
}

interface BatchContext extends GraphContext {
  readonly concurrency?: number;
  readonly onSubscriptionsDone?: (count: number) => void;
  // The rows of a batch that arrived whole.
  readonly onResult: (rows: readonly Record<string, unknown>[]) => void;
}

// Runs one query over subscriptions in batches; returns the failures, one per subscription.
async function queryInBatches(
  graph: ResourceGraph,
  subscriptions: readonly string[],
  query: string,
  ctx: BatchContext,
): Promise<CollectionError[]> {
  const errors: CollectionError[] = [];
  const runBatch = async (batch: readonly string[]): Promise<void> => {
    let done = 0;
    const onRows = (rows: readonly Record<string, unknown>[]): void => {
      const last = rows.at(-1)?.["subscriptionId"];
      if (typeof last !== "string") return;
      const nowDone = batch.filter((id) => id < last.toLowerCase()).length;
      if (nowDone > done) ctx.onSubscriptionsDone?.(nowDone - done);
      done = Math.max(done, nowDone);
    };
    let result: PagedRows;
    try {
      result = await queryAllPages(graph, { subscriptions: [...batch], query }, { ...ctx, onRows });
      if (result.rows.length !== result.totalRecords) {
        ctx.detail?.(`Resource Graph sent ${result.rows.length} of ${result.totalRecords} records; querying the batch again`);
        result = await queryAllPages(graph, { subscriptions: [...batch], query }, ctx);
      }
    } catch (err) {
      throwIfInterrupted(ctx.signal, err);
      const failure = failureOf(err);
      if (failure.status === 403 && batch.length > 1) {
        ctx.detail?.(`Resource Graph refused a batch of ${batch.length} subscriptions; splitting it`);
        const half = Math.ceil(batch.length / 2);
        await runBatch(batch.slice(0, half));
        await runBatch(batch.slice(half));
        return;
      }
      // A failed batch keeps none of its rows: a subscription is either whole or in the errors.
      for (const id of batch) errors.push(collectionError(id, failure));
      ctx.onSubscriptionsDone?.(batch.length - done);
      return;
    }
    if (result.rows.length !== result.totalRecords) {
      const message = `Resource Graph reported ${result.totalRecords} records but sent ${result.rows.length}`;
      for (const id of batch) errors.push({ scope: id, code: "incomplete", message });
    }
    ctx.onResult(result.rows);
    ctx.onSubscriptionsDone?.(batch.length - done);
  };
  await forEachLimited(chunks(subscriptions, MAX_SUBSCRIPTIONS_PER_QUERY), ctx.concurrency ?? 2, runBatch);
  return errors;
}

interface PagedRows {
  readonly rows: Record<string, unknown>[]; // unique by id
  readonly totalRecords: number;
}

interface PagingContext extends GraphContext {
  readonly onRows?: (rows: readonly Record<string, unknown>[]) => void;
}

// Follows $skipToken to the end of one query. Duplicate rows (a resource that moved between
// pages) are dropped; a query that keeps paging past its total is cut off as an error rather
// than looping.
async function queryAllPages(
  graph: ResourceGraph,
  request: Omit<QueryRequest, "options">,
  ctx: PagingContext,
): Promise<PagedRows> {
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  let skipToken: string | undefined;
  let totalRecords = 0;
  let pages = 0;
  do {
    const response = await graph.resources(
      {
        ...request,
        options: { top: PAGE_SIZE, resultFormat: "objectArray", ...(skipToken === undefined ? {} : { skipToken }) },
      },
      ctx.signal === undefined ? {} : { abortSignal: ctx.signal },
    );
    pages++;
    const data: unknown = response.data;
    if (!Array.isArray(data) || typeof response.totalRecords !== "number") {
      throw unexpectedResponse("the response has no data array or no totalRecords");
    }
    const page: Record<string, unknown>[] = [];
    for (const row of data as unknown[]) {
      if (row === null || typeof row !== "object" || typeof (row as { id?: unknown }).id !== "string") {
        throw unexpectedResponse("a row has no id (the query must project id)");
      }
      const record = row as Record<string, unknown>;
      const key = (record["id"] as string).toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      page.push(record);
    }
    rows.push(...page);
    totalRecords = response.totalRecords;
    ctx.onPage?.(page.length);
    ctx.onRows?.(page);
    skipToken = response.skipToken;
    if (skipToken !== undefined && data.length === 0) {
      throw unexpectedResponse("an empty page came with a $skipToken");
    }
    if (pages > Math.ceil(totalRecords / PAGE_SIZE) + 5) {
      throw unexpectedResponse(`paging did not end after ${pages} pages for ${totalRecords} records`);
    }
  } while (skipToken !== undefined && skipToken !== "");
  return { rows, totalRecords };
}

function unexpectedResponse(message: string): ErguardError {
  return new ErguardError("collection_failed", `unexpected Resource Graph response: ${message}`);
}

// A Resource Graph row in the snapshot's resource shape, secrets redacted.
function toResource(row: Record<string, unknown>): Resource {
  const text = (key: string): string | undefined => {
    const v = row[key];
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  const object = (key: string): Record<string, unknown> | undefined => {
    const v = row[key];
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  };
  const id = row["id"] as string;
  const tags = object("tags");
  const zones = Array.isArray(row["zones"]) ? row["zones"].filter((z): z is string => typeof z === "string") : undefined;
  const resource: Resource = {
    id,
    name: text("name") ?? id.split("/").at(-1) ?? id,
    type: (text("type") ?? "").toLowerCase(),
    ...optional("location", text("location")),
    ...optional("subscriptionId", text("subscriptionId")?.toLowerCase()),
    ...optional("resourceGroup", text("resourceGroup")),
    ...optional("tenantId", text("tenantId")?.toLowerCase()),
    ...optional("sku", object("sku")),
    ...optional("tags", tags === undefined ? undefined : Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v)]))),
    ...optional("zones", zones !== undefined && zones.length > 0 ? zones : undefined),
    properties: object("properties") ?? {},
  };
  return redactSecrets(resource);
}

function toSubscription(row: Record<string, unknown>): SubscriptionInfo | undefined {
  const resource = toResource(row);
  const id = resource.subscriptionId ?? /^\/subscriptions\/([^/]+)$/i.exec(resource.id)?.[1]?.toLowerCase();
  if (id === undefined) return undefined;
  const normalized: Resource = { ...resource, id: `/subscriptions/${id}`, subscriptionId: id, type: SUBSCRIPTION_TYPE };
  return { id, name: resource.name, ...optional("tenantId", resource.tenantId), resource: normalized };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// By id, case-insensitively first so that casing differences between runs do not reorder.
export function compareResources(a: Resource, b: Resource): number {
  return compareText(a.id.toLowerCase(), b.id.toLowerCase()) || compareText(a.id, b.id);
}
