// results.json: reading a saved one (checked against its schema, errors naming the line)
// and writing one.

import { readFile } from "node:fs/promises";
import { findNodeAtLocation, parseTree, type ParseError } from "jsonc-parser";
import { ErguardError } from "../errors.js";
import type { Results } from "../evaluate/results.js";
import { describePath, schemaCheck } from "../evaluate/schema-check.js";
import { joinChunks, type Chunk } from "./chunk-builder.js";
import { entryJsonWriter } from "./entry-json.js";
import { jsonChunks } from "./json-chunks.js";
import { RESULTS_SCHEMA } from "./results-schema.js";

const checkResults = schemaCheck(RESULTS_SCHEMA);

export async function loadResults(file: string): Promise<Results> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === "ENOENT" ? "not_found" : "bad_input";
    throw new ErguardError(code, `cannot read results: ${(err as Error).message}`, { file }, { cause: err });
  }
  return parseResults(text, file);
}

// JSON.parse reads a valid file; the tree with offsets (many times the memory of the values,
// too much at 100,000 resources) is built only to say where a broken one goes wrong.
export function parseResults(text: string, file: string): Results {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    throw new ErguardError("bad_input", "not a results file: invalid JSON", { file, ...position(text, errors[0]?.offset ?? 0) });
  }
  const version = (value as { resultsVersion?: unknown } | null)?.resultsVersion;
  if (typeof value === "object" && value !== null && version !== undefined && version !== 1) {
    throw new ErguardError(
      "bad_input",
      `unsupported resultsVersion ${JSON.stringify(version)}: this erguard reads resultsVersion 1`,
      { file, ...lineOf(text, ["resultsVersion"]) },
    );
  }
  const problems = checkResults(value);
  const first = problems[0];
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    const where = describePath(first.path) || "the document";
    throw new ErguardError("bad_input", `not a valid results file: ${where}: ${first.message}${more}`, {
      file,
      ...lineOf(text, first.path),
    });
  }
  const results = value as Results;
  checkRuleReferences(results, text, file);
  return results;
}

// Every reporter looks up an entry's rule for its title and remediation.
function checkRuleReferences(results: Results, text: string, file: string): void {
  const known = new Set(results.rules.map((r) => r.id));
  const index = results.results.findIndex((e) => !known.has(e.ruleId));
  if (index < 0) return;
  const entry = results.results[index];
  throw new ErguardError(
    "bad_input",
    `not a valid results file: results[${index}] names rule "${entry?.ruleId}", which is not among its rules`,
    { file, ...lineOf(text, ["results", index, "ruleId"]) },
  );
}

// The line of the deepest node that exists on the path (a missing property points at its parent).
// Only for a file about to be refused: it parses the text again, with offsets.
function lineOf(text: string, path: readonly (string | number)[]): { line?: number; column?: number } {
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  if (tree === undefined) return {};
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
    if (node) return position(text, node.parent?.type === "property" ? node.parent.offset : node.offset);
  }
  return {};
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

// results.json: indented, with one results entry per line (see json-chunks.ts).
export function renderJsonChunks(results: Results): Iterable<Chunk> {
  return jsonChunks(results, results.results, entryJsonWriter());
}

export function renderJson(results: Results): string {
  return joinChunks(renderJsonChunks(results));
}
