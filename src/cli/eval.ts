// erguard eval: evaluates a Rego query against policy and data files, like `opa eval`.
//   erguard eval -d policies/ -i input.json 'data.erguard.rules'
// --format json prints what `opa eval --format json` prints:
//   {"result":[{"expressions":[{"value":…,"text":"…","location":{"row":1,"col":1}}],"bindings":{…}}]}

import type { Command } from "commander";
import { collectValues } from "./source-options.js";

interface EvalCliOptions {
  data: string[];
  input?: string;
  format: string;
  strictBuiltinErrors?: boolean;
}

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("evaluate a Rego query against policy and data files (like opa eval)")
    .argument("<query>", "the Rego query")
    .option("-d, --data <path>", "a .rego file, a data.json/data.yaml file, or a directory of them (repeatable)", collectValues, [] as string[])
    .option("-i, --input <file>", "the input document (JSON or YAML)")
    .option("-f, --format <format>", "json or pretty", "json")
    .option("--strict-builtin-errors", "treat builtin errors as errors rather than undefined")
    .action(async (query: string, opts: EvalCliOptions) => {
      const { runEval } = await import("./eval-run.js");
      await runEval(query, opts);
    });
}
