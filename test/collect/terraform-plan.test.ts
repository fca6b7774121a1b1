import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseResources } from "../../src/collect/normalise.js";
import { evaluatePlan, type PlanEvaluation } from "../../src/collect/terraform-plan.js";
import { ErguardError } from "../../src/errors.js";
import type { JsonObject } from "../../src/collect/json-value.js";
import type { Resource } from "../../src/snapshot/types.js";

const root = resolve(import.meta.dirname, "../..");
const shared = resolve(root, "../shared/azure-examples/terraform-plans");

async function read(path: string): Promise<PlanEvaluation> {
  const text = readFileSync(path, "utf8");
  return evaluatePlan(path, text, JSON.parse(text) as unknown, { displayPath: (p) => p.slice(p.lastIndexOf("/") + 1) });
}

async function inline(plan: JsonObject): Promise<PlanEvaluation> {
  const text = JSON.stringify(plan, null, 2);
  return evaluatePlan("/nowhere/plan.json", text, JSON.parse(text) as unknown, { displayPath: (p) => p.slice(p.lastIndexOf("/") + 1) });
}

const change = (address: string, actions: string[], after: JsonObject | null, afterUnknown: JsonObject = {}, extra: JsonObject = {}): JsonObject => {
  const [type, name] = address.replace(/^.*\.(azurerm_[a-z_]+\.[^.]+)$/, "$1").split(".");
  return { address, mode: "managed", type: type ?? "", name: name ?? "", change: { actions, before: null, after, after_unknown: afterUnknown }, ...extra };
};

describe("Terraform plans", () => {
  it("turns after_unknown values into unknown markers, nested ones included", async () => {
    const result = await inline({
      format_version: "1.2",
      resource_changes: [
        change(
          "azurerm_network_security_group.web",
          ["create"],
          { name: "nsg-web", resource_group_name: "rg", location: "West Europe", security_rule: [{ name: "https", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp", source_address_prefixes: [] }] },
          { id: true, security_rule: [{ source_address_prefixes: [true] }] },
        ),
      ],
    });
    const [nsg] = normaliseResources(result.resources);
    expect(nsg?.location).toBe("westeurope");
    expect((nsg?.properties["securityRules"] as JsonObject[])[0]?.["properties"]).toMatchObject({
      sourceAddressPrefixes: [{ $unknown: "azurerm_network_security_group.web.security_rule[0].source_address_prefixes[0]" }],
    });
  });

  it("skips deleted resources, keeps unchanged ones and reads resources only planned_values lists", async () => {
    const after = (name: string): JsonObject => ({ name, resource_group_name: "rg", location: "westeurope", route: [] });
    const result = await inline({
      format_version: "1.2",
      planned_values: {
        root_module: {
          resources: [],
          child_modules: [
            {
              address: "module.extra",
              resources: [{ address: "module.extra.azurerm_route_table.only_planned", mode: "managed", type: "azurerm_route_table", name: "only_planned", values: after("rt-planned") }],
            },
          ],
        },
      },
      resource_changes: [
        change("azurerm_route_table.gone", ["delete"], null),
        change("azurerm_route_table.same", ["no-op"], after("rt-same")),
        change("azurerm_route_table.replaced", ["delete", "create"], after("rt-replaced")),
      ],
    });
    expect(result.resources.map((r) => [r.name, r.origin.address])).toEqual([
      ["rt-same", "azurerm_route_table.same"],
      ["rt-replaced", "azurerm_route_table.replaced"],
      ["rt-planned", "module.extra.azurerm_route_table.only_planned"],
    ]);
  });

  it("counts the resource types it has no mapping for", async () => {
    const result = await inline({
      format_version: "1.2",
      resource_changes: [change("azurerm_storage_account.logs", ["create"], { name: "st" }), change("random_id.x", ["create"], {})],
    });
    expect(result.resources).toEqual([]);
    expect([...result.skippedTypes]).toEqual([
      ["azurerm_storage_account", 1],
      ["random_id", 1],
    ]);
  });

  it("warns when an association's subnet cannot be known from the plan", async () => {
    const result = await inline({
      format_version: "1.2",
      resource_changes: [change("azurerm_subnet_route_table_association.a", ["create"], {}, { subnet_id: true, route_table_id: true, id: true })],
    });
    expect(result.warnings).toEqual(["plan.json: azurerm_subnet_route_table_association.a: the subnet it associates is not known from the plan; the association is not applied"]);
  });

  it("points a resource at its .tf declaration when the configuration is beside the plan, else at its change in the plan", async () => {
    const fixture = join(root, "fixtures/terraform/expressroute/plan.json");
    const beside = await read(fixture);
    expect(beside.resources.find((r) => r.name === "er-contoso-ams")?.origin).toEqual({ file: "main.tf", line: 35, address: "azurerm_express_route_circuit.ams" });

    const alone = join(mkdtempSync(join(tmpdir(), "erguard-plan-")), "plan.json");
    copyFileSync(fixture, alone);
    const copied = await read(alone);
    const origin = copied.resources.find((r) => r.name === "er-contoso-ams")?.origin;
    const lines = readFileSync(alone, "utf8").split("\n");
    const changes = lines.findIndex((l) => l.includes('"resource_changes"'));
    const expectedLine = lines.findIndex((l, i) => i > changes && l.includes('"address": "azurerm_express_route_circuit.ams"'));
    expect(origin).toEqual({ file: "plan.json", line: expectedLine, address: "azurerm_express_route_circuit.ams" });
  });

  it("refuses JSON that is not a plan", async () => {
    const err: unknown = await inline({ format: "nope" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ErguardError);
    expect((err as ErguardError).message).toMatch(/^not a Terraform plan: expected the output of `terraform show -json`/);
  });
});

describe.skipIf(!existsSync(shared))("real plans from public repositories", () => {
  const byName = (resources: readonly Resource[], name: string): Resource | undefined => resources.find((r) => r.name === name);

  it("merges rules declared on their own into their NSG next to inline rules elsewhere (regula, Terraform 0.13)", async () => {
    const resources = normaliseResources((await read(join(shared, "plan-json_tf0.13.5_nsg-inbound-22_regula.json"))).resources);
    expect(resources.map((r) => r.name)).toEqual(["invalidnsg1", "invalidnsg2", "testnsg", "validnsg1"]);
    const rules = byName(resources, "testnsg")?.properties["securityRules"] as JsonObject[];
    expect(rules.map((r) => r["name"])).toEqual(["invalidrule1", "validrule2", "validrule3", "validrule1"]);
    const inlineRule = (byName(resources, "invalidnsg2")?.properties["securityRules"] as JsonObject[])[0];
    expect(inlineRule?.["properties"]).toMatchObject({ destinationPortRange: "22", sourceAddressPrefix: "0.0.0.0/0", access: "Allow", direction: "Inbound" });
  });

  it("reads a subnet's known address_prefix where address_prefixes is unknown (regula, azurerm 2)", async () => {
    const resources = normaliseResources((await read(join(shared, "plan-json_tf0.13.5_vnet-subnet-storage_regula.json"))).resources);
    const subnet = (byName(resources, "virtnetname")?.properties["subnets"] as JsonObject[])[0];
    expect(subnet?.["properties"]).toMatchObject({ addressPrefix: "10.0.2.0/24", serviceEndpoints: [{ service: "Microsoft.Sql" }, { service: "Microsoft.Storage" }] });
  });

  it("applies route table and NSG associations and resolves peerings in a hub-spoke plan (Terraform 1.9, azurerm 3.116)", async () => {
    const result = await read(join(shared, "plan-json_tf1.9.4_azurerm3.116_aks-agic_hub-spoke-udr-nsg.json"));
    const resources = normaliseResources(result.resources);
    const hub = byName(resources, "hubVirtualNetwork");
    const subnets = hub?.properties["subnets"] as JsonObject[];
    const management = subnets.find((s) => s["name"] === "snet-firewall-management")?.["properties"] as JsonObject;
    expect(management["networkSecurityGroup"]).toEqual({ id: expect.stringMatching(/\/networkSecurityGroups\/sg-mgmt$/) as unknown });
    const peering = (hub?.properties["virtualNetworkPeerings"] as JsonObject[])[0];
    expect(peering?.["properties"]).toMatchObject({ remoteVirtualNetwork: { id: expect.stringMatching(/\/virtualNetworks\/aksVirtualNetwork$/) as unknown } });
    expect(result.warnings).toEqual([]);
    expect(result.skippedTypes.get("azurerm_kubernetes_cluster")).toBe(1);
  });
});
