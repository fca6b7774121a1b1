import type { Command } from "commander";

// erguard eval (placeholder: being written with the engine).
export function registerEval(_program: Command): void {}
