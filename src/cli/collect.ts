import type { Command } from "commander";

// erguard collect: makes a snapshot from files (ARM templates, Terraform plans, snapshots)
// or, with --source azure, from a live estate.
export function registerCollect(program: Command): void {
  program
    .command("collect")
    .description("collect a snapshot from ARM templates, Terraform plans or Azure")
    .argument("[inputs...]", "templates, plans, snapshots or directories of them")
    .option("--parameters <file>", "ARM parameter file (repeatable)", collectValues, [] as string[])
    .option("--param <name=value>", "ARM parameter value (repeatable)", collectValues, [] as string[])
    .option("-o, --out <file>", "where to write the snapshot", "snapshot.json")
    .action(async (inputs: string[], opts: { parameters: string[]; param: string[]; out: string }) => {
      const { runFileCollect } = await import("./collect-files.js");
      await runFileCollect(inputs, opts);
    });
}

export function collectValues(value: string, previous: string[]): string[] {
  return [...previous, value];
}
