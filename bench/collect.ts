// npm run bench:collect — live collection of 100,000 resources in 200 subscriptions from the
// fake Azure on 127.0.0.1, which enforces Resource Graph's quota (15 queries per 5 seconds per
// user). Prints the requests, pages, throttled waits and wall time, beside the least time the
// quota allows for that many queries. Runs the built collector (dist/), with the real SDKs.

import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { collectAzure } from "../dist/collect/azure.js";
import { makeEstate } from "../test/collect/azure-estate.ts";
import { startFakeAzure } from "../test/collect/fake-azure.ts";

const SUBSCRIPTIONS = 200;
const RESOURCES = 100_000;
const QUOTA = { limit: 15, windowMs: 5_000 };

// Seven ExpressRoute resources per subscription, the rest public IP addresses.
const estate = makeEstate({ subscriptions: SUBSCRIPTIONS, fillerPerSubscription: RESOURCES / SUBSCRIPTIONS - 7 });
if (estate.resources.length !== RESOURCES) throw new Error(`the estate has ${estate.resources.length} resources`);

const azure = await startFakeAzure({ estate, quota: QUOTA, record: false });
setDefaultCACertificates([...getCACertificates("default"), azure.caPem]);
process.env["AZURE_AUTHORITY_HOST"] = azure.authorityHost;
process.env["AZURE_TENANT_ID"] = azure.tenantId;
process.env["AZURE_CLIENT_ID"] = azure.clientId;
process.env["AZURE_CLIENT_SECRET"] = azure.clientSecret;

let last: Record<string, number | undefined> = {};
const started = performance.now();
const snapshot = await collectAzure({
  subscriptions: [],
  managementGroups: [],
  runtime: false,
  auth: "env",
  cloud: "AzureCloud",
  armEndpoint: azure.url,
  progress: {
    stage: () => undefined,
    update: (state) => {
      last = { ...last, ...state };
    },
    warn: (message) => console.error(`warning: ${message}`),
    detail: () => undefined,
  },
});
const seconds = (performance.now() - started) / 1000;
await azure.close();

const collected = snapshot.resources.filter((r) => r.type !== "microsoft.resources/subscriptions").length;
if (collected !== RESOURCES || snapshot.source.errors.length > 0) {
  throw new Error(`collected ${collected} of ${RESOURCES} resources, ${snapshot.source.errors.length} errors`);
}
const queries = azure.stats.graphRequests - azure.stats.quotaRefusals;
// The quota lets `limit` queries through per window: the last window opens after the others.
const minimum = (Math.ceil(queries / QUOTA.limit) - 1) * (QUOTA.windowMs / 1000);
const rows: [string, string][] = [
  ["resources collected", `${collected.toLocaleString("en-US")} in ${SUBSCRIPTIONS} subscriptions`],
  ["Resource Graph requests", `${last["requests"]} (client), ${azure.stats.graphRequests} (server)`],
  ["pages", String(azure.stats.graphPages)],
  ["throttled waits", `${last["throttledWaits"]} (refused by the quota: ${azure.stats.quotaRefusals})`],
  ["wall time", `${seconds.toFixed(1)} s`],
  ["quota-bound minimum", `${minimum.toFixed(1)} s (${queries} queries at ${QUOTA.limit} per ${QUOTA.windowMs / 1000} s)`],
];
for (const [name, value] of rows) console.log(`${name.padEnd(24)} ${value}`);
