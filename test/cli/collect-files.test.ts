// `erguard collect FILE…` as a user runs it (the built CLI, dist/cli/main.js: `npm test` builds
// it first): exit codes, one-line messages without stack traces, the snapshot file.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { validateSnapshot } from "../../src/snapshot/validate.js";
import { CLI, ROOT, runCli } from "./run-cli.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "erguard-cli-collect-"));
});

const fixture = (path: string): string => join(ROOT, "fixtures", path);
const template = (body: object): string =>
  JSON.stringify({ $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", contentVersion: "1.0.0.0", ...body }, null, 2);

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// Runs `erguard collect` in the temporary directory and checks that it failed as bad input
// does: exit code 2 and, after the stage line, one line of message and no stack trace.
function expectBadInput(args: string[]): string {
  const run = runCli(["collect", ...args, "-o", join(dir, "out.json")], { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  const lines = run.stderr.trimEnd().split("\n").filter((l) => l !== "erguard: reading templates and plans");
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

describe("erguard collect FILE…", () => {
  it("writes a valid snapshot of a template with its parameter file and says what it wrote", () => {
    const out = join(dir, "snapshots", "er.json");
    const run = runCli(["collect", "fixtures/arm/expressroute-circuit.json", "--parameters", "fixtures/arm/expressroute-circuit.parameters.json", "--param", "bandwidthInMbps=500", "-o", out]);
    expect(run.stderr).toMatch(/^erguard: wrote .*er\.json: 2 resources from 1 file$/m);
    expect(run.code).toBe(0);
    const snapshot = validateSnapshot(JSON.parse(readFileSync(out, "utf8")) as unknown, out);
    expect(snapshot.resources[0]?.origin?.file).toBe("fixtures/arm/expressroute-circuit.json");
    expect(readdirSync(join(dir, "snapshots"))).toEqual(["er.json"]); // no temporary file left behind
  });

  it("rejects a file that is not JSON with its file, line and what was expected", () => {
    write("bad.json", '{\n  "resources": [\n    { "type": "x" }\n  \n');
    expect(expectBadInput(["bad.json"])).toBe("erguard: bad.json:5:1: not valid JSON: expected ',' or ']' to close the array");
  });

  it("rejects JSON that is neither a template nor a plan", () => {
    write("tsconfig.json", JSON.stringify({ compilerOptions: {} }));
    expect(expectBadInput(["tsconfig.json"])).toMatch(/^erguard: tsconfig\.json: neither an ARM template, a Terraform plan nor an erguard snapshot: expected/);
  });

  it("rejects a template whose parameter has no value, naming its line", () => {
    write("main.json", template({ parameters: { asn: { type: "int" } }, resources: [] }));
    expect(expectBadInput(["main.json"])).toBe('erguard: main.json:5: parameter "asn" has no value and no default: expected --parameters FILE or --param asn=…');
  });

  it("rejects an unknown template function, naming its line", () => {
    write("main.json", template({ resources: [{ type: "Microsoft.Network/routeTables", apiVersion: "2023-09-01", name: "[makeName('rt')]", properties: {} }] }));
    expect(expectBadInput(["main.json"])).toBe(`erguard: main.json:8: unknown template function "makeName" in "makeName('rt')"`);
  });

  it("rejects a copy loop over a non-array", () => {
    const text = template({
      parameters: { names: { type: "object", defaultValue: { a: 1 } } },
      resources: [{ type: "Microsoft.Network/routeTables", apiVersion: "2023-09-01", name: "[concat('rt-', copyIndex())]", copy: { name: "rts", count: "[parameters('names')]" }, properties: {} }],
    });
    write("main.json", text);
    const line = text.split("\n").findIndex((l) => l.includes('"count"')) + 1;
    expect(expectBadInput(["main.json"])).toBe(`erguard: main.json:${line}: copy loop "rts": count must be a non-negative integer, found object`);
  });

  it("refuses a 200 MB file", () => {
    const huge = write("huge.json", "{");
    truncateSync(huge, 200 * 1024 * 1024);
    expect(expectBadInput(["huge.json"])).toBe("erguard: huge.json: the file is 200 MiB: erguard reads templates and plans of up to 128 MiB");
  });

  it("rejects a malformed --param", () => {
    expect(expectBadInput([fixture("arm/hub-spoke.json"), "--param", "deployFirewall"])).toBe('erguard: --param expects name=value, found "deployFirewall"');
  });

  it("writes what it could read of a directory, then exits 2 because the snapshot is incomplete", () => {
    mkdirSync(join(dir, "infra"));
    write("infra/hub.json", readFileSync(fixture("arm/hub-spoke.json"), "utf8"));
    write("infra/broken.json", template({ resources: "[concat(]" }).replace(/"resources"/, '"resources" :: '));
    const out = join(dir, "out.json");
    const run = runCli(["collect", "infra", "-o", out], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("erguard: warning: skipped infra/broken.json:4:16: not valid JSON");
    expect(run.stderr.trimEnd().split("\n").pop()).toBe("erguard: the snapshot is incomplete: 1 input could not be read or scanned (listed in source.errors of " + out + ")");
    const snapshot = validateSnapshot(JSON.parse(readFileSync(out, "utf8")) as unknown, out);
    expect(snapshot.resources.length).toBe(9);
  });

  it("does not load the Azure SDK to collect a template", () => {
    // Records every module the process loads, and prints the Azure ones when it exits.
    const hook = write(
      "record-modules.mjs",
      `import { registerHooks } from "node:module";
const loaded = new Set();
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); loaded.add(r.url); return r; } });
process.on("exit", () => { process.stdout.write(JSON.stringify([...loaded].filter((u) => u.includes("/@azure/")))); });
`,
    );
    const run = spawnSync(process.execPath, ["--import", pathToFileURL(hook).href, CLI, "collect", fixture("arm/hub-spoke.json"), "-o", join(dir, "s.json")], {
      encoding: "utf8",
      cwd: ROOT,
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
