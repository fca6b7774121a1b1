import { describe, expect, it } from "vitest";
import { ErguardError } from "../errors.js";
import { parseCustomers } from "./customers.js";

const A = "00000000-0000-0000-0000-00000000000a";
const B = "00000000-0000-0000-0000-00000000000B";

function failure(text: string): { message: string; line: number | undefined } {
  try {
    parseCustomers(text, "customers.yaml");
  } catch (err) {
    if (err instanceof ErguardError) return { message: err.message, line: err.location?.line };
    throw err;
  }
  throw new Error("expected an error");
}

describe("customers.yaml", () => {
  it("maps customers to their tenant, subscriptions (lower case) and model", () => {
    const text = [
      "customers:",
      "  - name: contoso",
      "    tenantId: 72F988BF-86F1-41AF-91AB-2D7CD011DB47",
      "    model: connect-through",
      `    subscriptions: [${A}, ${B}]`,
      "  - name: fabrikam",
      "    subscriptions: []",
    ].join("\n");
    expect(parseCustomers(text, "customers.yaml")).toEqual([
      {
        name: "contoso",
        tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
        subscriptions: [A, B.toLowerCase()],
        model: "connect-through",
      },
      { name: "fabrikam", subscriptions: [] },
    ]);
  });

  it("names the line of an unknown model", () => {
    const text = ["customers:", "  - name: contoso", "    model: connect-via", `    subscriptions: [${A}]`].join("\n");
    expect(failure(text)).toEqual({ message: 'model of "contoso" must be connect-through or connect-to', line: 3 });
  });

  it("refuses a subscription listed for two customers, on the line of the second", () => {
    const text = [
      "customers:",
      "  - name: contoso",
      `    subscriptions: [${A}]`,
      "  - name: fabrikam",
      "    subscriptions:",
      `      - ${A.toUpperCase()}`,
    ].join("\n");
    expect(failure(text)).toEqual({
      message: `subscription ${A} is listed for "contoso" and "fabrikam"; a subscription belongs to one customer`,
      line: 6,
    });
  });

  it("refuses what is not a subscription id, a missing name, a duplicate name and unknown keys", () => {
    expect(failure(["customers:", "  - name: contoso", "    subscriptions: [prod]"].join("\n"))).toEqual({
      message: 'subscriptions of "contoso" must be subscription ids (GUIDs)',
      line: 3,
    });
    expect(failure(["customers:", "  - subscriptions: []"].join("\n")).message).toBe("a customer needs a non-empty `name`");
    expect(failure(["customers:", "  - name: a", "    subscriptions: []", "  - name: a", "    subscriptions: []"].join("\n"))).toEqual({
      message: 'customer "a" is listed twice',
      line: 4,
    });
    expect(failure(["customers:", "  - name: a", "    subscription: []"].join("\n"))).toEqual({
      message: 'unknown key "subscription" (expected one of name, tenantId, model, subscriptions)',
      line: 3,
    });
    expect(failure("tenants: []")).toEqual({ message: 'unknown key "tenants" (expected `customers`)', line: 1 });
  });

  it("reports YAML syntax errors with their line", () => {
    expect(failure(["customers:", "  - name: [contoso", "    model: connect-to"].join("\n")).line).toBeGreaterThanOrEqual(2);
  });
});
