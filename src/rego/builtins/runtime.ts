// Builtins about the evaluation itself: opa.runtime, trace, rego.metadata.rule/chain.
import { ObjectBuilder, type Value } from "../value.js";
import { stringArg } from "./args.js";
import type { Builtin } from "./registry.js";

export const runtimeBuiltins: readonly Builtin[] = [
  {
    name: "opa.runtime",
    arity: 0,
    fn: (_args, ctx) => {
      const runtime = new ObjectBuilder();
      if (ctx.env) {
        const env = new ObjectBuilder();
        for (const [k, v] of Object.entries(ctx.env)) env.set(k, v);
        runtime.set("env", env.build());
      }
      return runtime.build();
    },
  },
  {
    name: "trace",
    arity: 1,
    fn: (args, ctx) => {
      ctx.print(ctx.location, stringArg("trace", args, 0));
      return true;
    },
  },
  { name: "rego.metadata.rule", arity: 0, fn: (_args, ctx): Value => ctx.ruleMetadata() },
  { name: "rego.metadata.chain", arity: 0, fn: (_args, ctx): Value => ctx.metadataChain() },
];
