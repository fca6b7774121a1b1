// A sharded nightly job, as the README's Indexed Job runs it: four `erguard collect --shard i/4`
// processes against the local fake Azure, `erguard merge`, then one scan; the merged snapshot
// and its results equal those of one unsharded collection. Merging the shards' results (each
// shard scanned on its own) gives the same results too, on an estate whose rules look within
// one subscription.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResultEntry, Results } from "../../src/evaluate/results.js";
import type { Snapshot } from "../../src/snapshot/types.js";
import { runCli, runCliAsync, type CliRun } from "../cli/run-cli.js";
import { makeEstate } from "../collect/azure-estate.ts";
import { startFakeAzure, type FakeAzure } from "../collect/fake-azure.ts";

let azure: FakeAzure;
let dir: string;
let env: Record<string, string>;
const SHARDS = [1, 2, 3, 4];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "erguard-shards-"));
  azure = await startFakeAzure({ estate: makeEstate({ subscriptions: 12, fillerPerSubscription: 2 }) });
  env = {
    NODE_EXTRA_CA_CERTS: azure.caFile,
    AZURE_AUTHORITY_HOST: azure.authorityHost,
    AZURE_TENANT_ID: azure.tenantId,
    AZURE_CLIENT_ID: azure.clientId,
    AZURE_CLIENT_SECRET: azure.clientSecret,
  };
  const collect = (out: string, shard?: number): Promise<CliRun> =>
    runCliAsync(
      ["collect", "--source", "azure", "--auth", "env", "--arm-endpoint", azure.url, "-q", "-o", out, ...(shard ? ["--shard", `${shard}/4`] : [])],
      { env },
    );
  const runs = await Promise.all([collect(join(dir, "whole.json")), ...SHARDS.map((i) => collect(join(dir, `shard-${i}.json`), i))]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
});

afterAll(async () => {
  await azure?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const path = (name: string): string => join(dir, name);
const shardFiles = (ext = ".json"): string[] => SHARDS.map((i) => path(`shard-${i}${ext}`));
const read = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

const scanArgs = (snapshot: string, out: string): string[] => ["scan", snapshot, "--out", out, "--format", "json", "--fail-on", "none", "-q"];

function scan(snapshot: string, out: string): Results {
  const run = runCli(scanArgs(snapshot, out));
  expect(run.code, run.stderr).toBe(0);
  return read<Results>(join(out, "results.json"));
}

// What must agree between a sharded and an unsharded scan: every entry but the line of the
// resource in a (different) snapshot file.
function entries(results: Results): Omit<ResultEntry, "snapshotLine">[] {
  return results.results.map(({ snapshotLine: _line, ...rest }) => rest);
}

describe("erguard merge of a sharded collection", () => {
  it("merges four shard snapshots into the snapshot of one unsharded collection", () => {
    const run = runCli(["merge", ...shardFiles().reverse(), "-o", path("merged.json")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("4 of 4 shards");
    const merged = read<Snapshot>(path("merged.json"));
    const whole = read<Snapshot>(path("whole.json"));
    const shards = shardFiles().map((f) => read<Snapshot>(f));
    // Every shard holds a share, and the shares add up.
    for (const s of shards) expect(s.resources.length).toBeGreaterThan(0);
    expect(shards.reduce((n, s) => n + s.resources.length, 0)).toBe(whole.resources.length);
    expect(merged.resources).toEqual(whole.resources);
    expect(merged.customers).toEqual(whole.customers);
    expect(merged.source.errors).toEqual([]);
    const { mergedShards, ...scope } = merged.source.scope;
    expect(mergedShards).toEqual(["1/4", "2/4", "3/4", "4/4"]);
    expect(scope).toEqual({ ...whole.source.scope, subscriptions: [...(whole.source.scope["subscriptions"] as string[])].sort() });
  });

  it("scans the merged snapshot to the results of the unsharded one", () => {
    const merged = scan(path("merged.json"), path("scan-merged"));
    const whole = scan(path("whole.json"), path("scan-whole"));
    expect(whole.results.length).toBeGreaterThan(0);
    expect(entries(merged)).toEqual(entries(whole));
    expect(merged.policy).toEqual(whole.policy);
  });

  it("merges the results of the four shards, each scanned on its own, into the unsharded results", async () => {
    const scans = await Promise.all(SHARDS.map((i) => runCliAsync(scanArgs(path(`shard-${i}.json`), path(`scan-${i}`)))));
    for (const run of scans) expect(run.code, run.stderr).toBe(0);
    const files = SHARDS.map((i) => join(path(`scan-${i}`), "results.json"));
    const run = runCli(["merge", ...files, "-o", path("merged-results.json")]);
    expect(run.code, run.stderr).toBe(0);
    const merged = read<Results>(path("merged-results.json"));
    const whole = read<Results>(join(path("scan-whole"), "results.json"));
    expect(entries(merged)).toEqual(entries(whole));
    expect(merged.rules).toEqual(whole.rules);
    expect(merged.snapshot.source.scope["mergedShards"]).toEqual(["1/4", "2/4", "3/4", "4/4"]);
  });

  it("writes a merge with a shard missing, records the gap and exits 2 (0 with --allow-partial)", () => {
    const given = shardFiles().filter((_, i) => i !== 2);
    const strict = runCli(["merge", ...given, "-o", path("partial.json")]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain("shards missing: 3/4");
    const partial = read<Snapshot>(path("partial.json"));
    expect(partial.source.errors).toEqual([expect.objectContaining({ scope: "shard 3/4", code: "shard_missing" })]);

    const lenient = runCli(["merge", ...given, "--allow-partial", "-o", path("partial.json")]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain("warning: shards missing: 3/4");
    // A scan of it cannot be trusted: exit 2, whatever --fail-on says.
    const scanned = runCli(scanArgs(path("partial.json"), path("scan-partial")));
    expect(scanned.code).toBe(2);
    expect(scanned.stderr).toContain("shard 3/4");
  });

  it("collects, when scanning live, exactly the resource types the loaded rules name", async () => {
    const out = path("scan-live");
    const run = await runCliAsync(
      ["scan", "--source", "azure", "--auth", "env", "--arm-endpoint", azure.url, "--out", out, "--format", "json", "--fail-on", "none", "-q"],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    const results = read<Results>(join(out, "results.json"));
    const types = [...new Set(results.rules.flatMap((r) => r.resourceTypes))].sort();
    expect(types.length).toBeGreaterThan(0);
    expect(read<Snapshot>(join(out, "snapshot.json")).source.scope["resourceTypes"]).toEqual(types);
  });

  it("refuses to mix snapshots and results", () => {
    const run = runCli(["merge", path("shard-1.json"), join(path("scan-2"), "results.json"), "-o", path("kinds.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("merge snapshots or results, not both");
  });
});
