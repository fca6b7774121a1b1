// Calls the builtins of one family directly, the way the evaluator does, for unit tests.
import { expect } from "vitest";
import type { Builtin, BuiltinContext } from "../../src/rego/builtins/registry.js";
import { BuiltinError } from "../../src/rego/builtins/registry.js";
import { toJSON, type Value } from "../../src/rego/value.js";

// A fresh query context: its own queryCache, no time, no environment.
export function queryContext(): BuiltinContext {
  return {
    strict: true,
    location: undefined,
    nowNs: 0n,
    env: {},
    print: () => undefined,
    queryCache: new Map(),
    ruleMetadata: () => null,
    metadataChain: () => [],
  };
}

export function builtinHarness(family: readonly Builtin[], ctx: BuiltinContext = queryContext()) {
  function call(name: string, ...args: Value[]): Value | undefined {
    const b = family.find((x) => x.name === name);
    if (!b) throw new Error(`no builtin ${name}`);
    expect(args.length, `arity of ${name}`).toBe(b.arity);
    return b.fn(args, ctx);
  }

  // The result as JSON: sets become sorted arrays, so expectations read naturally.
  const json = (name: string, ...args: Value[]): unknown => toJSON(call(name, ...args)!);

  function failure(name: string, ...args: Value[]): { code: string; message: string } {
    try {
      call(name, ...args);
    } catch (e) {
      if (e instanceof BuiltinError) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error(`${name} did not fail`);
  }

  return { call, json, failure };
}
