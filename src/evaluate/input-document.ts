// Reads an input document for a query (erguard eval -i): JSON, or YAML by extension.
import { parseJson } from "../snapshot/json-positions.js";
import { readTextFile } from "../snapshot/read-text-file.js";
import { parseYamlText } from "./yaml-text.js";

const MAX_INPUT = 512 * 1024 * 1024;

export async function loadInputDocument(file: string): Promise<unknown> {
  const text = await readTextFile(file, { maxBytes: MAX_INPUT, what: "input documents" });
  return /\.ya?ml$/i.test(file) ? parseYamlText(text, file) : parseJson(text, file);
}
