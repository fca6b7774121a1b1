// Loads Rego modules and data documents from files and directories, as `opa eval -d` and
// `opa test` do: every .rego file below a directory, and data.json / data.yaml files whose
// content lands at their directory's path (a/b/data.json → data.a.b). A JSON or YAML file
// named explicitly lands at the root.

import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { ErguardError } from "../errors.js";
import { parseJson } from "../snapshot/json-positions.js";
import { readTextFile } from "../snapshot/read-text-file.js";
import { parseYamlText } from "./yaml-text.js";

export interface PolicyFiles {
  readonly modules: { readonly path: string; readonly source: string }[];
  readonly data: Record<string, unknown>;
  // The data files as read, for hashing a bundle.
  readonly dataFiles: { readonly path: string; readonly text: string }[];
}

export interface LoadPolicyFilesOptions {
  // A data file's value parsed before (the built-in bundle's, at build time), when `text` is
  // the text it was parsed from; undefined to parse it now. A new value each time: merging
  // data documents writes into them.
  readonly parsedBefore?: (file: string, text: string) => unknown;
}

const MAX_POLICY_FILE = 16 * 1024 * 1024;
const DATA_FILES = new Set(["data.json", "data.yaml", "data.yml"]);

export async function loadPolicyFiles(paths: readonly string[], options: LoadPolicyFilesOptions = {}): Promise<PolicyFiles> {
  const out: PolicyFiles = { modules: [], data: {}, dataFiles: [] };
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new ErguardError("not_found", "no such file or directory", { file: p });
    }
    if (info.isDirectory()) {
      for (const file of await walk(p)) {
        const name = basename(file);
        if (file.endsWith(".rego")) await addModule(out, file);
        else if (DATA_FILES.has(name)) {
          const rel = relative(p, dirname(file));
          await addData(out, file, rel === "" ? [] : rel.split(sep), options);
        }
      }
    } else if (p.endsWith(".rego")) await addModule(out, p);
    else if (/\.(json|ya?ml)$/.test(p)) await addData(out, p, [], options);
    else throw new ErguardError("bad_input", "expected a .rego file, a data.json or data.yaml file, or a directory", { file: p });
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full)));
    else if (e.isFile()) files.push(full);
  }
  return files;
}

async function addModule(out: PolicyFiles, file: string): Promise<void> {
  out.modules.push({ path: file, source: await readTextFile(file, { maxBytes: MAX_POLICY_FILE, what: "Rego modules" }) });
}

async function addData(out: PolicyFiles, file: string, at: readonly string[], options: LoadPolicyFilesOptions): Promise<void> {
  const text = await readTextFile(file, { maxBytes: MAX_POLICY_FILE, what: "data documents" });
  out.dataFiles.push({ path: file, text });
  const value = options.parsedBefore?.(file, text) ?? parseDataFile(text, file);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ErguardError("bad_input", "a data document must be an object", { file });
  }
  let target = out.data;
  for (const key of at) {
    const next = target[key];
    if (next === undefined) target[key] = {};
    else if (next === null || typeof next !== "object" || Array.isArray(next)) {
      throw new ErguardError("bad_input", `data path ${at.join(".")} conflicts with another data document`, { file });
    }
    target = target[key] as Record<string, unknown>;
  }
  merge(target, value as Record<string, unknown>, file);
}

export function parseDataFile(text: string, file: string): unknown {
  return file.endsWith(".json") ? parseJson(text, file) : parseYamlText(text, file);
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>, file: string): void {
  for (const [k, v] of Object.entries(source)) {
    const cur = target[k];
    if (cur !== undefined && isPlainObject(cur) && isPlainObject(v)) merge(cur, v, file);
    else if (cur !== undefined) throw new ErguardError("bad_input", `data key ${JSON.stringify(k)} is defined twice`, { file });
    else Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
