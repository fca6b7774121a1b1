// One customer's share of a multi-customer scan, for the report a cloud solution provider
// hands to that customer: their findings, the scope, errors and waivers that concern them,
// and nothing that names another customer's subscriptions or resources.

import { ErguardError } from "../errors.js";
import type { Results } from "../evaluate/results.js";

export function forCustomer(results: Results, name: string): Results {
  const customer = results.snapshot.customers.find((c) => c.name === name);
  if (customer === undefined) {
    const known = results.snapshot.customers.map((c) => JSON.stringify(c.name)).join(", ") || "none";
    throw new ErguardError("bad_config", `--customer ${JSON.stringify(name)} is not in these results (customers: ${known})`);
  }
  const marks = [...(customer.subscriptions ?? []), ...(customer.tenantId ? [customer.tenantId] : [])].map((m) => m.toLowerCase());
  const concerns = (scope: string | undefined) => scope !== undefined && marks.some((m) => scope.toLowerCase().includes(m));
  const entries = results.results.filter((e) => e.customer === name);

  return {
    ...results,
    snapshot: {
      ...results.snapshot,
      source: {
        ...results.snapshot.source,
        scope: {
          ...(customer.tenantId ? { tenants: [customer.tenantId] } : {}),
          subscriptions: customer.subscriptions ?? [],
        },
        errors: results.snapshot.source.errors.filter((e) => concerns(e.scope)),
      },
      customers: [customer],
    },
    results: entries,
    // Rule errors without a scope concern every customer.
    errors: results.errors.filter((e) => e.scope === undefined || concerns(e.scope)),
    waivers: {
      expired: results.waivers.expired.filter((w) => entries.some((e) => e.waiver?.expired && e.waiver.rule === w.rule && e.waiver.resource === w.resource)),
      stale: [],
    },
    ...(results.fixed ? { fixed: results.fixed.filter((f) => f.resourceId !== null && concerns(f.resourceId)) } : {}),
  };
}
