// YAML text to a value, with the line and column of the first syntax error.
import { yaml } from "../lazy-libraries.js";
import { ErguardError } from "../errors.js";

export function parseYamlText(text: string, file: string): unknown {
  const doc = yaml().parseDocument(text, { prettyErrors: false });
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
