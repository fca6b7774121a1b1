// Evaluates templates written inline in a test, through the real template evaluator.
import { commandLineValues } from "../../src/collect/arm-parameters.js";
import { evaluateTemplate, type TemplateEvaluation } from "../../src/collect/arm-template.js";
import type { JsonObject, JsonValue } from "../../src/collect/json-value.js";

export const TEMPLATE_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

export function template(body: JsonObject): JsonObject {
  return { $schema: TEMPLATE_SCHEMA, contentVersion: "1.0.0.0", ...body };
}

export async function evaluate(t: JsonObject, params: Record<string, string> = {}, path = "/templates/main.json"): Promise<TemplateEvaluation> {
  const text = JSON.stringify(t, null, 2);
  return evaluateTemplate({ path, text, content: JSON.parse(text) as unknown }, commandLineValues(params), {
    displayPath: (p) => p.replace(/^\/templates\//, ""),
  });
}

// The value of one expression, evaluated as a property of a resource.
export async function evaluateExpression(expression: JsonValue, extra: JsonObject = {}): Promise<JsonValue> {
  const result = await evaluate(
    template({
      ...extra,
      resources: [{ type: "Microsoft.Network/routeTables", apiVersion: "2023-09-01", name: "rt", properties: { value: expression } }],
    }),
  );
  return result.resources[0]?.properties["value"] ?? null;
}
