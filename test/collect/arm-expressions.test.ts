import { describe, expect, it } from "vitest";
import { armGuid, uniqueString } from "../../src/collect/arm-hashes.js";
import { PLACEHOLDER_TARGET } from "../../src/collect/deployment-target.js";
import { ErguardError } from "../../src/errors.js";
import { evaluateExpression } from "./arm-template-harness.js";

const SUB = PLACEHOLDER_TARGET.subscriptionId;
const RG = PLACEHOLDER_TARGET.resourceGroup ?? "";

describe("template functions", () => {
  const cases: [string, unknown][] = [
    // strings
    ["[concat('er-', 'ams', '-', 1)]", "er-ams-1"],
    ["[concat(createArray(1, 2), createArray(3))]", [1, 2, 3]],
    ["[format('{0}/{1}-{2:D3}', 'vnet', 'subnet', 7)]", "vnet/subnet-007"],
    ["[format('{{literal}} {0}', 'x')]", "{literal} x"],
    ["[toLower('GatewaySubnet')]", "gatewaysubnet"],
    ["[toUpper('er')]", "ER"],
    ["[replace('10.0.0.0/16', '/16', '/24')]", "10.0.0.0/24"],
    ["[split('a,b;c', createArray(',', ';'))]", ["a", "b", "c"]],
    ["[substring('expressroute', 7, 5)]", "route"],
    ["[trim('  peering  ')]", "peering"],
    ["[padLeft('7', 3, '0')]", "007"],
    ["[startsWith('GatewaySubnet', 'gateway')]", true],
    ["[endsWith('AzureFirewallSubnet', 'SUBNET')]", true],
    ["[contains('MicrosoftPeering', 'peering')]", true],
    ["[contains(createArray('a', 'b'), 'c')]", false],
    ["[contains(createObject('Key', 1), 'key')]", true],
    ["[empty('')]", true],
    ["[empty(createArray())]", true],
    ["[length(createObject('a', 1, 'b', 2))]", 2],
    ["[first('abc')]", "a"],
    ["[last(createArray(1, 2, 3))]", 3],
    ["[take(createArray(1, 2, 3), 2)]", [1, 2]],
    ["[skip('vnet-hub', 5)]", "hub"],
    ["[indexOf('AzurePrivatePeering', 'private')]", 5],
    ["[lastIndexOf(createArray(1, 2, 1), 1)]", 2],
    ["[string(true)]", "True"],
    ["[string(createObject('a', createArray(1)))]", '{"a":[1]}'],
    ["[join(createArray('10.0.0.0/24', '10.0.1.0/24'), ',')]", "10.0.0.0/24,10.0.1.0/24"],
    ["[base64ToString(base64('er'))]", "er"],
    ["[dataUriToString(dataUri('hello'))]", "hello"],
    ["[uri('https://example.com/templates/', 'spoke.json')]", "https://example.com/templates/spoke.json"],
    ["[uriComponentToString(uriComponent('a b'))]", "a b"],
    ["['it''s']", "it's"],
    // logical and comparison
    ["[if(equals(1, 1), 'yes', 'no')]", "yes"],
    ["[if(true(), 'taken', createArray()[5])]", "taken"],
    ["[and(true, not(false))]", true],
    ["[or(false, false)]", false],
    ["[greater(5, 3)]", true],
    ["[less('a', 'b')]", true],
    ["[greaterOrEquals(3, 3)]", true],
    ["[lessOrEquals(4, 3)]", false],
    ["[coalesce(null(), null(), 'fallback')]", "fallback"],
    ["[bool('True')]", true],
    // numbers
    ["[add(1, 2)]", 3],
    ["[sub(10, 4)]", 6],
    ["[mul(3, 4)]", 12],
    ["[div(7, 2)]", 3],
    ["[mod(7, 3)]", 1],
    ["[int('42')]", 42],
    ["[min(3, 1, 2)]", 1],
    ["[max(createArray(3, 9, 2))]", 9],
    ["[range(5, 3)]", [5, 6, 7]],
    // arrays and objects
    ["[array('one')]", ["one"]],
    ["[union(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2), 'b', 3))]", { a: { x: 1, y: 2 }, b: 3 }],
    ["[union(createArray(1, 2), createArray(2, 3))]", [1, 2, 3]],
    ["[intersection(createArray(1, 2, 3), createArray(2, 3, 4))]", [2, 3]],
    ["[json('{\"asn\": 65010}').asn]", 65010],
    ["[items(createObject('b', 2, 'a', 1))]", [{ key: "a", value: 1 }, { key: "b", value: 2 }]],
    ["[createArray('x', 'y')[1]]", "y"],
    ["[createObject('peering', createObject('vlan', 100)).peering.vlan]", 100],
    ["[createObject('k', 'v')['k']]", "v"],
    ["[tryGet(createObject('a', 1), 'b')]", null],
    ["[flatten(createArray(createArray(1), createArray(2, 3)))]", [1, 2, 3]],
    // lambdas
    ["[filter(createArray(1, 2, 3, 4), lambda('n', equals(mod(lambdaVariables('n'), 2), 0)))]", [2, 4]],
    ["[map(createArray('a', 'b'), lambda('s', toUpper(lambdaVariables('s'))))]", ["A", "B"]],
    ["[reduce(createArray(1, 2, 3), 10, lambda('acc', 'n', add(lambdaVariables('acc'), lambdaVariables('n'))))]", 16],
    ["[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]", [1, 2, 3]],
    ["[toObject(createArray('hub', 'spoke'), lambda('n', lambdaVariables('n')), lambda('n', length(lambdaVariables('n'))))]", { hub: 3, spoke: 5 }],
    // network
    ["[cidrSubnet('10.0.0.0/16', 24, 3)]", "10.0.3.0/24"],
    ["[cidrHost('10.144.3.0/24', 0)]", "10.144.3.1"],
    [
      "[parseCidr('10.144.0.0/20')]",
      { network: "10.144.0.0", netmask: "255.255.240.0", broadcast: "10.144.15.255", firstUsable: "10.144.0.1", lastUsable: "10.144.15.254", cidr: 20 },
    ],
    // deployment
    ["[resourceGroup().id]", `/subscriptions/${SUB}/resourceGroups/${RG}`],
    ["[subscription().subscriptionId]", SUB],
    [
      "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'GatewaySubnet')]",
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/GatewaySubnet`,
    ],
    [
      "[resourceId('rg-er', 'Microsoft.Network/expressRouteCircuits', 'er-1')]",
      `/subscriptions/${SUB}/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-1`,
    ],
    [
      "[resourceId('11111111-2222-3333-4444-555555555555', 'rg-er', 'Microsoft.Network/expressRouteCircuits', 'er-1')]",
      "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/er-1",
    ],
    ["[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg')]", `/subscriptions/${SUB}/providers/Microsoft.Resources/resourceGroups/rg`],
    ["[tenantResourceId('Microsoft.Management/managementGroups', 'mg')]", "/providers/Microsoft.Management/managementGroups/mg"],
    [
      "[extensionResourceId(resourceId('Microsoft.Network/expressRouteCircuits', 'er'), 'Microsoft.Authorization/locks', 'no-delete')]",
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/expressRouteCircuits/er/providers/Microsoft.Authorization/locks/no-delete`,
    ],
    ["[environment().suffixes.storage]", "core.windows.net"],
  ];
  for (const [expression, expected] of cases) {
    it(`evaluates ${expression}`, async () => {
      expect(await evaluateExpression(expression)).toEqual(expected);
    });
  }

  it("keeps a string that starts with [[ as a literal without its first bracket", async () => {
    expect(await evaluateExpression("[[not an expression]")).toBe("[not an expression]");
  });

  it("reads parameters, variables and copy variables", async () => {
    const value = await evaluateExpression("[concat(parameters('prefix'), variables('names')[1], variables('suffix'))]", {
      parameters: { prefix: { type: "string", defaultValue: "er-" } },
      variables: { suffix: "[toUpper('-x')]", copy: [{ name: "names", count: 2, input: "[format('n{0}', copyIndex('names'))]" }] },
    });
    expect(value).toBe("er-n1-X");
  });

  it("calls user-defined functions with their own parameters", async () => {
    const value = await evaluateExpression("[contoso.peeringId('er-1', 'AzurePrivatePeering')]", {
      functions: [
        {
          namespace: "contoso",
          members: {
            peeringId: {
              parameters: [
                { name: "circuit", type: "string" },
                { name: "peering", type: "string" },
              ],
              output: { type: "string", value: "[format('{0}/{1}', parameters('circuit'), parameters('peering'))]" },
            },
          },
        },
      ],
    });
    expect(value).toBe("er-1/AzurePrivatePeering");
  });
});

describe("values unknown before deployment", () => {
  const cases: [string, unknown][] = [
    ["[reference('pip').ipAddress]", { $unknown: "reference('pip').ipAddress" }],
    ["[concat('ip: ', reference('pip').ipAddress)]", { $unknown: "concat('ip: ', reference('pip').ipAddress)" }],
    ["[listKeys('st', '2023-01-01').keys[0].value]", { $unknown: "listKeys('st', '2023-01-01').keys[0].value" }],
    ["[newGuid()]", { $unknown: "newGuid()" }],
    ["[if(reference('x').enabled, 'a', 'b')]", { $unknown: "if(reference('x').enabled, 'a', 'b')" }],
    ["[coalesce(null(), reference('x').id, 'c')]", { $unknown: "coalesce(null(), reference('x').id, 'c')" }],
    ["[and(false, reference('x').enabled)]", false],
    ["[or(true, reference('x').enabled)]", true],
    ["[createArray('known', reference('x').id)]", ["known", { $unknown: "reference('x').id" }]],
    ["[deployment().properties.templateLink.uri]", { $unknown: "deployment().properties.templateLink.uri" }],
  ];
  for (const [expression, expected] of cases) {
    it(`marks ${expression}`, async () => {
      expect(await evaluateExpression(expression)).toEqual(expected);
    });
  }
});

describe("expression errors", () => {
  async function failure(expression: string): Promise<ErguardError> {
    const err: unknown = await evaluateExpression(expression).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ErguardError);
    return err as ErguardError;
  }

  it("names an unknown function, the file and the line", async () => {
    const err = await failure("[concat('a', frobnicate('b'))]");
    expect(err.code).toBe("bad_input");
    expect(err.message).toBe('unknown template function "frobnicate" in "frobnicate(\'b\')"');
    expect(err.location).toEqual({ file: "main.json", line: 10 });
  });

  it("says how many arguments a function takes", async () => {
    expect((await failure("[substring('abc')]")).message).toBe("substring() takes 2 to 3 arguments, found 1 in \"substring('abc')\"");
  });

  it("says which argument has the wrong type", async () => {
    expect((await failure("[toLower(5)]")).message).toBe('toLower(): argument 1 must be a string, found int in "toLower(5)"');
  });

  it("reports where an expression stops parsing", async () => {
    expect((await failure("[concat('a', ]")).message).toBe("invalid expression \"[concat('a', ]\" at character 14: expected a value before the end");
    expect((await failure("[concat('a' 'b')]")).message).toBe("invalid expression \"[concat('a' 'b')]\" at character 13: expected \")\"");
  });

  it("refuses to index what is not an array", async () => {
    expect((await failure("[createObject('a', 1)[0]]")).message).toMatch(/an object is indexed by a string, found int/);
  });
});

describe("deterministic hashes", () => {
  it("computes uniqueString as Resource Manager does", () => {
    expect(uniqueString(["test"])).toBe("rbgf3xv4ufgzg");
    expect(uniqueString(["hello", "world"])).toBe("a7wkljktk6wne");
    expect(uniqueString(["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg"])).toBe("bmg7c6xu4tw46");
  });

  it("computes guid as a version 5 UUID that depends on every argument", () => {
    const a = armGuid(["sub", "rg"]);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(armGuid(["sub", "rg"])).toBe(a);
    expect(armGuid(["sub", "rg2"])).not.toBe(a);
  });
});
