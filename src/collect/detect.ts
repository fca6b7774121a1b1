// Recognises an input by its content, not its name: an erguard snapshot, an ARM template, an
// ARM parameter file, a Terraform plan (`terraform show -json`), or none of these. A directory
// stands for every file below it (hidden directories and node_modules excepted).

import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isObject, type JsonObject, type JsonValue } from "./json-value.js";

// Templates are at most 4 MB in Azure and plans rarely pass 100 MB: a larger input is refused
// before it is read (a snapshot may be larger: see MAX_SNAPSHOT_BYTES).
export const MAX_INPUT_BYTES = 128 * 1024 * 1024;

export type InputKind = "snapshot" | "arm-template" | "arm-parameters" | "terraform-plan";

export function detectContent(content: unknown): InputKind | undefined {
  if (!isObject(content as JsonValue)) return undefined;
  if (looksLikeSnapshot(content)) return "snapshot";
  if (looksLikeParameterFile(content)) return "arm-parameters";
  if (looksLikeTemplate(content)) return "arm-template";
  if (looksLikePlan(content)) return "terraform-plan";
  return undefined;
}

export function looksLikeSnapshot(content: unknown): boolean {
  return isObject(content as JsonValue) && "schemaVersion" in (content as JsonObject) && "resources" in (content as JsonObject);
}

// $schema …/deploymentTemplate.json# (any scope: subscription-, managementGroup-, tenant-),
// or, without $schema, the sections only a template has.
export function looksLikeTemplate(content: unknown): boolean {
  if (!isObject(content as JsonValue)) return false;
  const c = content as JsonObject;
  const schema = c["$schema"];
  if (typeof schema === "string") return /deploymentTemplate\.json/i.test(schema);
  const resources = c["resources"];
  const hasResources = Array.isArray(resources) || (isObject(resources ?? null) && typeof c["languageVersion"] === "string");
  return hasResources && typeof c["contentVersion"] === "string";
}

export function looksLikeParameterFile(content: unknown): boolean {
  if (!isObject(content as JsonValue)) return false;
  const schema = (content as JsonObject)["$schema"];
  return typeof schema === "string" && /deploymentParameters\.json/i.test(schema);
}

// `terraform show -json` of a plan (planned_values, resource_changes) or of a state (values).
export function looksLikePlan(content: unknown): boolean {
  if (!isObject(content as JsonValue)) return false;
  const c = content as JsonObject;
  return typeof c["format_version"] === "string" && ("planned_values" in c || "resource_changes" in c || "values" in c);
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", ".terraform"]);

// Every file below a directory that could be an input (*.json, *.bicep), in a stable order. A
// subdirectory that cannot be read is reported and passed over.
export async function filesBelow(directory: string, onError: (path: string, err: Error) => void): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (err) {
    onError(directory, err instanceof Error ? err : new Error(String(err)));
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED_DIRECTORIES.has(entry.name)) out.push(...(await filesBelow(path, onError)));
    } else if (/\.(json|jsonc|bicep)$/i.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}
