import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../../src/collect/detect.js";
import { collectFiles } from "../../src/collect/files.js";
import { SILENT_PROGRESS, type ProgressSink } from "../../src/collect/types.js";
import { ErguardError } from "../../src/errors.js";
import { validateSnapshot } from "../../src/snapshot/validate.js";
import type { Snapshot } from "../../src/snapshot/types.js";

const root = resolve(import.meta.dirname, "../..");
const fixture = (path: string): string => join(root, "fixtures", path);
let dir: string;
const savedPath = process.env["PATH"];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "erguard-files-"));
});
afterEach(() => {
  process.env["PATH"] = savedPath;
});

function recorder(): ProgressSink & { warnings: string[] } {
  const warnings: string[] = [];
  return { ...SILENT_PROGRESS, warn: (m) => warnings.push(m), warnings };
}

async function collect(inputs: string[], options: { parameterFiles?: string[]; params?: Record<string, string>; progress?: ProgressSink } = {}): Promise<Snapshot> {
  return collectFiles(inputs, { parameterFiles: options.parameterFiles ?? [], params: options.params ?? {}, baseDir: dir, progress: options.progress ?? SILENT_PROGRESS });
}

async function failure(inputs: string[], options: Parameters<typeof collect>[1] = {}): Promise<ErguardError> {
  const err: unknown = await collect(inputs, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ErguardError);
  return err as ErguardError;
}

function write(name: string, content: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
  return path;
}

describe("collecting files", () => {
  it("merges a template and a plan into one valid snapshot, sorted by id, with paths relative to the base directory", async () => {
    const template = join(dir, "er.json");
    copyFileSync(fixture("arm/er-gateway-connection.json"), template);
    const params = join(dir, "er.parameters.json");
    copyFileSync(fixture("arm/er-gateway-connection.parameters.json"), params);
    const plan = write("tf/plan.json", readFileSync(fixture("terraform/vpn-forced-tunneling/plan.json"), "utf8"));
    const snapshot = await collect([template, plan], { parameterFiles: [params] });
    expect(validateSnapshot(snapshot, "mem")).toBe(snapshot);
    expect(snapshot.source.kind).toBe("snapshot");
    expect(snapshot.source.scope).toMatchObject({ files: ["er.json", "tf/plan.json"], kinds: ["arm", "terraform"], parameterFiles: ["er.parameters.json"] });
    const ids = snapshot.resources.map((r) => r.id.toLowerCase());
    expect(ids).toEqual([...ids].sort());
    expect(new Set(snapshot.resources.map((r) => r.origin?.file))).toEqual(new Set(["er.json", "tf/plan.json"]));
  });

  it("scans a directory for templates and plans, skipping parameter files and other JSON, and reports broken files without stopping", async () => {
    copyFileSync(fixture("arm/vpn-forced-tunneling.json"), write("infra/vpn.json", ""));
    copyFileSync(fixture("arm/expressroute-circuit.parameters.json"), write("infra/vpn.parameters.json", ""));
    write("infra/package.json", JSON.stringify({ name: "x", version: "1.0.0" }));
    write("infra/broken.json", '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [\n');
    write("infra/node_modules/dep/template.json", "not even json");
    const progress = recorder();
    const snapshot = await collect([join(dir, "infra")], { progress });
    expect(snapshot.source.kind).toBe("arm");
    expect(snapshot.source.scope["files"]).toEqual(["infra/vpn.json"]);
    expect(snapshot.source.errors).toEqual([
      { scope: "infra/broken.json", code: "bad_input", message: "infra/broken.json:3:1: not valid JSON: expected ',' or ']' to close the array" },
    ]);
    expect(progress.warnings).toContain("skipped infra/broken.json:3:1: not valid JSON: expected ',' or ']' to close the array");
    expect(snapshot.resources.length).toBe(8);
  });

  it("applies --param over parameter files, and warns about parameters no template declares", async () => {
    const progress = recorder();
    const snapshot = await collect([fixture("arm/expressroute-circuit.json")], {
      parameterFiles: [fixture("arm/expressroute-circuit.parameters.json")],
      params: { bandwidthInMbps: "2000", unusedSetting: "x" },
      progress,
    });
    const circuit = snapshot.resources.find((r) => r.type === "microsoft.network/expressroutecircuits");
    expect(circuit?.properties["serviceProviderProperties"]).toMatchObject({ bandwidthInMbps: 2000 });
    expect(circuit?.sku).toMatchObject({ tier: "Premium" });
    expect(progress.warnings).toEqual(['parameter "unusedsetting" is not declared by any template']);
  });

  it("records a linked template on a URL in source.errors", async () => {
    const snapshot = await collect([fixture("arm/nested-deployments.json")]);
    expect(snapshot.source.errors.map((e) => e.code)).toEqual(["not_scanned"]);
    expect(snapshot.source.errors[0]?.message).toContain("networkwatcher-flowlogs-create/azuredeploy.json");
  });

  it("warns when two inputs declare the same resource", async () => {
    const progress = recorder();
    const copy = join(dir, "copy.json");
    copyFileSync(fixture("arm/vpn-forced-tunneling.json"), copy);
    await collect([fixture("arm/vpn-forced-tunneling.json"), copy], { progress });
    expect(progress.warnings.filter((w) => w.includes("is declared more than once"))).toHaveLength(8);
    expect(progress.warnings).toContain(
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resource-group/providers/Microsoft.Network/routeTables/rt-forced-tunnel is declared more than once (${relative(dir, fixture("arm/vpn-forced-tunneling.json"))}:42 and copy.json:42)`,
    );
  });

  it("reads a snapshot as an input and keeps its customers and resources", async () => {
    const first = await collect([fixture("arm/vpn-forced-tunneling.json")]);
    const saved = write("saved.json", JSON.stringify({ ...first, customers: [{ name: "contoso", subscriptions: [] }] }));
    const again = await collect([saved]);
    expect(again.source.kind).toBe("snapshot");
    expect(again.customers).toEqual([{ name: "contoso", subscriptions: [] }]);
    expect(again.resources).toEqual(first.resources);
  });
});

describe("bad input", () => {
  it("names the file, line and column of JSON that does not parse", async () => {
    const err = await failure([write("bad.json", '{\n  "a": 1\n  "b": 2\n}')]);
    expect(err.message).toBe("not valid JSON: expected ',' between values");
    expect(err.location).toEqual({ file: "bad.json", line: 3, column: 3 });
  });

  it("says what a template, a plan and a snapshot look like when a file is none of them", async () => {
    const err = await failure([write("other.json", JSON.stringify({ hello: "world" }))]);
    expect(err.message).toMatch(/^neither an ARM template, a Terraform plan nor an erguard snapshot: expected "\$schema"/);
    expect(err.location).toEqual({ file: "other.json" });
  });

  it("asks for a parameter file to be given with --parameters", async () => {
    const err = await failure([fixture("arm/expressroute-circuit.parameters.json")]);
    expect(err.message).toBe("this is an ARM parameter file: give it with --parameters next to its template");
  });

  it("reports a missing parameter of a template named on the command line", async () => {
    const err = await failure([fixture("arm/expressroute-circuit.json")]);
    expect(err.message).toMatch(/^parameter "privatePeeringAsn" has no value and no default/);
    expect(err.location?.file).toBe(relative(dir, fixture("arm/expressroute-circuit.json")));
  });

  it("refuses a 200 MB file at once, without reading it", async () => {
    const huge = join(dir, "huge.json");
    writeFileSync(huge, "{");
    truncateSync(huge, 200 * 1024 * 1024); // sparse: nothing is written
    const err = await failure([huge]);
    expect(err.message).toBe(`the file is 200 MiB: erguard reads templates and plans of up to ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
    expect(err.location).toEqual({ file: huge });
  });

  it("reports an input that does not exist", async () => {
    const err = await failure([join(dir, "missing.json")]);
    expect(err.code).toBe("not_found");
  });

  it("says how to compile Bicep when no bicep or az executable is on PATH", async () => {
    process.env["PATH"] = join(dir, "empty-bin");
    const err = await failure([write("main.bicep", "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {}\n")]);
    expect(err.code).toBe("unsupported");
    expect(err.message).toBe("this is a Bicep file and no bicep or az executable is on PATH: run `az bicep build --file main.bicep` (or `bicep build main.bicep`) and give erguard the .json it writes");
  });
});

describe("Bicep", () => {
  it("compiles with the bicep executable on PATH and points resources at their Bicep declaration", async () => {
    const bin = join(dir, "bin");
    mkdirSync(bin);
    // A stand-in for the bicep CLI: prints the ARM JSON `bicep build --stdout` would.
    const compiled = readFileSync(fixture("arm/symbolic-names.json"), "utf8");
    write("compiled.json", compiled);
    writeFileSync(join(bin, "bicep"), `#!/bin/sh\n[ "$1" = build ] && [ "$3" = --stdout ] && cat '${join(dir, "compiled.json")}'\n`);
    chmodSync(join(bin, "bicep"), 0o755);
    process.env["PATH"] = `${bin}:${savedPath ?? ""}`;
    const bicep = write("main.bicep", "param location string = 'swedencentral'\n\nresource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'x'\n}\n\nresource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {\n  name: 'y'\n}\n");
    const snapshot = await collect([bicep]);
    const nsg = snapshot.resources.find((r) => r.type === "microsoft.network/networksecuritygroups");
    expect(nsg?.origin).toEqual({ file: "main.bicep", line: 3, address: "nsg" });
    const vnet = snapshot.resources.find((r) => r.type === "microsoft.network/virtualnetworks");
    expect(vnet?.origin).toEqual({ file: "main.bicep", line: 7, address: "vnet" });
  });

  it("reports a failed build with the compiler's error", async () => {
    const bin = join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "bicep"), "#!/bin/sh\necho 'main.bicep(2,5) : Error BCP018: Expected the \"=\" character at this location.' >&2\nexit 1\n");
    chmodSync(join(bin, "bicep"), 0o755);
    process.env["PATH"] = `${bin}:${savedPath ?? ""}`;
    const err = await failure([write("main.bicep", "resource x\n")]);
    expect(err.message).toBe('bicep build failed: main.bicep(2,5) : Error BCP018: Expected the "=" character at this location.');
  });
});

const quickstart = resolve(root, "../shared/azure-examples/arm/expressroute-private-peering-vnet.azuredeploy.json");

describe.skipIf(!existsSync(quickstart))("a real quickstart template", () => {
  it("collects expressroute-private-peering-vnet: the peering joins its circuit, the gateway points at the GatewaySubnet", async () => {
    const snapshot = await collect([quickstart]);
    expect(snapshot.resources.map((r) => r.type)).toEqual([
      "microsoft.network/expressroutecircuits",
      "microsoft.network/networksecuritygroups",
      "microsoft.network/publicipaddresses",
      "microsoft.network/virtualnetworkgateways",
      "microsoft.network/virtualnetworks",
    ]);
    const circuit = snapshot.resources[0];
    expect(circuit?.sku).toEqual({ name: "Premium_MeteredData", tier: "Premium", family: "MeteredData" });
    expect(circuit?.properties["peerings"]).toEqual([
      {
        name: "AzurePrivatePeering",
        id: `${circuit?.id ?? ""}/peerings/AzurePrivatePeering`,
        properties: { peeringType: "AzurePrivatePeering", peerASN: 65001, primaryPeerAddressPrefix: "192.168.10.16/30", secondaryPeerAddressPrefix: "192.168.10.20/30", vlanId: 100 },
      },
    ]);
    const gateway = snapshot.resources[3];
    const vnet = snapshot.resources[4];
    const gatewaySubnet = (vnet?.properties["subnets"] as { name: string; id: string }[]).find((s) => s.name === "GatewaySubnet");
    expect((gateway?.properties["ipConfigurations"] as { properties: { subnet: { id: string } } }[])[0]?.properties.subnet.id).toBe(gatewaySubnet?.id);
    expect(circuit?.origin?.line).toBe(172);
  });
});
