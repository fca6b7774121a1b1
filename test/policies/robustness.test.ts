// Every rule of the built-in bundle evaluates without an error, even with strict builtin
// errors, over real ARM payloads (the Azure REST API examples), over the same payloads with
// every value replaced by the unknown marker IaC collection writes, and with every value of
// the wrong type. A rule that raised an error on such input would turn into error entries for
// a whole scan.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinBundle, loadBundles, type LoadedBundle } from "../../src/evaluate/bundle.js";

const EXAMPLE_DIRS = [new URL("../collect/azure-examples/", import.meta.url).pathname, new URL("payloads/", import.meta.url).pathname];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// The resources of the examples: GET bodies and list values, with lower-case types.
function exampleResources(): { [k: string]: Json }[] {
  const out: { [k: string]: Json }[] = [];
  for (const dir of EXAMPLE_DIRS) for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const doc = JSON.parse(readFileSync(join(dir, file), "utf8")) as { responses?: { "200"?: { body?: Json; value?: Json[] } } };
    const ok = doc.responses?.["200"];
    const body = (ok?.body ?? ok) as { value?: Json[] } | undefined;
    const items = (Array.isArray(body?.value) ? body.value : [body]) as { [k: string]: Json }[];
    for (const r of items) {
      // Two examples misspell the provider (Microsofot.Network): see payloads/SOURCES.md.
      if (r && typeof r["id"] === "string" && typeof r["type"] === "string") {
        out.push({ ...r, id: r["id"].replace("Microsofot", "Microsoft"), type: r["type"].toLowerCase().replace("microsofot", "microsoft") });
      }
    }
  }
  return out;
}

// Every value below the resource's identity replaced by `leaf(path)`.
function mapLeaves(r: { [k: string]: Json }, leaf: (v: Json, path: string) => Json): { [k: string]: Json } {
  const walk = (v: Json, path: string): Json => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, `${path}.${k}`)]));
    return leaf(v, path);
  };
  const { id, name, type, ...rest } = r;
  return { id: id ?? null, name: name ?? null, type: type ?? null, ...(walk(rest, String(name)) as { [k: string]: Json }) };
}

function snapshot(kind: string, resources: Json[]): Json {
  return {
    schemaVersion: 1,
    source: { kind, collectedAt: "2025-01-01T00:00:00Z", tool: "test", scope: {}, errors: [] },
    customers: [{ name: "contoso", subscriptions: ["subid"], model: "connect-through" }],
    resources,
  };
}

let bundle: LoadedBundle;
beforeAll(async () => {
  bundle = await loadBundles([builtinBundle()]);
});

function evaluateAll(input: Json): string[] {
  const data = JSON.parse(JSON.stringify(bundle.data)) as { erguard: { config: { customers: Record<string, unknown> } } };
  // Every customer requirement on, so that the customer-specific rules run too.
  data.erguard.config.customers = { contoso: { forced_tunneling: true, encryption: "any", separate_routing_domains: true } };
  const session = bundle.policy.session({ input, data, strictBuiltinErrors: true });
  const errors: string[] = [];
  for (const rule of bundle.rules) {
    try {
      session.values(`x := object.get(${rule.package}, "deny", set()); y := object.get(${rule.package}, "unknown", set())`);
    } catch (e) {
      errors.push(`${rule.id}: ${(e as Error).message}`);
    }
  }
  return errors;
}

describe("the built-in rules on unexpected input", () => {
  const resources = exampleResources();

  it("evaluate the Azure REST API examples without an error", () => {
    expect(new Set(resources.map((r) => r["type"])).size).toBeGreaterThanOrEqual(10);
    expect(evaluateAll(snapshot("azure", resources))).toEqual([]);
  });

  it("evaluate payloads whose every value is unknown without an error", () => {
    const unknown = resources.map((r) => mapLeaves(r, (_v, path) => ({ $unknown: path })));
    expect(evaluateAll(snapshot("terraform", unknown))).toEqual([]);
  });

  it("evaluate payloads whose every value has the wrong type without an error", () => {
    const wrong = resources.map((r) => mapLeaves(r, (v) => (typeof v === "string" ? 7 : typeof v === "number" ? "7" : typeof v === "boolean" ? "yes" : {})));
    expect(evaluateAll(snapshot("azure", wrong))).toEqual([]);
  });
});
