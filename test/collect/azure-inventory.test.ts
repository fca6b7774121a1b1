// Inventory from Resource Graph through the real SDK clients and @azure/identity, against the
// fake Azure on 127.0.0.1: paging, throttling, faults, scopes, shards, secrets.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REDACTED, type Resource, type Snapshot } from "../../src/snapshot/types.js";
import { validateSnapshot } from "../../src/snapshot/validate.js";
import { makeEstate, type Estate } from "./azure-estate.ts";
import { collect, fakeAzure, FAST_RETRY } from "./azure-harness.js";
import type { FakeAzure } from "./fake-azure.ts";

const SUBSCRIPTION_TYPE = "microsoft.resources/subscriptions";

let azure: FakeAzure | undefined;
afterEach(async () => {
  await azure?.close();
  azure = undefined;
});

// Three subscriptions of 7 ExpressRoute resources and 400 public IPs each: 1,221 audited rows,
// two pages of 1,000; the unrelated disks must never arrive.
function estate(): Estate {
  return makeEstate({ subscriptions: 3, fillerPerSubscription: 400, unrelatedPerSubscription: 5 });
}

function inventoryOf(snapshot: Snapshot): Resource[] {
  return snapshot.resources.filter((r) => r.type !== SUBSCRIPTION_TYPE);
}

function expectEveryResourceOnce(snapshot: Snapshot, served: Estate, subscriptions?: readonly string[]): void {
  const expected = served.resources
    .filter((r) => r.type.startsWith("microsoft.network/"))
    .filter((r) => subscriptions === undefined || subscriptions.includes(r.subscriptionId))
    .map((r) => r.id)
    .sort();
  const ids = inventoryOf(snapshot).map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(expected);
}

describe("collecting the inventory from Resource Graph", () => {
  it("brings every resource of the audited types exactly once across pages, sorted by id, as a valid snapshot", async () => {
    const served = estate();
    azure = await fakeAzure({ estate: served });
    const { snapshot, progress } = await collect(azure);

    expectEveryResourceOnce(snapshot, served);
    const ids = snapshot.resources.map((r) => r.id.toLowerCase());
    expect(ids).toEqual([...ids].sort());
    expect(snapshot.resources.some((r) => r.type === "microsoft.compute/disks")).toBe(false);
    expect(azure.stats.graphPages).toBe(1 + 2); // the subscriptions, then two pages of resources
    expect(azure.stats.maxTop).toBe(1000);
    expect(snapshot.source.errors).toEqual([]);
    expect(progress.last).toMatchObject({ subscriptionsDone: 3, subscriptionsTotal: 3, resources: 1221 });
    expect(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)), "snapshot.json")).not.toThrow();
  });

  it("records the subscriptions with their names and tenants, from resourcecontainers", async () => {
    const served = makeEstate({ subscriptions: 4, tenants: 2 });
    azure = await fakeAzure({ estate: served });
    const { snapshot } = await collect(azure);

    const subscriptions = snapshot.resources.filter((r) => r.type === SUBSCRIPTION_TYPE);
    expect(subscriptions.map((s) => [s.id, s.name, s.tenantId])).toEqual(
      served.subscriptions
        .map((s) => [`/subscriptions/${s.subscriptionId}`, s.name, s.tenantId])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(snapshot.source.scope["tenants"]).toEqual([...new Set(served.subscriptions.map((s) => s.tenantId))].sort());
    expect(snapshot.source.scope["subscriptions"]).toEqual(served.subscriptions.map((s) => s.subscriptionId).sort());
  });

  it("replaces peering BGP keys, connection keys, circuit service keys and authorization keys with <redacted>", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 2 }) });
    const { snapshot } = await collect(azure);
    const text = JSON.stringify(snapshot);

    for (const secret of ["md5-private-", "md5-microsoft-", "Abc123", "authkey", "a1410692-ed3b-4ceb-b94a-b90b95d398d1"]) {
      expect(text).not.toContain(secret);
    }
    const circuits = snapshot.resources.filter((r) => r.type === "microsoft.network/expressroutecircuits");
    expect(circuits).toHaveLength(2);
    for (const circuit of circuits) {
      const props = circuit.properties as {
        serviceKey: string;
        peerings: { properties: { sharedKey: string } }[];
        authorizations: { properties: { authorizationKey: string; authorizationUseStatus: string } }[];
      };
      expect(props.serviceKey).toBe(REDACTED);
      expect(props.peerings.map((p) => p.properties.sharedKey)).toEqual([REDACTED, REDACTED]);
      expect(props.authorizations[0]?.properties).toMatchObject({ authorizationKey: REDACTED, authorizationUseStatus: "Available" });
    }
    const connection = snapshot.resources.find((r) => r.type === "microsoft.network/connections");
    expect(connection?.properties["sharedKey"]).toBe(REDACTED);
  });

  it("loses and duplicates nothing through 429s, 500s, dropped connections, responses cut short and slow responses", async () => {
    const served = estate();
    azure = await fakeAzure({ estate: served, repeatRowAcrossPages: true });
    const onResources = (request: { body: Record<string, unknown> | undefined }): boolean =>
      String(request.body?.["query"]).startsWith("resources");
    const onLaterPage = (request: { body: Record<string, unknown> | undefined }): boolean =>
      onResources(request) && (request.body?.["options"] as Record<string, unknown>)["$skipToken"] !== undefined;
    azure.inject({ route: "graph", times: 1, fault: { status: 429, headers: { "retry-after": "0" } } });
    azure.inject({ route: "graph", times: 2, when: onResources, fault: { status: 500 } });
    azure.inject({ route: "graph", times: 1, when: onResources, fault: { reset: true } });
    azure.inject({ route: "graph", times: 1, when: onLaterPage, fault: { cut: true } });
    azure.inject({ route: "graph", times: 1, when: onLaterPage, fault: { status: 503, headers: { "retry-after": "0" } } });
    azure.inject({ route: "graph", times: 1, when: onLaterPage, fault: { delayMs: 1_500 } }); // past the 1 s timeout

    const { snapshot, progress } = await collect(azure);

    expect(azure.stats.faultsInjected).toBe(7);
    expectEveryResourceOnce(snapshot, served);
    expect(snapshot.source.errors).toEqual([]);
    expect(progress.last.throttledWaits).toBeGreaterThanOrEqual(2);
  });

  it("waits for Resource Graph's quota window instead of being refused", async () => {
    const served = estate();
    // Two queries per second: the subscriptions and two pages of resources need a second window.
    azure = await fakeAzure({ estate: served, quota: { limit: 2, windowMs: 1_000 } });
    const { snapshot, progress } = await collect(azure);

    expectEveryResourceOnce(snapshot, served);
    expect(azure.stats.quotaRefusals).toBe(0);
    expect(progress.last.throttledWaits).toBe(1);
    expect(progress.details.some((d) => d.startsWith("quota spent: waiting"))).toBe(true);
  });

  it("retries after 429 + Retry-After when the quota is spent by someone else", async () => {
    const served = estate();
    azure = await fakeAzure({ estate: served });
    // Another client of the same user spent the window: the first query is refused.
    azure.inject({
      route: "graph",
      times: 1,
      fault: { status: 429, headers: { "retry-after": "1", "x-ms-user-quota-remaining": "0", "x-ms-user-quota-resets-after": "00:00:01" } },
    });
    const { snapshot } = await collect(azure);

    expectEveryResourceOnce(snapshot, served);
    expect(snapshot.source.errors).toEqual([]);
  });

  it("waits for the quota reset a 429 names when it has no Retry-After", async () => {
    const served = estate();
    azure = await fakeAzure({ estate: served });
    azure.inject({
      route: "graph",
      times: 1,
      fault: { status: 429, headers: { "x-ms-user-quota-remaining": "0", "x-ms-user-quota-resets-after": "00:00:00.2" } },
    });
    const { snapshot, progress } = await collect(azure);

    expectEveryResourceOnce(snapshot, served);
    expect(progress.details).toContain("throttled: waiting 0.2 s");
  });

  it("gives up at once, and records the batch, when Azure asks to wait beyond the time allowed", async () => {
    const served = makeEstate({ subscriptions: 2, fillerPerSubscription: 1 });
    azure = await fakeAzure({ estate: served });
    azure.inject({
      route: "graph",
      times: 1,
      when: (r) => String(r.body?.["query"]).startsWith("resources"),
      fault: { status: 429, headers: { "retry-after": "3600" }, body: { error: { code: "RateLimiting", message: "too many requests" } } },
    });
    const { snapshot, progress } = await collect(azure, {}, { ...FAST_RETRY, budgetMs: 60_000 });

    expect(snapshot.source.errors.map((e) => [e.code, e.message])).toEqual([
      ["RateLimiting", "too many requests"],
      ["RateLimiting", "too many requests"],
    ]);
    expect(progress.warnings).toEqual(["giving up on a request after 1 attempt (HTTP 429)"]);
  });

  it("records a subscription the credential may not read, and keeps the others whole", async () => {
    const served = makeEstate({ subscriptions: 5, fillerPerSubscription: 3 });
    const denied = served.subscriptions[2]?.subscriptionId as string;
    azure = await fakeAzure({ estate: served, forbiddenSubscriptions: [denied] });
    const { snapshot } = await collect(azure);

    expect(snapshot.source.errors).toEqual([
      { scope: denied, code: "AuthorizationFailed", message: expect.stringContaining(denied) as string },
    ]);
    const others = served.subscriptions.map((s) => s.subscriptionId).filter((s) => s !== denied);
    expectEveryResourceOnce(snapshot, served, others);
  });

  it("records every subscription of a batch that keeps failing with 500, and keeps the other batch", async () => {
    // 1,001 subscriptions: two batches, the first of 1,000.
    const served = makeEstate({ subscriptions: 1001, expressRoute: false, fillerPerSubscription: 1 });
    azure = await fakeAzure({ estate: served });
    const sorted = served.subscriptions.map((s) => s.subscriptionId).sort();
    const last = sorted.at(-1) as string;
    const firstBatch = (request: { body: Record<string, unknown> | undefined }): boolean =>
      String(request.body?.["query"]).startsWith("resources") && !(request.body?.["subscriptions"] as string[]).includes(last);
    azure.inject({ route: "graph", times: 100, when: firstBatch, fault: { status: 500 } });

    const { snapshot, progress } = await collect(azure);

    expect(azure.stats.maxSubscriptionsPerQuery).toBe(1000);
    // Our retry policy alone (the SDK's own is replaced), up to its bound on attempts.
    expect(azure.requests.filter(firstBatch)).toHaveLength(FAST_RETRY.maxAttempts as number);
    expect(snapshot.source.errors).toHaveLength(1000);
    expect(new Set(snapshot.source.errors.map((e) => e.code))).toEqual(new Set(["Injected500"]));
    expect(snapshot.source.errors.map((e) => e.scope)).toEqual(sorted.slice(0, 1000));
    expectEveryResourceOnce(snapshot, served, [last]);
    expect(progress.warnings.some((w) => w.includes("HTTP 500"))).toBe(true);
  });

  it("stops following a $skipToken that never ends, and records the batch", async () => {
    const served = makeEstate({ subscriptions: 2, fillerPerSubscription: 1 });
    azure = await fakeAzure({ estate: served });
    const row = served.resources[0];
    // Every resources page says there is more.
    azure.inject({
      route: "graph",
      times: 1_000,
      when: (r) => String(r.body?.["query"]).startsWith("resources"),
      fault: { status: 200, body: { totalRecords: 1, count: 1, resultTruncated: "false", $skipToken: "bW9yZQ==", data: [row] } },
    });
    const { snapshot } = await collect(azure);

    expect(azure.stats.faultsInjected).toBe(7); // ceil(1 / 1000) + 5 pages are allowed, the 7th is refused
    expect(snapshot.source.errors.map((e) => [e.scope, e.code, e.message])).toEqual(
      served.subscriptions
        .map((s) => s.subscriptionId)
        .sort()
        .map((id) => [id, "collection_failed", "unexpected Resource Graph response: paging did not end after 7 pages for 1 records"]),
    );
    expect(snapshot.resources.filter((r) => r.type !== SUBSCRIPTION_TYPE)).toEqual([]);
  });

  it("collects only the subscriptions named, and records one that does not exist", async () => {
    const served = makeEstate({ subscriptions: 3, fillerPerSubscription: 2 });
    azure = await fakeAzure({ estate: served });
    const wanted = served.subscriptions[1]?.subscriptionId as string;
    const missing = "00000000-0000-0000-0000-00000000dead";
    const { snapshot } = await collect(azure, { subscriptions: [wanted.toUpperCase(), missing] });

    expectEveryResourceOnce(snapshot, served, [wanted]);
    expect(snapshot.source.errors).toEqual([
      { scope: missing, code: "SubscriptionNotFound", message: "the subscription does not exist or this credential cannot read it" },
    ]);
  });

  it("warns about a customer subscription the credential cannot read", async () => {
    const served = makeEstate({ subscriptions: 1 });
    azure = await fakeAzure({ estate: served });
    const customers = join(mkdtempSync(join(tmpdir(), "erguard-customers-")), "customers.yaml");
    const unseen = "00000000-0000-0000-0000-0000000000aa";
    writeFileSync(customers, `customers:\n  - name: contoso\n    subscriptions: [${served.subscriptions[0]?.subscriptionId}, ${unseen}]\n`);
    const { snapshot, progress } = await collect(azure, { customersFile: customers });

    expect(snapshot.customers).toEqual([{ name: "contoso", subscriptions: [served.subscriptions[0]?.subscriptionId, unseen] }]);
    expect(progress.warnings).toEqual([`customer "contoso": subscription ${unseen} is not readable with this credential`]);
    rmSync(dirname(customers), { recursive: true, force: true });
  });

  it("collects the subscriptions under a management group", async () => {
    const served = makeEstate({ subscriptions: 4, fillerPerSubscription: 1 });
    served.subscriptions.forEach((s, i) => (s.managementGroup = i % 2 === 0 ? "mg-customers" : "mg-internal"));
    azure = await fakeAzure({ estate: served });
    const { snapshot } = await collect(azure, { managementGroups: ["mg-customers"] });

    const inGroup = served.subscriptions.filter((s) => s.managementGroup === "mg-customers").map((s) => s.subscriptionId);
    expectEveryResourceOnce(snapshot, served, inGroup);
    expect(snapshot.source.scope["managementGroups"]).toEqual(["mg-customers"]);
  });

  it("splits the subscriptions between shards without overlap or gap", async () => {
    const served = makeEstate({ subscriptions: 12, expressRoute: false, fillerPerSubscription: 1 });
    azure = await fakeAzure({ estate: served });
    const shards = [];
    for (let index = 1; index <= 3; index++) shards.push((await collect(azure, { shard: { index, count: 3 } })).snapshot);

    const perShard = shards.map((s) => s.source.scope["subscriptions"] as string[]);
    const all = perShard.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(served.subscriptions.map((s) => s.subscriptionId).sort());
    expect(perShard.every((ids) => ids.length > 0)).toBe(true);
    expect(shards.map((s) => s.source.scope["shard"])).toEqual(["1/3", "2/3", "3/3"]);
  });

  it("gives byte-identical snapshots of the same estate apart from the collection time", async () => {
    azure = await fakeAzure({ estate: estate(), repeatRowAcrossPages: true });
    const first = (await collect(azure)).snapshot;
    const second = (await collect(azure)).snapshot;
    const withoutTime = (s: Snapshot): string => JSON.stringify({ ...s, source: { ...s.source, collectedAt: "" } });
    expect(withoutTime(second)).toBe(withoutTime(first));
  });
});
