import { ErguardError } from "../errors.js";
import { loadPolicyFiles } from "../evaluate/policy-files.js";
import { loadInputDocument } from "../evaluate/input-document.js";
import { Policy, parseQuery } from "../rego/index.js";

export async function runEval(
  query: string,
  opts: { data: string[]; input?: string; format: string; strictBuiltinErrors?: boolean },
): Promise<void> {
  if (opts.format !== "json" && opts.format !== "pretty") {
    throw new ErguardError("bad_config", `unknown --format ${JSON.stringify(opts.format)}: expected json or pretty`);
  }
  const files = await loadPolicyFiles(opts.data);
  const input = opts.input === undefined ? undefined : await loadInputDocument(opts.input);
  const policy = Policy.compile(files.modules);
  const rows = policy.evalExpressions(query, {
    input,
    data: files.data,
    strictBuiltinErrors: opts.strictBuiltinErrors,
    print: (loc, text) => process.stderr.write(`${loc ? `${loc.file}:${loc.row}: ` : ""}${text}\n`),
  });
  const texts = expressionTexts(query);
  if (opts.format === "pretty") {
    if (rows.length === 0) process.stdout.write("undefined\n");
    for (const r of rows) {
      const shown = Object.keys(r.bindings).length > 0 ? r.bindings : r.expressions.length === 1 ? r.expressions[0] : r.expressions;
      process.stdout.write(JSON.stringify(shown, null, 2) + "\n");
    }
    return;
  }
  const result = rows.map((r) => ({
    expressions: r.expressions.map((value, i) => ({ value, text: texts[i]?.text ?? query, location: texts[i]?.location ?? { row: 1, col: 1 } })),
    ...(Object.keys(r.bindings).length > 0 ? { bindings: r.bindings } : {}),
  }));
  process.stdout.write(JSON.stringify(rows.length > 0 ? { result } : {}, null, 2) + "\n");
}

// The source text and location of each top-level expression of a query.
function expressionTexts(query: string): { text: string; location: { row: number; col: number } }[] {
  const lits = parseQuery(query, "query");
  const lines = query.split("\n");
  const offset = (row: number, col: number) => lines.slice(0, row - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
  return lits.map((lit, i) => {
    const start = offset(lit.loc.row, lit.loc.col);
    const next = lits[i + 1];
    const end = next ? offset(next.loc.row, next.loc.col) : query.length;
    const text = query.slice(start, end).replace(/[\s;]+$/, "");
    return { text, location: { row: lit.loc.row, col: lit.loc.col } };
  });
}
