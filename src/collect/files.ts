// Collection from files: ARM templates (and Bicep, compiled), Terraform plans and erguard
// snapshots, given one by one or as directories, merged into one snapshot.
//
// A file named on the command line must be readable and be one of these; its problems stop the
// collection (bad input, exit code 2). Files found below a directory are read on a best-effort
// basis: parameter files and other JSON (package.json, …) are skipped, and a file that cannot be
// read or evaluated is reported in source.errors while the others are collected.

import { stat, open } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { ErguardError, describeLocation } from "../errors.js";
import { parseJson } from "../snapshot/json-positions.js";
import { readTextFile } from "../snapshot/read-text-file.js";
import type { CollectionError, Customer, Resource, Snapshot, SourceKind } from "../snapshot/types.js";
import { TOOL } from "../version.js";
import { commandLineValues, parameterFileValues, type GivenParameter } from "./arm-parameters.js";
import { evaluateTemplate } from "./arm-template.js";
import { bicepDeclarationLine, compileBicep } from "./bicep.js";
import { PLACEHOLDER_TARGET } from "./deployment-target.js";
import { detectContent, filesBelow, MAX_INPUT_BYTES } from "./detect.js";
import { isObject, type JsonObject } from "./json-value.js";
import { compareIds, normaliseResources, type DeclaredResource } from "./normalise.js";
import { evaluatePlan } from "./terraform-plan.js";
import type { FileCollectOptions } from "./types.js";

interface InputFile {
  readonly path: string;
  readonly explicit: boolean; // named on the command line (not found in a directory)
}

interface Collected {
  readonly declared: DeclaredResource[];
  readonly snapshots: Snapshot[];
  readonly kinds: Set<SourceKind>;
  readonly files: string[];
  readonly errors: CollectionError[];
  readonly declaredParameters: Set<string>;
}

export async function collectFiles(inputs: readonly string[], options: FileCollectOptions): Promise<Snapshot> {
  const { progress } = options;
  const display = (path: string): string => displayPath(options.baseDir, path);
  if (inputs.length === 0) throw new ErguardError("bad_input", "no input: expected ARM templates, Terraform plans, snapshots or directories of them");

  progress.stage("reading templates and plans");
  const collected: Collected = { declared: [], snapshots: [], kinds: new Set(), files: [], errors: [], declaredParameters: new Set() };
  const files = await expandInputs(inputs, collected, display);
  const parameters = await readParameters(options, display);

  let done = 0;
  for (const file of files) {
    progress.detail(`reading ${display(file.path)}`);
    try {
      await collectOne(file, parameters, collected, options, display);
    } catch (err) {
      if (file.explicit || !(err instanceof ErguardError)) throw err;
      const where = describeLocation(err.location) || display(file.path);
      collected.errors.push({ scope: display(file.path), code: err.code, message: `${where}: ${err.message}` });
      progress.warn(`skipped ${where}: ${err.message}`);
    }
    progress.update({ filesDone: ++done, filesTotal: files.length });
  }
  if (collected.kinds.size === 0) {
    throw new ErguardError("bad_input", `found no ARM template, Terraform plan or snapshot in ${inputs.join(", ")}`);
  }
  for (const name of parameters.keys()) {
    if (collected.kinds.has("arm") && !collected.declaredParameters.has(name)) {
      progress.warn(`parameter "${name}" is not declared by any template`);
    }
  }
  for (const e of collected.errors) if (e.code === "not_scanned") progress.warn(e.message);
  return assemble(collected, options, progress.warn.bind(progress));
}

export function displayPath(baseDir: string, path: string): string {
  const rel = relative(resolve(baseDir), resolve(path));
  return (rel === "" ? path : rel).split(sep).join("/");
}

async function expandInputs(inputs: readonly string[], collected: Collected, display: (p: string) => string): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ErguardError(code === "ENOENT" ? "not_found" : "bad_input", code === "ENOENT" ? "no such file or directory" : `cannot read: ${String(err)}`, { file: input });
    }
    if (!isDirectory) {
      files.push({ path: input, explicit: true });
      continue;
    }
    const below = await filesBelow(input, (path, err) => {
      collected.errors.push({ scope: display(path), code: "bad_input", message: `${display(path)}: cannot read the directory: ${err.message}` });
    });
    files.push(...below.map((path) => ({ path, explicit: false })));
  }
  return files;
}

async function readParameters(options: FileCollectOptions, display: (p: string) => string): Promise<Map<string, GivenParameter>> {
  const values = new Map<string, GivenParameter>();
  for (const file of options.parameterFiles) {
    const text = await readTextFile(file, { maxBytes: MAX_INPUT_BYTES, what: "parameter files" });
    for (const [k, v] of parameterFileValues(parseJson(text, display(file), { allowComments: true }), display(file))) values.set(k, v);
  }
  for (const [k, v] of commandLineValues(options.params)) values.set(k, v);
  return values;
}

async function collectOne(
  file: InputFile,
  parameters: ReadonlyMap<string, GivenParameter>,
  collected: Collected,
  options: FileCollectOptions,
  display: (p: string) => string,
): Promise<void> {
  const name = display(file.path);
  const bicep = /\.bicep$/i.test(file.path);
  const text = bicep ? await compileBicep(file.path, name) : await readInput(file.path);
  const content = parseJson(text, name, { allowComments: true });
  const kind = detectContent(content);
  switch (kind) {
    case "snapshot": {
      // Loaded on demand: schema validation (ajv) is not needed to scan a template.
      const { parseSnapshotText } = await import("../snapshot/load.js");
      collected.snapshots.push(parseSnapshotText(text, name));
      collected.kinds.add("snapshot");
      break;
    }
    case "arm-template": {
      const declarations = (content as JsonObject)["parameters"];
      if (isObject(declarations ?? null)) for (const p of Object.keys(declarations as JsonObject)) collected.declaredParameters.add(p.toLowerCase());
      const result = await evaluateTemplate({ path: file.path, text, content }, parameters, { displayPath: display });
      const bicepSource = bicep ? await readTextFile(file.path, { maxBytes: MAX_INPUT_BYTES, what: "Bicep files" }) : undefined;
      const resources = bicepSource !== undefined ? result.resources.map((r) => withBicepLine(r, name, bicepSource)) : result.resources;
      collected.declared.push(...resources);
      collected.errors.push(...result.problems);
      result.warnings.forEach((w) => options.progress.warn(w));
      collected.kinds.add("arm");
      break;
    }
    case "terraform-plan": {
      const result = await evaluatePlan(file.path, text, content, { displayPath: display });
      collected.declared.push(...result.resources);
      result.warnings.forEach((w) => options.progress.warn(w));
      if (result.skippedTypes.size > 0) {
        const list = [...result.skippedTypes].map(([type, count]) => `${type} ×${count}`).join(", ");
        options.progress.detail(`${name}: not read (no ARM mapping): ${list}`);
      }
      collected.kinds.add("terraform");
      break;
    }
    case "arm-parameters":
      if (file.explicit) throw new ErguardError("bad_input", "this is an ARM parameter file: give it with --parameters next to its template", { file: name });
      options.progress.detail(`${name}: an ARM parameter file, skipped`);
      return;
    case undefined:
      if (file.explicit) {
        throw new ErguardError(
          "bad_input",
          'neither an ARM template, a Terraform plan nor an erguard snapshot: expected "$schema": "…/deploymentTemplate.json#" (a template), "format_version" with "planned_values" (terraform show -json) or "schemaVersion" (a snapshot)',
          { file: name },
        );
      }
      options.progress.detail(`${name}: not a template, plan or snapshot, skipped`);
      return;
  }
  collected.files.push(name);
}

// Lines of a compiled Bicep file point into JSON nobody sees: a resource points at its
// `resource` declaration in the .bicep instead, where its symbolic name finds it.
function withBicepLine(resource: DeclaredResource, bicepName: string, bicepSource: string): DeclaredResource {
  const line = resource.origin.address === undefined ? undefined : bicepDeclarationLine(bicepSource, resource.origin.address);
  return { ...resource, origin: { file: bicepName, ...(line !== undefined ? { line } : {}), ...(resource.origin.address !== undefined ? { address: resource.origin.address } : {}) } };
}

// A file over the input limit may still be a snapshot: those start with "schemaVersion".
async function readInput(path: string): Promise<string> {
  const size = (await stat(path)).size;
  if (size > MAX_INPUT_BYTES && (await startsLikeSnapshot(path))) {
    const { MAX_SNAPSHOT_BYTES } = await import("../snapshot/load.js");
    return readTextFile(path, { maxBytes: MAX_SNAPSHOT_BYTES, what: "snapshots" });
  }
  return readTextFile(path, { maxBytes: MAX_INPUT_BYTES, what: "templates and plans" });
}

async function startsLikeSnapshot(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(4096), position: 0 });
    return buffer.subarray(0, bytesRead).toString("utf8").includes('"schemaVersion"');
  } finally {
    await handle.close();
  }
}

function assemble(collected: Collected, options: FileCollectOptions, warn: (message: string) => void): Snapshot {
  const resources: Resource[] = [...normaliseResources(collected.declared), ...collected.snapshots.flatMap((s) => s.resources)];
  resources.sort((a, b) => compareIds(a.id, b.id));
  for (let i = 1; i < resources.length; i++) {
    const a = resources[i - 1] as Resource;
    const b = resources[i] as Resource;
    if (a.id.toLowerCase() === b.id.toLowerCase()) {
      warn(`${a.id} is declared more than once (${describeOrigin(a)} and ${describeOrigin(b)})`);
    }
  }
  const customers = new Map<string, Customer>();
  for (const snapshot of collected.snapshots) for (const c of snapshot.customers) customers.set(c.name, customers.get(c.name) ?? c);
  const kinds = [...collected.kinds];
  const kind: SourceKind = kinds.length === 1 ? (kinds[0] as SourceKind) : "snapshot";
  const scope: Record<string, unknown> = { files: collected.files };
  if (kinds.length > 1) scope["kinds"] = kinds;
  if (options.parameterFiles.length > 0) scope["parameterFiles"] = options.parameterFiles.map((f) => displayPath(options.baseDir, f));
  if (Object.keys(options.params).length > 0) scope["parameters"] = Object.keys(options.params);
  // Resource ids of templates and plans hold placeholders for the deployment target.
  if (collected.kinds.has("arm") || collected.kinds.has("terraform")) scope["deploymentTarget"] = { ...PLACEHOLDER_TARGET, placeholder: true };
  return {
    schemaVersion: 1,
    source: {
      kind,
      collectedAt: new Date().toISOString(),
      tool: TOOL,
      scope,
      errors: [...collected.errors, ...collected.snapshots.flatMap((s) => s.source.errors)],
    },
    customers: [...customers.values()],
    resources,
  };
}

function describeOrigin(r: Resource): string {
  return r.origin === undefined ? "a snapshot" : describeLocation(r.origin);
}
