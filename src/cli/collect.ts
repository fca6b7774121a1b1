import type { Command } from "commander";
import { ErguardError } from "../errors.js";
import { addSourceOptions, azureOnlyOptionsUsed, type SourceFlags } from "./source-options.js";

interface CollectOptions extends SourceFlags {
  readonly out: string;
}

// erguard collect: makes a snapshot from files (ARM templates, Terraform plans, snapshots)
// or, with --source azure, from a live estate. Each source's module is imported only when it
// is used: collecting from files never loads the Azure SDK.
export function registerCollect(program: Command): void {
  const command = program
    .command("collect")
    .description("collect a snapshot from ARM templates, Terraform plans or Azure")
    .argument("[inputs...]", "templates, plans, snapshots or directories of them")
    .option("-o, --out <file>", "where to write the snapshot", "snapshot.json");
  addSourceOptions(command, "exit 0 even if some subscriptions or resources failed").action(async (inputs: string[], opts: CollectOptions) => {
    const source = opts.source ?? "files";
    if (source === "azure") {
      if (inputs.length > 0) throw new ErguardError("bad_config", "--source azure takes no input files");
      const { runAzureCollect } = await import("./collect-azure.js");
      await runAzureCollect(opts);
      return;
    }
    if (source !== "files") throw new ErguardError("bad_config", `--source "${source}": expected files or azure`);
    const azureOnly = azureOnlyOptionsUsed(opts);
    if (azureOnly.length > 0) throw new ErguardError("bad_config", `${azureOnly.join(", ")} needs --source azure`);
    const { runFileCollect } = await import("./collect-files.js");
    await runFileCollect(inputs, { parameters: opts.parameters, param: opts.param, out: opts.out, quiet: opts.quiet, verbose: opts.verbose });
  });
}
