// erguard policy: work on Rego policies (test; list and docs come with the policy bundle).
import type { Command } from "commander";

export interface PolicyTestCliOptions {
  run?: string;
  verbose?: boolean;
  coverage?: boolean;
  format: string;
}

export function registerPolicy(program: Command): Command {
  const policy = program.command("policy").description("test, list and document Rego policies");
  policy
    .command("test")
    .description("run the test_* rules of Rego policies (like opa test)")
    .argument("[paths...]", "files and directories of .rego modules and data.json/data.yaml files", ["policies"])
    .option("--run <regex>", "only tests whose full name (data.pkg.test_x) matches")
    .option("-v, --verbose", "show print() output of failing tests")
    .option("--coverage", "report which lines of the policy modules the tests evaluated")
    .option("-f, --format <format>", "pretty or json", "pretty")
    .action(async (paths: string[], opts: PolicyTestCliOptions) => {
      const { runPolicyTestCommand } = await import("./policy-test-run.js");
      process.exitCode = await runPolicyTestCommand(paths, opts);
    });
  return policy;
}
