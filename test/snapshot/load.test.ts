import { mkdtemp, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ErguardError } from "../../src/errors.js";
import { loadSnapshot, MAX_SNAPSHOT_BYTES } from "../../src/snapshot/load.js";
import { validateSnapshot } from "../../src/snapshot/validate.js";

const valid = {
  schemaVersion: 1,
  source: { kind: "arm", collectedAt: "2025-01-31T22:05:00.000Z", tool: "erguard 0.1.0", scope: { files: ["main.json"] }, errors: [] },
  customers: [{ name: "contoso", subscriptions: ["00000000-0000-0000-0000-000000000001"], model: "connect-to" }],
  resources: [
    {
      id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/er-1",
      name: "er-1",
      type: "microsoft.network/expressroutecircuits",
      location: "westeurope",
      properties: { serviceKey: "<redacted>" },
      origin: { file: "main.json", line: 12 },
    },
    {
      id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt",
      name: "rt",
      type: "microsoft.network/routetables",
      properties: {},
    },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "erguard-snapshot-"));
});

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function loadError(path: string): Promise<ErguardError> {
  const err: unknown = await loadSnapshot(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ErguardError);
  return err as ErguardError;
}

describe("loadSnapshot", () => {
  it("reads a valid snapshot back unchanged", async () => {
    const path = await write("ok.json", JSON.stringify(valid, null, 2));
    expect(await loadSnapshot(path)).toEqual(valid);
  });

  it("names the line and what was expected when the file is not JSON", async () => {
    const path = await write("broken.json", '{\n  "schemaVersion": 1,\n  "source": {\n    "kind": "arm"\n    "tool": "x"\n  }\n}\n');
    const err = await loadError(path);
    expect(err.code).toBe("bad_input");
    expect(err.location).toMatchObject({ file: path, line: 5 });
    expect(err.message).toBe("not valid JSON: expected ',' between values");
  });

  it("names the JSON pointer, the expectation and the line of an upper-case resource type", async () => {
    const bad = structuredClone(valid);
    (bad.resources[1] as { type: string }).type = "Microsoft.Network/routeTables";
    const text = JSON.stringify(bad, null, 2);
    const path = await write("upper.json", text);
    const err = await loadError(path);
    expect(err.message).toContain("/resources/1/type");
    expect(err.message).toContain("expected a lower-case resource type");
    const expectedLine = text.split("\n").findIndex((l) => l.includes('"Microsoft.Network/routeTables"')) + 1;
    expect(err.location?.line).toBe(expectedLine);
  });

  it("reports a wrong schema version", async () => {
    const path = await write("v2.json", JSON.stringify({ ...valid, schemaVersion: 2 }, null, 2));
    const err = await loadError(path);
    expect(err.message).toBe("invalid snapshot at /schemaVersion: expected schemaVersion 1, found number 2");
    expect(err.location?.line).toBe(2);
  });

  it("reports a missing required property at the object that lacks it", async () => {
    const bad = structuredClone(valid) as { resources: Record<string, unknown>[] };
    delete bad.resources[0]!["properties"];
    const text = JSON.stringify(bad, null, 2);
    const err = await loadError(await write("missing.json", text));
    expect(err.message).toBe('invalid snapshot at /resources/0: missing required property "properties"');
    const resourcesLine = text.split("\n").findIndex((l) => l.includes('"resources"')) + 1;
    expect(err.location?.line).toBe(resourcesLine + 1);
  });

  it("rejects an unknown top-level key and names it", async () => {
    const text = JSON.stringify({ ...valid, resorces: [] }, null, 2);
    const err = await loadError(await write("typo.json", text));
    expect(err.message).toMatch(/^invalid snapshot at \/resorces: unexpected property "resorces"/);
    expect(err.location?.line).toBe(text.split("\n").findIndex((l) => l.includes('"resorces"')) + 1);
  });

  it("says the file may not be a snapshot at all when it lacks schemaVersion", async () => {
    const err = await loadError(await write("template.json", JSON.stringify({ $schema: "x", resources: [] })));
    expect(err.message).toMatch(/is this an erguard snapshot\?/);
  });

  it("refuses a file over the size limit without reading it", async () => {
    const path = join(dir, "huge.json");
    await writeFile(path, "");
    await truncate(path, MAX_SNAPSHOT_BYTES + 1); // sparse: no data is written
    const err = await loadError(path);
    expect(err.code).toBe("bad_input");
    expect(err.message).toMatch(/the file is 500\.0 MiB: erguard reads snapshots of up to 500 MiB/);
  });

  it("reports a missing file as not found", async () => {
    const err = await loadError(join(dir, "nope.json"));
    expect(err.code).toBe("not_found");
  });
});

describe("validateSnapshot", () => {
  it("returns the value when it is a snapshot", () => {
    expect(validateSnapshot(valid, "mem")).toBe(valid);
  });

  it("names the pointer without a line when no source text is given", () => {
    const bad = { ...valid, source: { ...valid.source, kind: "bicep" } };
    try {
      validateSnapshot(bad, "mem");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ErguardError);
      expect((err as ErguardError).message).toBe(
        'invalid snapshot at /source/kind: expected one of "azure", "arm", "terraform", "snapshot", found "bicep"',
      );
      expect((err as ErguardError).location).toEqual({ file: "mem" });
    }
  });

  it("rejects a non-string tag value and a line below 1", () => {
    const withTag = structuredClone(valid) as { resources: Record<string, unknown>[] };
    withTag.resources[0]!["tags"] = { env: 3 };
    expect(() => validateSnapshot(withTag, "mem")).toThrow(/\/resources\/0\/tags\/env: expected a string tag value, found number 3/);
    const withLine = structuredClone(valid) as { resources: { origin?: { line: number } }[] };
    withLine.resources[0]!.origin!.line = 0;
    expect(() => validateSnapshot(withLine, "mem")).toThrow(/\/resources\/0\/origin\/line: expected a line number from 1, found number 0/);
  });
});
