// erguard's Rego engine: parse and compile modules once, evaluate many queries against them.
//
//   const policy = compilePolicy([{ path: "p.rego", source }]);
//   const results = policy.query("x := data.p.allow", { input });
//
// `evaluate()` is the one-shot form the OPA conformance runner calls.

import { BodyCompiler, type ModuleScope } from "./compile-body.js";
import { compileModules, type CompiledPolicy, type CompileOptions } from "./compiler.js";
import { RegoError } from "./errors.js";
import { Evaluator, type QueryOptions } from "./evaluator.js";
import type { CBody, CRule, RuleNode } from "./ir.js";
import type { Location } from "./location.js";
import { parseModule, parseQuery, parseTerm } from "./parser.js";
import { fromJSON, toJSON, type Value } from "./value.js";
import { varTerm, type Literal, type Module } from "./ast.js";
import type { Annotation } from "./annotations.js";

export { RegoError } from "./errors.js";
export type { Annotation, AnnotationScope } from "./annotations.js";
export type { RegoErrorCode, RegoErrorDetail } from "./errors.js";
export type { Location } from "./location.js";
export type { Module } from "./ast.js";
export { parseModule, parseQuery } from "./parser.js";
export { fromJSON, toJSON, type Value } from "./value.js";

export interface SourceFile {
  readonly path: string;
  readonly source: string;
}

export interface EvalOptions {
  readonly input?: unknown; // a JSON value; absent means no input document
  readonly inputValue?: Value; // the input already as a Rego value (skips checking)
  readonly data?: unknown;
  readonly strictBuiltinErrors?: boolean;
  readonly env?: Record<string, string>;
  readonly nowNs?: bigint;
  readonly print?: (location: Location | undefined, text: string) => void;
  // Collects "file:row" of every rule and literal evaluated.
  readonly coverage?: Set<string>;
}

export interface CompiledQuery {
  readonly body: CBody;
  readonly slots: number;
  readonly vars: readonly { name: string; slot: number }[];
}

// A compiled set of modules.
export class Policy {
  private readonly queries = new Map<string, CompiledQuery>();

  private constructor(readonly compiled: CompiledPolicy) {}

  static compile(files: readonly SourceFile[], options: CompileOptions = {}): Policy {
    const modules = files.map((f) => parseModule(f.source, f.path));
    return new Policy(compileModules(modules, options));
  }

  static fromModules(modules: readonly Module[], options: CompileOptions = {}): Policy {
    return new Policy(compileModules(modules, options));
  }

  get modules(): readonly Module[] {
    return this.compiled.modules;
  }

  // "file:row" of every rule head and body literal: what coverage is measured against.
  coverableLines(): Set<string> {
    const out = new Set<string>();
    const body = (b: CBody) => {
      for (const lit of b) {
        out.add(`${lit.loc.file}:${lit.loc.row}`);
        if (lit.kind === "not" || lit.kind === "every" || lit.kind === "with") body(lit.body);
      }
    };
    const visit = (n: RuleNode) => {
      const rules = [...n.complete, ...n.dynamic, ...n.functions];
      if (n.defaultRule) rules.push(n.defaultRule);
      if (n.defaultFunction) rules.push(n.defaultFunction);
      for (const first of rules) {
        for (let r: CRule | undefined = first; r; r = r.elseRule) {
          out.add(`${r.loc.file}:${r.loc.row}`);
          body(r.body);
        }
      }
      for (const c of n.children.values()) visit(c);
    };
    visit(this.compiled.root);
    return out;
  }

  // Every # METADATA annotation of the modules.
  get annotations(): readonly Annotation[] {
    return this.compiled.annotations.all;
  }

  compileQuery(query: string, withExpressions = false): CompiledQuery {
    const cacheKey = withExpressions ? `expr:${query}` : query;
    const cached = this.queries.get(cacheKey);
    if (cached) return cached;
    let body = parseQuery(query, "query");
    if (withExpressions) body = bindExpressions(body);
    const bc = new BodyCompiler(this.queryScope());
    const lits = bc.literals(body, bc.top);
    const counts = bc.countOccurrences(lits, []);
    const ordered = bc.order(lits, new Set(), counts, body[0]!.loc);
    if (bc.errors.length > 0) throw RegoError.of(bc.errors);
    const q = { body: ordered, slots: bc.slotCount, vars: bc.queryVars() };
    this.queries.set(cacheKey, q);
    return q;
  }

  private queryScope(): ModuleScope {
    return {
      packagePath: [],
      imports: [],
      ruleNames: new Set(),
      root: this.compiled.root,
      builtins: this.compiled.builtins,
      refused: new Map(),
    };
  }

  // Every solution of a query, as Rego values by variable name.
  queryValues(query: string | CompiledQuery, options: EvalOptions = {}): Record<string, Value>[] {
    const q = typeof query === "string" ? this.compileQuery(query) : query;
    const evaluator = new Evaluator(this.compiled.root, this.queryOptions(options));
    const out: Record<string, Value>[] = [];
    evaluator.run(q.body, q.slots, (frame) => {
      const row: Record<string, Value> = {};
      for (const v of q.vars) {
        const x = frame[v.slot];
        if (x !== undefined) row[v.name] = x;
      }
      out.push(row);
    });
    return out;
  }

  // A session evaluates many queries against one input and data, sharing the cache of rule
  // values between them: helper rules of a bundle are evaluated once for all its rules, while
  // an error in one query leaves the others unaffected.
  session(options: EvalOptions = {}): QuerySession {
    return new QuerySession(this, new Evaluator(this.compiled.root, this.queryOptions(options)));
  }

  // Every solution of a query as JSON, sets as sorted arrays (what `opa eval` prints).
  query(query: string, options: EvalOptions = {}): Record<string, unknown>[] {
    return this.queryValues(query, options).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) out[k] = toJSON(v);
      return out;
    });
  }

  // What `opa eval` prints: per solution, the value of each query expression and the
  // bindings of the query's variables.
  evalExpressions(query: string, options: EvalOptions = {}): { expressions: unknown[]; bindings: Record<string, unknown> }[] {
    const q = this.compileQuery(query, true);
    const exprCount = parseQuery(query, "query").length;
    return this.queryValues(q, options).map((row) => {
      const expressions: unknown[] = [];
      const bindings: Record<string, unknown> = {};
      for (let i = 0; i < exprCount; i++) {
        const v = row[`${EXPR_VAR}${i}`];
        expressions.push(v === undefined ? true : toJSON(v));
      }
      for (const [k, v] of Object.entries(row)) if (!k.startsWith(EXPR_VAR)) bindings[k] = toJSON(v);
      return { expressions, bindings };
    });
  }

  private readonly chains = new Map<CRule, Value>();

  queryOptions(options: EvalOptions): QueryOptions {
    const annotations = this.compiled.annotations;
    return {
      metadata: {
        rule: (r) => annotations.ruleValue(r?.source),
        chain: (r) => {
          if (!r) return [];
          let c = this.chains.get(r);
          if (!c) {
            c = annotations.chainValue(r.source, r.packagePath);
            this.chains.set(r, c);
          }
          return c;
        },
      },
      input: options.inputValue ?? (options.input === undefined ? undefined : fromJSON(options.input)),
      data: options.data === undefined ? undefined : fromJSON(options.data),
      strictBuiltinErrors: options.strictBuiltinErrors,
      env: options.env,
      nowNs: options.nowNs,
      print: options.print,
      coverage: options.coverage,
    };
  }
}

export class QuerySession {
  private readonly context;

  constructor(
    private readonly policy: Policy,
    private readonly evaluator: Evaluator,
  ) {
    this.context = evaluator.newContext();
  }

  // Every solution of a query, as Rego values by variable name.
  values(query: string): Record<string, Value>[] {
    const q = this.policy.compileQuery(query);
    const out: Record<string, Value>[] = [];
    this.evaluator.run(q.body, q.slots, (frame) => {
      const row: Record<string, Value> = {};
      for (const v of q.vars) {
        const x = frame[v.slot];
        if (x !== undefined) row[v.name] = x;
      }
      out.push(row);
    }, this.context);
    return out;
  }
}

const EXPR_VAR = "__erguard_expr_";

// Rewrites each plain term of a query into `__erguard_expr_N = term; __erguard_expr_N` so that
// its value can be reported, as `opa eval` reports expression values.
function bindExpressions(body: readonly Literal[]): Literal[] {
  const out: Literal[] = [];
  body.forEach((lit, i) => {
    if (lit.negated || lit.with.length > 0 || lit.expr.kind !== "term" || lit.expr.term.type === "call") {
      out.push(lit);
      return;
    }
    const v = varTerm(`${EXPR_VAR}${i}`, lit.loc);
    out.push({ ...lit, expr: { kind: "unify", left: v, right: lit.expr.term } });
    out.push({ ...lit, expr: { kind: "term", term: v } });
  });
  return out;
}

// Parses a term from Rego source and evaluates it to a value (constants only).
export function valueFromTermSource(source: string): Value {
  const term = parseTerm(source, "input");
  const policy = Policy.compile([]);
  const bc = new BodyCompiler({
    packagePath: [],
    imports: [],
    ruleNames: new Set(),
    root: policy.compiled.root,
    builtins: policy.compiled.builtins,
    refused: new Map(),
  });
  const pre: never[] = [];
  const t = bc.term(term, bc.top, pre);
  if (pre.length > 0 || t.kind !== "const") {
    const out = policy.queryValues(`__x := ${source}`);
    if (out.length !== 1 || out[0]!["__x"] === undefined) throw new RegoError("rego_parse_error", "input term is not a value");
    return out[0]!["__x"];
  }
  return t.value;
}

// The conformance runner's entry point (see issue 2): one query against a set of modules.
export function evaluate(
  query: string,
  options: {
    modules?: { path: string; source: string }[];
    input?: unknown;
    inputTerm?: string;
    data?: Record<string, unknown>;
    strictBuiltinErrors?: boolean;
    env?: Record<string, string>;
  },
): Array<Record<string, unknown>> {
  const policy = Policy.compile(options.modules ?? []);
  const inputValue = options.inputTerm !== undefined ? valueFromTermSource(options.inputTerm) : undefined;
  return policy.query(query, {
    input: options.input,
    inputValue,
    data: options.data,
    strictBuiltinErrors: options.strictBuiltinErrors,
    env: options.env,
    print: () => {},
  });
}
