// Signing in with @azure/identity's own credentials (a service principal against the fake
// Entra ID token endpoint, the Azure CLI through a fake `az` on PATH), and the command itself:
// exit codes, the snapshot file, Ctrl-C.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerCollect } from "../../src/cli/collect.js";
import { exitCodeFor, formatError } from "../../src/cli/errors.js";
import { ErguardError } from "../../src/errors.js";
import { validateSnapshot } from "../../src/snapshot/validate.js";
import { makeEstate } from "./azure-estate.ts";
import { collect, fakeAzure } from "./azure-harness.js";
import type { FakeAzure } from "./fake-azure.ts";

let azure: FakeAzure | undefined;
let dir: string;
const savedPath = process.env["PATH"];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "erguard-collect-"));
});
afterEach(async () => {
  await azure?.close();
  azure = undefined;
  process.env["PATH"] = savedPath;
  rmSync(dir, { recursive: true, force: true });
});

// A stand-in for the Azure CLI: answers `az account get-access-token` with the token the fake
// Azure accepts, and writes down how it was called.
function fakeAzCli(token: string): string {
  const bin = join(dir, "bin");
  const calls = join(dir, "az-calls.txt");
  const script = join(bin, "az");
  const answer = JSON.stringify({
    accessToken: token,
    expiresOn: "2099-01-01 00:00:00.000000",
    expires_on: 4070908800,
    subscription: "00000000-0000-0000-0000-000000000000",
    tenant: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    tokenType: "Bearer",
  });
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(dir, "answer.json"), answer);
  writeFileSync(script, `#!/bin/sh\necho "$@" >> '${calls}'\ncat '${join(dir, "answer.json")}'\n`);
  chmodSync(script, 0o755);
  process.env["PATH"] = `${bin}:${savedPath ?? ""}`;
  return calls;
}

// Sets (or, with undefined, removes) environment variables; returns what puts them back.
function setEnv(values: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>): void => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    }
  };
  apply(values);
  return () => apply(saved);
}

// Runs `erguard collect …` through the real command line parser, as src/cli/main.ts does.
async function erguard(args: string[]): Promise<{ code: number; message: string }> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerCollect(program);
  try {
    await program.parseAsync(["node", "erguard", ...args]);
    return { code: 0, message: "" };
  } catch (err) {
    return { code: exitCodeFor(err), message: formatError(err) };
  }
}

describe("signing in", () => {
  it("uses the Azure CLI's login with --auth cli, asking for Resource Manager's audience", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 1 }) });
    const calls = fakeAzCli(azure.cliToken);
    const { snapshot } = await collect(azure, { auth: "cli", tenant: azure.tenantId });

    expect(snapshot.source.errors).toEqual([]);
    expect(azure.stats.tokenRequests).toBe(0);
    expect(new Set(azure.requests.filter((r) => r.route !== "token").map((r) => r.token))).toEqual(new Set([azure.cliToken]));
    const call = readFileSync(calls, "utf8").split("\n")[0];
    expect(call).toContain("account get-access-token");
    expect(call).toMatch(/--resource https:\/\/management\.core\.windows\.net\/? /);
    expect(call).toContain(`--tenant ${azure.tenantId}`);
  });

  it("asks the Azure CLI for the audience of the cloud given with --cloud", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 1 }) });
    const calls = fakeAzCli(azure.cliToken);
    await collect(azure, { auth: "cli", cloud: "AzureChinaCloud" });

    expect(readFileSync(calls, "utf8")).toMatch(/--resource https:\/\/management\.core\.chinacloudapi\.cn\/?\n/);
  });

  it("signs in as the service principal of AZURE_CLIENT_ID/AZURE_CLIENT_SECRET at AZURE_AUTHORITY_HOST, by default too", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 1 }) });
    const { snapshot } = await collect(azure, { auth: "default" });

    expect(snapshot.source.errors).toEqual([]);
    expect(azure.stats.tokenRequests).toBeGreaterThan(0);
    expect(azure.requests.filter((r) => r.route === "graph").every((r) => r.token?.startsWith("token-"))).toBe(true);
  });

  it("signs in as a managed identity with --auth managed-identity (App Service's identity endpoint)", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 1 }) });
    const restore = setEnv({ IDENTITY_ENDPOINT: `${azure.url}/msi/token`, IDENTITY_HEADER: azure.identityHeader, AZURE_CLIENT_ID: undefined });
    try {
      const { snapshot } = await collect(azure, { auth: "managed-identity" });
      expect(snapshot.source.errors).toEqual([]);
      expect(azure.requests.some((r) => r.path === "/msi/token")).toBe(true);
      expect(azure.requests.filter((r) => r.route === "graph").every((r) => r.token?.startsWith("token-"))).toBe(true);
    } finally {
      restore();
    }
  });

  it("signs in with a federated token with --auth workload-identity", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 1 }) });
    const tokenFile = join(dir, "federated-token");
    writeFileSync(tokenFile, azure.federatedToken);
    const restore = setEnv({ AZURE_FEDERATED_TOKEN_FILE: tokenFile, AZURE_CLIENT_SECRET: undefined });
    try {
      const { snapshot } = await collect(azure, { auth: "workload-identity" });
      expect(snapshot.source.errors).toEqual([]);
      expect(azure.stats.tokenRequests).toBeGreaterThan(0);
    } finally {
      restore();
    }
  });

  it("reports a wrong client secret as a failure to sign in, before any query", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 1 }) });
    process.env["AZURE_CLIENT_SECRET"] = "wrong";
    const failure = await collect(azure).catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(ErguardError);
    expect((failure as ErguardError).code).toBe("collection_failed");
    expect((failure as ErguardError).message).toMatch(/^could not get a token with --auth env: .*AADSTS7000215/s);
    expect(azure.stats.graphRequests).toBe(0);
  });
});

describe("erguard collect --source azure", () => {
  it("writes a valid snapshot and exits 0", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 2 }) });
    const out = join(dir, "snapshot.json");
    const result = await erguard(["collect", "--source", "azure", "--auth", "env", "--arm-endpoint", azure.url, "--quiet", "-o", out]);

    expect(result).toEqual({ code: 0, message: "" });
    const text = readFileSync(out, "utf8");
    const snapshot = validateSnapshot(JSON.parse(text), out, text);
    expect(snapshot.source.kind).toBe("azure");
    expect(snapshot.resources.filter((r) => r.type === "microsoft.network/expressroutecircuits")).toHaveLength(2);
  });

  it("exits 2 when a subscription could not be collected, unless --allow-partial, writing the snapshot with its errors", async () => {
    const served = makeEstate({ subscriptions: 3 });
    const denied = served.subscriptions[0]?.subscriptionId as string;
    azure = await fakeAzure({ estate: served, forbiddenSubscriptions: [denied] });
    const out = join(dir, "partial.json");
    const args = ["collect", "--source", "azure", "--auth", "env", "--arm-endpoint", azure.url, "--quiet", "-o", out];

    const strict = await erguard(args);
    expect(strict.code).toBe(2);
    expect(strict.message).toContain("the collection is incomplete: 1 error(s)");
    expect(strict.message).toContain(`${denied}: AuthorizationFailed`);
    const snapshot = validateSnapshot(JSON.parse(readFileSync(out, "utf8")), out);
    expect(snapshot.source.errors.map((e) => e.scope)).toEqual([denied]);

    expect((await erguard([...args, "--allow-partial"])).code).toBe(0);
  });

  it("puts the customers of customers.yaml in the snapshot", async () => {
    const served = makeEstate({ subscriptions: 2 });
    azure = await fakeAzure({ estate: served });
    const customers = join(dir, "customers.yaml");
    const [first, second] = served.subscriptions.map((s) => s.subscriptionId);
    writeFileSync(
      customers,
      `customers:\n  - name: contoso\n    model: connect-through\n    subscriptions: [${first}]\n  - name: fabrikam\n    model: connect-to\n    subscriptions: [${second}]\n`,
    );
    const out = join(dir, "snapshot.json");
    const result = await erguard(["collect", "--source", "azure", "--auth", "env", "--arm-endpoint", azure.url, "--customers", customers, "--quiet", "-o", out]);

    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).customers).toEqual([
      { name: "contoso", subscriptions: [first], model: "connect-through" },
      { name: "fabrikam", subscriptions: [second], model: "connect-to" },
    ]);
  });

  it("stops on Ctrl-C without writing anything", async () => {
    azure = await fakeAzure({ estate: makeEstate({ subscriptions: 2 }) });
    // The inventory query hangs; Ctrl-C arrives while it is in flight.
    azure.inject({ route: "graph", times: 1, when: (r) => String(r.body?.["query"]).startsWith("resources"), fault: { delayMs: 10_000 } });
    const out = join(dir, "snapshot.json");
    writeFileSync(out, "the previous snapshot");
    const waitForQuery = (async () => {
      for (let i = 0; i < 500 && !azure?.requests.some((r) => String(r.body?.["query"]).startsWith("resources")); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      process.emit("SIGINT");
    })();
    const result = await erguard(["collect", "--source", "azure", "--auth", "env", "--arm-endpoint", azure.url, "--quiet", "-o", out]);
    await waitForQuery;

    expect(result.code).toBe(2);
    expect(result.message).toBe("erguard: interrupted; nothing was written");
    expect(readFileSync(out, "utf8")).toBe("the previous snapshot");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it("rejects bad options with exit code 2", async () => {
    expect(await erguard(["collect", "--source", "azure", "--shard", "3/2"])).toEqual({
      code: 2,
      message: 'erguard: --shard "3/2": expected I/N with 1 <= I <= N, such as 1/4',
    });
    expect((await erguard(["collect", "--source", "azure", "--auth", "password"])).message).toContain('--auth "password": expected one of');
    expect((await erguard(["collect", "--source", "azure", "--arm-endpoint", "http://127.0.0.1:1"])).message).toContain("must be an https:// URL");
    expect((await erguard(["collect", "main.json", "--subscription", "x"])).message).toBe("erguard: --subscription needs --source azure");
    expect(existsSync(join(dir, "snapshot.json"))).toBe(false);
  });
});
