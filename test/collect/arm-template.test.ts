import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseResources } from "../../src/collect/normalise.js";
import { ErguardError } from "../../src/errors.js";
import { REDACTED } from "../../src/snapshot/types.js";
import { evaluate, template } from "./arm-template-harness.js";
import type { JsonObject } from "../../src/collect/json-value.js";

async function failure(t: JsonObject, params: Record<string, string> = {}): Promise<ErguardError> {
  const err: unknown = await evaluate(t, params).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ErguardError);
  return err as ErguardError;
}

// The 1-based line of the first line of the template's JSON (as the harness prints it) that contains `text`.
function lineOf(t: JsonObject, text: string, after = 0): number {
  const lines = JSON.stringify(t, null, 2).split("\n");
  return lines.findIndex((l, i) => i >= after && l.includes(text)) + 1;
}

const nsg = (name: string, extra: JsonObject = {}): JsonObject => ({
  type: "Microsoft.Network/networkSecurityGroups",
  apiVersion: "2023-09-01",
  name,
  location: "westeurope",
  properties: {},
  ...extra,
});

describe("copy loops", () => {
  it("repeats a resource with copyIndex, its offset and the loop's name", async () => {
    const result = await evaluate(
      template({
        resources: [
          nsg("[format('nsg-{0}', copyIndex(1))]", {
            copy: { name: "nsgLoop", count: 3 },
            properties: { securityRules: [], flowIndex: "[copyIndex('nsgLoop')]" },
          }),
        ],
      }),
    );
    expect(result.resources.map((r) => [r.name, r.properties["flowIndex"]])).toEqual([
      ["nsg-1", 0],
      ["nsg-2", 1],
      ["nsg-3", 2],
    ]);
  });

  it("builds a property array with a property copy loop", async () => {
    const result = await evaluate(
      template({
        variables: { prefixes: ["10.0.0.0/24", "10.0.1.0/24"] },
        resources: [
          {
            type: "Microsoft.Network/routeTables",
            apiVersion: "2023-09-01",
            name: "rt",
            properties: {
              copy: [
                {
                  name: "routes",
                  count: "[length(variables('prefixes'))]",
                  input: { name: "[format('r{0}', copyIndex('routes'))]", properties: { addressPrefix: "[variables('prefixes')[copyIndex('routes')]]", nextHopType: "VnetLocal" } },
                },
              ],
            },
          },
        ],
      }),
    );
    expect(result.resources[0]?.properties["routes"]).toEqual([
      { name: "r0", properties: { addressPrefix: "10.0.0.0/24", nextHopType: "VnetLocal" } },
      { name: "r1", properties: { addressPrefix: "10.0.1.0/24", nextHopType: "VnetLocal" } },
    ]);
  });

  it("rejects a copy loop over a non-array with the line of its count and what was expected", async () => {
    const t = template({
      parameters: { subnets: { type: "array", defaultValue: ["a", "b"] } },
      resources: [nsg("[format('nsg-{0}', copyIndex())]", { copy: { name: "nsgLoop", count: "[parameters('subnets')]" } })],
    });
    const err = await failure(t);
    expect(err.message).toBe('copy loop "nsgLoop": count must be a non-negative integer, found array (an array: use "[length(…)]" to loop over it)');
    expect(err.location).toEqual({ file: "main.json", line: lineOf(t, '"count"') });
  });

  it("rejects indexing a string as if it were the array a loop walks", async () => {
    const t = template({
      parameters: { subnets: { type: "string", defaultValue: "10.0.0.0/24" } },
      resources: [nsg("[parameters('subnets')[copyIndex()]]", { copy: { name: "nsgLoop", count: 1 } })],
    });
    expect((await failure(t)).message).toBe(`cannot index a string in "parameters('subnets')[copyIndex()]": expected an array or an object`);
  });

  it("refuses more iterations than Resource Manager allows instead of running away", async () => {
    const err = await failure(template({ resources: [nsg("[format('n{0}', copyIndex())]", { copy: { name: "big", count: 100000 } })] }));
    expect(err.message).toBe(`copy loop "big": count 100000 exceeds Resource Manager's limit of 800`);
  });

  it("says copyIndex() outside a loop is an error", async () => {
    expect((await failure(template({ resources: [nsg("[format('n{0}', copyIndex())]")] }))).message).toBe("copyIndex() is used outside a copy loop");
  });
});

describe("conditions", () => {
  it("drops a resource whose condition is false and keeps one whose condition is true", async () => {
    const result = await evaluate(
      template({
        parameters: { deployFirewall: { type: "bool", defaultValue: false } },
        resources: [nsg("skipped", { condition: "[parameters('deployFirewall')]" }), nsg("kept", { condition: "[not(parameters('deployFirewall'))]" })],
      }),
    );
    expect(result.resources.map((r) => r.name)).toEqual(["kept"]);
  });

  it("keeps a resource whose condition is unknown before deployment, and says so", async () => {
    const result = await evaluate(template({ resources: [nsg("maybe", { condition: "[reference('other').enabled]" })] }));
    expect(result.resources.map((r) => r.name)).toEqual(["maybe"]);
    expect(result.warnings[0]).toMatch(/^main\.json:\d+: condition reference\('other'\)\.enabled is unknown before deployment; the resource is kept$/);
  });
});

describe("parameters", () => {
  const withAsn = (extra: JsonObject = {}): JsonObject =>
    template({
      parameters: { asn: { type: "int", ...extra } },
      resources: [{ type: "Microsoft.Network/expressRouteCircuits/peerings", apiVersion: "2023-09-01", name: "er/AzurePrivatePeering", properties: { peerASN: "[parameters('asn')]" } }],
    });

  it("names a missing parameter, its line and how to give it", async () => {
    const t = withAsn();
    const err = await failure(t);
    expect(err.message).toBe('parameter "asn" has no value and no default: expected --parameters FILE or --param asn=…');
    expect(err.location).toEqual({ file: "main.json", line: lineOf(t, '"asn": {') });
  });

  it("converts --param text to the declared type", async () => {
    const result = await evaluate(withAsn(), { asn: "65010" });
    expect(result.resources[0]?.properties["peerASN"]).toBe(65010);
  });

  it("rejects --param text that is not of the declared type", async () => {
    expect((await failure(withAsn(), { asn: "sixty" })).message).toBe("--param asn=sixty: expected an integer");
  });

  it("enforces allowedValues", async () => {
    expect((await failure(withAsn({ allowedValues: [65010, 65020] }), { asn: "1" })).message).toBe(
      'parameter "asn" (from --param): 1 is not one of the allowed values 65010, 65020',
    );
  });

  it("never reads a secure parameter: set ones are <redacted>, empty ones stay empty", async () => {
    const result = await evaluate(
      template({
        parameters: { key: { type: "securestring" }, none: { type: "securestring", defaultValue: "" } },
        resources: [{ type: "Microsoft.Network/connections", apiVersion: "2023-09-01", name: "c", location: "westeurope", properties: { sharedKey: "[parameters('key')]", authorizationKey: "[parameters('none')]" } }],
      }),
      { key: "s3cr3t" },
    );
    expect(result.resources[0]?.properties).toEqual({ sharedKey: REDACTED, authorizationKey: "" });
    expect(JSON.stringify(result)).not.toContain("s3cr3t");
  });

  it("stops on a variable that refers to itself instead of looping", async () => {
    const err = await failure(template({ variables: { a: "[variables('b')]", b: "[variables('a')]" }, resources: [nsg("[variables('a')]")] }));
    expect(err.message).toMatch(/variable "(a|b)" refers to itself/);
  });
});

describe("resources and their children", () => {
  it("merges children nested in `resources` and declared on their own into the parent's arrays", async () => {
    const result = await evaluate(
      template({
        resources: [
          {
            type: "Microsoft.Network/virtualNetworks",
            apiVersion: "2023-09-01",
            name: "vnet",
            location: "westeurope",
            properties: { addressSpace: { addressPrefixes: ["10.0.0.0/16"] }, subnets: [{ name: "inline", properties: { addressPrefix: "10.0.0.0/24" } }] },
            resources: [{ type: "subnets", apiVersion: "2023-09-01", name: "nested", properties: { addressPrefix: "10.0.1.0/24" } }],
          },
          { type: "Microsoft.Network/virtualNetworks/subnets", apiVersion: "2023-09-01", name: "vnet/GatewaySubnet", properties: { addressPrefix: "10.0.255.0/27" } },
        ],
      }),
    );
    const [vnet, ...others] = normaliseResources(result.resources);
    expect(others).toEqual([]);
    const subnets = vnet?.properties["subnets"] as { name: string; id: string }[];
    expect(subnets.map((s) => s.name)).toEqual(["inline", "nested", "GatewaySubnet"]);
    expect(subnets[1]?.id).toBe(`${vnet?.id}/subnets/nested`);
  });

  it("keeps a child whose parent is not in the input as a resource of its own", async () => {
    const result = await evaluate(template({ resources: [{ type: "Microsoft.Network/routeTables/routes", apiVersion: "2023-09-01", name: "rt-existing/default", properties: { nextHopType: "None" } }] }));
    const [route] = normaliseResources(result.resources);
    expect(route).toMatchObject({ name: "default", type: "microsoft.network/routetables/routes" });
  });

  it("rejects a name whose segments do not match its type", async () => {
    const t = template({ resources: [{ type: "Microsoft.Network/virtualNetworks/subnets", apiVersion: "2023-09-01", name: "only-one", properties: {} }] });
    const err = await failure(t);
    expect(err.message).toBe('the resource name "only-one" has 1 segment but its type Microsoft.Network/virtualNetworks/subnets needs 2');
    expect(err.location?.line).toBe(lineOf(t, '"name": "only-one"'));
  });

  it("records the line of each declaration", async () => {
    const t = template({ resources: [nsg("first"), nsg("second")] });
    const result = await evaluate(t);
    const second = lineOf(t, '"name": "second"') - 3; // the object opens three lines above its name
    expect(result.resources.map((r) => r.origin)).toEqual([
      { file: "main.json", line: lineOf(t, '"name": "first"') - 3 },
      { file: "main.json", line: second },
    ]);
  });

  it("reads languageVersion 2.0: symbolic names, existing references, loops", async () => {
    const result = await evaluate(
      template({
        languageVersion: "2.0",
        resources: {
          circuit: { existing: true, type: "Microsoft.Network/expressRouteCircuits", apiVersion: "2023-09-01", name: "er-existing" },
          nsgs: { copy: { name: "nsgs", count: 2 }, ...nsg("[format('nsg-{0}', copyIndex())]") },
          connection: {
            type: "Microsoft.Network/connections",
            apiVersion: "2023-09-01",
            name: "conn",
            location: "westeurope",
            properties: { peer: { id: "[resourceInfo('circuit').id]" } },
          },
        },
      }),
    );
    expect(result.resources.map((r) => r.origin.address)).toEqual(["nsgs[0]", "nsgs[1]", "connection"]);
    expect(result.resources[2]?.properties["peer"]).toEqual({ id: expect.stringMatching(/\/providers\/Microsoft\.Network\/expressRouteCircuits\/er-existing$/) as unknown });
  });
});

describe("nested deployments", () => {
  it("evaluates an inner-scope template with its own parameters and an outer-scope one with the parent's", async () => {
    const inner = template({
      parameters: { name: { type: "string" } },
      variables: { tag: "inner" },
      resources: [nsg("[parameters('name')]", { tags: { scope: "[variables('tag')]" } })],
    });
    const result = await evaluate(
      template({
        parameters: { prefix: { type: "string", defaultValue: "lz" } },
        variables: { tag: "outer" },
        resources: [
          {
            type: "Microsoft.Resources/deployments",
            apiVersion: "2022-09-01",
            name: "inner",
            properties: { mode: "Incremental", expressionEvaluationOptions: { scope: "inner" }, parameters: { name: { value: "[concat(parameters('prefix'), '-a')]" } }, template: inner },
          },
          {
            type: "Microsoft.Resources/deployments",
            apiVersion: "2022-09-01",
            name: "outer",
            resourceGroup: "rg-other",
            properties: { mode: "Incremental", template: template({ resources: [nsg("[concat(parameters('prefix'), '-b')]", { tags: { scope: "[variables('tag')]" } })] }) },
          },
        ],
      }),
    );
    expect(result.resources.map((r) => [r.name, r.resourceGroup, r.fields["tags"]])).toEqual([
      ["lz-a", "resource-group", { scope: "inner" }],
      ["lz-b", "rg-other", { scope: "outer" }],
    ]);
  });

  it("reads a linked template from a relative path and reports one on a URL as not scanned", async () => {
    const dir = mkdtempSync(join(tmpdir(), "erguard-linked-"));
    writeFileSync(join(dir, "child.json"), JSON.stringify(template({ parameters: { n: { type: "string" } }, resources: [nsg("[parameters('n')]")] })));
    const link = (name: string, templateLink: JsonObject, parameters: JsonObject = {}): JsonObject => ({
      type: "Microsoft.Resources/deployments",
      apiVersion: "2022-09-01",
      name,
      properties: { mode: "Incremental", templateLink, parameters },
    });
    const result = await evaluate(
      template({
        resources: [
          link("local", { relativePath: "child.json" }, { n: { value: "from-child" } }),
          link("remote", { uri: "https://example.com/t.json" }),
          link("missing", { relativePath: "nowhere.json" }),
        ],
      }),
      {},
      join(dir, "main.json"),
    );
    expect(result.resources.map((r) => [r.name, r.origin.file.endsWith("child.json")])).toEqual([["from-child", true]]);
    expect(result.problems.map((p) => [p.code, p.message.replace(/^.*main\.json:\d+: /, "")])).toEqual([
      ["not_scanned", 'linked template "https://example.com/t.json" of deployment "remote" is not on the local file system and was not scanned'],
      ["not_found", 'linked template nowhere.json of deployment "missing": no such file or directory'],
    ]);
  });
});
