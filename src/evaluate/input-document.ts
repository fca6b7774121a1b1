// Reads an input document for a query (erguard eval -i): JSON, or YAML by extension.
import { parseDocument } from "yaml";
import { ErguardError } from "../errors.js";
import { parseJson } from "../snapshot/json-positions.js";
import { readTextFile } from "../snapshot/read-text-file.js";

const MAX_INPUT = 512 * 1024 * 1024;

export async function loadInputDocument(file: string): Promise<unknown> {
  const text = await readTextFile(file, { maxBytes: MAX_INPUT, what: "input documents" });
  if (!/\.ya?ml$/i.test(file)) return parseJson(text, file);
  const doc = parseDocument(text, { prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    throw new ErguardError("bad_input", `not valid YAML: ${err.message.split("\n")[0]}`, {
      file,
      line: err.linePos?.[0]?.line,
      column: err.linePos?.[0]?.col,
    });
  }
  return doc.toJS();
}
