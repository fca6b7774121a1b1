// erguard's command line (main.ts starts it). Each command lives in its own file and
// registers itself here; stage modules are imported lazily inside the actions so that a small
// scan starts fast (the Azure SDK loads only for --source azure).
//
// This is the only place that turns errors into messages and exit codes:
//   0 nothing failed at or above --fail-on, 1 findings at or above it,
//   2 the run could not be trusted (bad input, a rule error, an incomplete collection).

import { Command, CommanderError } from "commander";
import { exitCodeFor, formatError } from "./errors.js";
import { registerCollect } from "./collect.js";
import { registerEval } from "./eval.js";
import { registerMerge } from "./merge.js";
import { registerPolicy } from "./policy.js";
import { registerReport } from "./report.js";
import { registerScan } from "./scan.js";
import { VERSION } from "../version.js";

const program = new Command();
program
  .name("erguard")
  .description("Policy-as-code compliance scanner for Azure ExpressRoute estates")
  .version(VERSION, "--version")
  .showHelpAfterError()
  .exitOverride();

registerEval(program);
registerPolicy(program);
registerCollect(program);
registerReport(program);
registerScan(program);
registerMerge(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; usage errors are bad input.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(formatError(err) + "\n");
    process.exitCode = exitCodeFor(err);
  }
}
