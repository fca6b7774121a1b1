// customers.yaml: which tenants and subscriptions belong to which customer, and the customer's
// ExpressRoute model. It lands in the snapshot's `customers`, where the evaluation finds the
// customer of each resource (by subscription) and the reports group findings by customer.
//
//   customers:
//     - name: contoso
//       tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
//       model: connect-through        # or connect-to
//       subscriptions:
//         - 00000000-0000-0000-0000-000000000001
//
// A subscription belongs to one customer only: a circuit is never shared between customers.

import { readFile } from "node:fs/promises";
import type { Node, Pair } from "yaml";
import { ErguardError } from "../errors.js";
import { yaml } from "../lazy-libraries.js";
import type { ConnectionModel, Customer } from "../snapshot/types.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MODELS: readonly ConnectionModel[] = ["connect-through", "connect-to"];
const CUSTOMER_KEYS = ["name", "tenantId", "model", "subscriptions"];

export async function loadCustomers(file: string): Promise<Customer[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ErguardError("not_found", "customers file not found", { file });
    throw new ErguardError("bad_input", `cannot read the customers file: ${(err as Error).message}`, { file });
  }
  return parseCustomers(text, file);
}

export function parseCustomers(text: string, file: string): Customer[] {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError !== undefined) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    throw new ErguardError("bad_input", `not valid YAML: ${syntaxError.message.split("\n", 1)[0]}`, { file, line });
  }
  const fail = (node: Node | null | undefined, message: string): never => {
    const offset = node?.range?.[0];
    throw new ErguardError(
      "bad_input",
      message,
      offset === undefined ? { file } : { file, line: lineCounter.linePos(offset).line, column: lineCounter.linePos(offset).col },
    );
  };

  const root = doc.contents;
  if (!isMap(root)) return fail(root, "expected a mapping with a `customers:` list");
  for (const pair of root.items) {
    const key = keyName(pair);
    if (key !== "customers") fail(pair.key as Node, `unknown key "${key}" (expected \`customers\`)`);
  }
  const list = root.get("customers", true);
  if (!isSeq(list)) return fail(list ?? root, "`customers` must be a list");

  const customers: Customer[] = [];
  const ownerOfSubscription = new Map<string, string>();
  const names = new Set<string>();
  for (const item of list.items) {
    if (!isMap(item)) return fail(item as Node, "each customer must be a mapping with name, tenantId, model and subscriptions");
    for (const pair of item.items) {
      const key = keyName(pair);
      if (!CUSTOMER_KEYS.includes(key)) fail(pair.key as Node, `unknown key "${key}" (expected one of ${CUSTOMER_KEYS.join(", ")})`);
    }
    const nameNode = item.get("name", true);
    const name = isScalar(nameNode) && typeof nameNode.value === "string" ? nameNode.value.trim() : "";
    if (name === "") return fail(nameNode ?? item, "a customer needs a non-empty `name`");
    if (names.has(name)) fail(nameNode, `customer "${name}" is listed twice`);
    names.add(name);

    const tenantNode = item.get("tenantId", true);
    let tenantId: string | undefined;
    if (tenantNode !== undefined) {
      if (!isScalar(tenantNode) || typeof tenantNode.value !== "string" || !GUID.test(tenantNode.value)) {
        fail(tenantNode, `tenantId of "${name}" must be a GUID`);
      } else tenantId = tenantNode.value.toLowerCase();
    }

    const modelNode = item.get("model", true);
    let model: ConnectionModel | undefined;
    if (modelNode !== undefined) {
      const value = isScalar(modelNode) ? modelNode.value : undefined;
      if (typeof value !== "string" || !(MODELS as readonly string[]).includes(value)) {
        fail(modelNode, `model of "${name}" must be ${MODELS.join(" or ")}`);
      } else model = value as ConnectionModel;
    }

    const subsNode = item.get("subscriptions", true);
    if (!isSeq(subsNode)) return fail(subsNode ?? item, `customer "${name}" needs a \`subscriptions\` list`);
    const subscriptions: string[] = [];
    for (const sub of subsNode.items) {
      if (!isScalar(sub) || typeof sub.value !== "string" || !GUID.test(sub.value)) {
        return fail(sub as Node, `subscriptions of "${name}" must be subscription ids (GUIDs)`);
      }
      const id = sub.value.toLowerCase();
      const owner = ownerOfSubscription.get(id);
      if (owner !== undefined) {
        fail(sub, `subscription ${id} is listed for "${owner}" and "${name}"; a subscription belongs to one customer`);
      }
      ownerOfSubscription.set(id, name);
      subscriptions.push(id);
    }
    customers.push({
      name,
      ...(tenantId === undefined ? {} : { tenantId }),
      subscriptions,
      ...(model === undefined ? {} : { model }),
    });
  }
  return customers;
}

function keyName(pair: Pair): string {
  return yaml().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}
