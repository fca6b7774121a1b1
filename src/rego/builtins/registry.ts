// The builtin function registry. Each family lives in its own file (strings.ts, net.ts, …)
// and exports a list of Builtin; index.ts gathers them.
//
// A builtin is a pure function of its operands. It returns the result, or undefined when
// the result is undefined (a lookup that finds nothing). It throws BuiltinError for bad
// operands: the evaluator turns that into an undefined result, or into an eval error when
// the query runs with strictBuiltinErrors — OPA's behaviour.

import type { Location } from "../location.js";
import type { Value } from "../value.js";

export interface BuiltinContext {
  readonly strict: boolean;
  // Where the call sits in the policy (for print).
  readonly location: Location | undefined;
  // time.now_ns: one value per query, in nanoseconds since the Unix epoch.
  readonly nowNs: bigint;
  // What opa.runtime().env returns; undefined when the host gives no environment.
  readonly env: Readonly<Record<string, string>> | undefined;
  // print() output, already formatted; the host decides where it goes.
  print(location: Location | undefined, text: string): void;
  // A cache that lives as long as the query (compiled regexes, uuid.rfc4122 per input).
  readonly queryCache: Map<string, unknown>;
  // rego.metadata.rule() and rego.metadata.chain() of the rule being evaluated.
  ruleMetadata(): Value;
  metadataChain(): Value;
}

export type BuiltinFn = (args: readonly Value[], ctx: BuiltinContext) => Value | undefined;

export interface Builtin {
  // OPA's name: "count", "net.cidr_contains", "strings.replace_n".
  readonly name: string;
  // Number of operands, not counting the output. Variadic builtins (print) say "variadic".
  readonly arity: number | "variadic";
  readonly fn: BuiltinFn;
  // A relation yields several outputs for one call (walk); fn then returns an array Value
  // holding every output.
  readonly relation?: boolean;
  // A relation may also enumerate its outputs lazily: visit each, stopping (and returning
  // true) when visit returns true. The evaluator prefers this to fn.
  readonly iterate?: (args: readonly Value[], ctx: BuiltinContext, visit: (output: Value) => boolean) => boolean;
  // Calls with the same operands may return different values (rand.*, uuid.*).
  readonly nondeterministic?: boolean;
}

export type BuiltinErrorCode = "eval_type_error" | "eval_builtin_error";

export class BuiltinError extends Error {
  constructor(
    readonly code: BuiltinErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BuiltinError";
  }
}

// eval_builtin_error, as `<name>: <message>`.
export function builtinError(name: string, message: string): BuiltinError {
  return new BuiltinError("eval_builtin_error", `${name}: ${message}`);
}

// Builtins that would reach the network or the host: policies are refused at compile time
// when they call one of these.
export const REFUSED_BUILTINS: ReadonlyMap<string, string> = new Map([
  ["http.send", "policies never reach the network"],
  ["net.lookup_ip_addr", "policies never reach the network"],
  ["opa.runtime.config", "not available"],
  ["providers.aws.sign_req", "policies never reach the network"],
  ["io.jwt.decode_verify", "not available"],
  ["rand.intn", "policies must be deterministic"],
]);
