// Finding one's way in the `configuration` of a Terraform plan: the module a resource instance
// belongs to ("module.hub.module.spokes[\"a\"]"), the expressions of its resource block, the
// expressions its module call passes to the module's variables, and the module sources.

import { isObject, type JsonObject, type JsonValue } from "./json-value.js";

export function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return isObject(value ?? null) ? (value as JsonObject) : undefined;
}

// The module calls from the root module down to a module instance (instance keys dropped).
export function moduleCallChain(configuration: JsonObject | undefined, moduleAddress: string | undefined): JsonObject[] | undefined {
  let module = asObject(configuration?.["root_module"]);
  const chain: JsonObject[] = [];
  for (const name of callNames(moduleAddress)) {
    const call = asObject(asObject(module?.["module_calls"])?.[name]);
    if (call === undefined) return undefined;
    chain.push(call);
    module = asObject(call["module"]);
  }
  return chain;
}

function moduleConfig(configuration: JsonObject | undefined, moduleAddress: string | undefined): JsonObject | undefined {
  if (moduleAddress === undefined) return asObject(configuration?.["root_module"]);
  const chain = moduleCallChain(configuration, moduleAddress);
  return asObject(chain?.[chain.length - 1]?.["module"]);
}

// The expressions of the block `resource "type" "name"` (address "type.name") of a module.
export function configExpressions(configuration: JsonObject | undefined, moduleAddress: string | undefined, address: string): JsonObject {
  const resources = moduleConfig(configuration, moduleAddress)?.["resources"];
  const block = Array.isArray(resources) ? resources.find((r) => isObject(r) && r["address"] === address) : undefined;
  return asObject(asObject(block)?.["expressions"]) ?? {};
}

// The expressions a module call passes to the module's variables.
export function moduleCallExpressions(configuration: JsonObject | undefined, moduleAddress: string): JsonObject {
  const chain = moduleCallChain(configuration, moduleAddress);
  return asObject(chain?.[chain.length - 1]?.["expressions"]) ?? {};
}

export function parentModule(moduleAddress: string): string | undefined {
  return /^(.*)\.module\.[^.]+(?:\[[^\]]*\])?$/.exec(moduleAddress)?.[1];
}

function callNames(moduleAddress: string | undefined): string[] {
  return (moduleAddress ?? "")
    .split(/\.?module\./)
    .filter((p) => p !== "")
    .map((p) => p.replace(/\[.*\]$/, ""));
}
