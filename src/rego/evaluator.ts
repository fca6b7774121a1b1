// The top-down evaluator. Bodies are evaluated in continuation-passing style: each step
// calls `k` once per solution and returns true when the caller asked to stop (the first
// solution of a negation or of a constant rule is enough). Variables live in a frame
// (one array per rule evaluation); binding writes a slot and undoing it on the way back is
// the backtracking.
//
// Virtual documents (rules) are evaluated once per query and context and cached; `with`
// makes a new context (new input, data overrides, function replacements) with empty caches
// for the literal it modifies, while the rest of the body continues in the old one.

import { BuiltinError, type Builtin, type BuiltinContext } from "./builtins/registry.js";
import { RegoError } from "./errors.js";
import { formatValue } from "./format.js";
import type { CallTarget, CBody, CLiteral, CRule, CTerm, CWith, RuleNode } from "./ir.js";
import type { Location } from "./location.js";
import {
  ObjectBuilder,
  RegoObject,
  RegoSet,
  equal,
  forEachEntry,
  forEachMember,
  isArray,
  isObject,
  keyOf,
  lookup,
  objectGet,
  objectSize,
  type ObjectValue,
  type Value,
} from "./value.js";

type Frame = (Value | undefined)[];

// The outputs of a relation builtin: visits each, stopping when visit returns true.
type Relation = (visit: (output: Value) => boolean) => boolean;

// A compiled body literal: evaluates it, then the rest of the body, then k.
type Step = (frame: Frame, ctx: Context, k: K) => boolean;
const END: Step = (_f, _c, k) => k();
const STOP: K = () => true;

// Binds a variable's slot to v for the rest of the body (or, when it is bound, compares), and
// unbinds it on the way back.
function bindSlot(f: Frame, slot: number, v: Value, next: Step, c: Context, k: K): boolean {
  const cur = f[slot];
  if (cur !== undefined) return equal(cur, v) ? next(f, c, k) : false;
  f[slot] = v;
  const r = next(f, c, k);
  f[slot] = undefined;
  return r;
}

// direct()'s answer for a term that has to be enumerated.
const ITERATE: unique symbol = Symbol("iterate");
type Direct = Value | undefined | typeof ITERATE;
type K = () => boolean;
type KV = (v: Value) => boolean;

interface DataPrefix {
  readonly node: RuleNode;
  readonly base: Value | undefined;
  readonly i: number;
}

// A replacement installed by `with f as g` / `with f as value`.
type FunctionOverride = { readonly target: CallTarget } | { readonly value: Value };

class OverrideNode {
  value: Value | undefined;
  readonly children = new Map<string, OverrideNode>();
}

export interface Context {
  readonly input: Value | undefined;
  readonly overrides: OverrideNode | undefined;
  readonly functions: ReadonlyMap<string, FunctionOverride> | undefined;
  readonly cache: Map<RuleNode, Value | undefined>;
  readonly functionCache: Map<RuleNode, FunctionMemo>;
  // The rule being evaluated, for rego.metadata.*.
  readonly rule: CRule | undefined;
}

export interface QueryOptions {
  readonly input?: Value;
  readonly data?: Value;
  readonly strictBuiltinErrors?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  readonly nowNs?: bigint;
  readonly print?: (location: Location | undefined, text: string) => void;
  // When given, receives "file:row" of every rule and literal evaluated (policy test --coverage).
  readonly coverage?: Set<string>;
  readonly metadata?: {
    rule(rule: CRule | undefined): Value;
    chain(rule: CRule | undefined): Value;
  };
}

const inputSlotCache = new WeakMap<CTerm, readonly number[]>();

// Slots a term needs bound to be evaluated (ref operands do not: they iterate).
function inputSlots(t: CTerm): readonly number[] {
  let s = inputSlotCache.get(t);
  if (s) return s;
  const out: number[] = [];
  const walk = (x: CTerm, inOp: boolean): void => {
    switch (x.kind) {
      case "var":
        if (!inOp) out.push(x.slot);
        return;
      case "array":
      case "set":
        for (const y of x.items) walk(y, inOp);
        return;
      case "object":
        for (const [k, v] of x.entries) {
          walk(k, inOp);
          walk(v, inOp);
        }
        return;
      case "ref":
        if (x.head) walk(x.head, inOp);
        for (const y of x.ops) walk(y, true);
        return;
      default:
        return;
    }
  };
  walk(t, false);
  s = out;
  inputSlotCache.set(t, s);
  return s;
}

export class Evaluator {
  private readonly data: Value;
  private readonly strict: boolean;
  private readonly coverage: Set<string> | undefined;
  private readonly steps = new WeakMap<CBody, Step>();
  private readonly builtinContext: BuiltinContext;
  private currentLoc: Location | undefined;
  private currentRule: CRule | undefined;

  constructor(
    readonly root: RuleNode,
    private readonly options: QueryOptions,
  ) {
    this.data = options.data ?? Object.create(null);
    this.strict = options.strictBuiltinErrors ?? false;
    this.coverage = options.coverage;
    const self = this;
    const print = options.print ?? ((loc: Location | undefined, text: string) => process.stderr.write(`${loc ? `${loc.file}:${loc.row}: ` : ""}${text}\n`));
    this.builtinContext = {
      strict: this.strict,
      get location() {
        return self.currentLoc;
      },
      nowNs: options.nowNs ?? BigInt(Date.now()) * 1_000_000n,
      env: options.env,
      print,
      queryCache: new Map(),
      ruleMetadata: () => options.metadata?.rule(self.currentRule) ?? Object.create(null),
      metadataChain: () => options.metadata?.chain(self.currentRule) ?? [],
    };
  }

  newContext(): Context {
    return {
      input: this.options.input,
      overrides: undefined,
      functions: undefined,
      cache: new Map(),
      functionCache: new Map(),
      rule: undefined,
    };
  }

  // Runs a compiled query body; calls onResult with the frame for each solution.
  run(body: CBody, slots: number, onResult: (frame: Frame) => void, context?: Context): void {
    const frame: Frame = new Array(slots);
    const ctx = context ?? this.newContext();
    this.evalBody(body, frame, ctx, () => {
      onResult(frame);
      return false;
    });
  }

  // --- bodies --------------------------------------------------------------------------
  //
  // Each body is compiled once (per evaluator) into a chain of steps. A step evaluates its
  // literal and calls the next step directly with the same frame, context and body
  // continuation, so running a body allocates nothing per literal; closures remain only
  // where a literal must enumerate solutions in a general way.

  evalBody(body: CBody, frame: Frame, ctx: Context, k: K): boolean {
    return this.bodyStep(body)(frame, ctx, k);
  }

  private bodyStep(body: CBody): Step {
    let step = this.steps.get(body);
    if (step === undefined) {
      step = END;
      for (let i = body.length - 1; i >= 0; i--) step = this.literalStep(body[i]!, step);
      this.steps.set(body, step);
    }
    return step;
  }

  private literalStep(lit: CLiteral, next: Step): Step {
    const step = this.literalStepCore(lit, next);
    if (!this.coverage) return step;
    const coverage = this.coverage;
    const where = `${lit.loc.file}:${lit.loc.row}`;
    return (f, c, k) => {
      coverage.add(where);
      return step(f, c, k);
    };
  }

  private literalStepCore(lit: CLiteral, next: Step): Step {
    switch (lit.kind) {
      case "unify":
        return this.unifyStep(lit.left, lit.right, next) ?? this.unifyStep(lit.right, lit.left, next) ?? ((f, c, k) => this.unify(lit.left, lit.right, f, c, () => next(f, c, k)));
      case "term": {
        const t = lit.term;
        return (f, c, k) => {
          const v = this.direct(t, f, c);
          if (v !== ITERATE) return v === undefined || v === false ? false : next(f, c, k);
          return this.evalTerm(t, f, c, (x) => (x !== false ? next(f, c, k) : false));
        };
      }
      case "call":
        return this.callStep(lit, next);
      case "not": {
        const inner = this.bodyStep(lit.body);
        return (f, c, k) => (inner(f, c, STOP) ? false : next(f, c, k));
      }
      case "somein":
        return this.someInStep(lit, next);
      case "every": {
        const inner = this.bodyStep(lit.body);
        return (f, c, k) =>
          this.evalTerm(lit.domain, f, c, (domain) => {
            const all = !forEachMember(domain, (key, value) => {
              const ok = this.unifyValue(lit.value, value, f, c, () =>
                lit.key ? this.unifyValue(lit.key, key, f, c, () => inner(f, c, STOP)) : inner(f, c, STOP),
              );
              return !ok; // stop at the first member for which the body fails
            });
            return all ? next(f, c, k) : false;
          });
      }
      case "with": {
        const inner = this.bodyStep(lit.body);
        return (f, c, k) => {
          const modified = this.applyWith(lit.mods, f, c);
          if (!modified) return false;
          // The rest of the body continues in the unmodified context.
          return inner(f, modified, () => next(f, c, k));
        };
      }
    }
  }

  // `x = term` with x a plain variable: bind it directly (or compare when it is bound).
  private unifyStep(left: CTerm, right: CTerm, next: Step): Step | undefined {
    if (left.kind !== "var") return undefined;
    const slot = left.slot;
    return (f, c, k) => {
      const v = this.direct(right, f, c);
      if (v === ITERATE) return this.unify(left, right, f, c, () => next(f, c, k));
      if (v === undefined) {
        // The right side is undefined, or a pattern whose variables the left side binds.
        return f[slot] === undefined ? false : this.unify(left, right, f, c, () => next(f, c, k));
      }
      return bindSlot(f, slot, v, next, c, k);
    };
  }

  private callStep(lit: Extract<CLiteral, { kind: "call" }>, next: Step): Step {
    if (lit.target.kind === "print") return (f, c, k) => this.evalPrint(lit, f, c, () => next(f, c, k));
    const target = lit.target;
    const builtin = target.kind === "builtin" && !target.builtin.relation ? target.builtin : undefined;
    const fn = target.kind === "function" ? target.node : undefined;
    const out = lit.out;
    const outSlot = out?.kind === "var" ? out.slot : -1;
    const n = lit.args.length;
    return (f, c, k) => {
      const args: Value[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const v = this.direct(lit.args[i]!, f, c);
        if (v === ITERATE) return this.evalList(lit.args, 0, [], f, c, (vals) => this.callWith(lit, vals, f, c, () => next(f, c, k)));
        if (v === undefined) return false;
        args[i] = v;
      }
      let result: Value | undefined;
      if (c.functions !== undefined || (builtin === undefined && fn === undefined)) {
        return this.callWith(lit, args, f, c, () => next(f, c, k));
      } else if (fn !== undefined) result = this.callFunction(fn, args, c);
      else {
        this.currentLoc = lit.loc;
        result = this.callBuiltin(builtin!, args, lit.loc);
      }
      if (result === undefined) return false;
      if (out === undefined) return result === false ? false : next(f, c, k);
      if (outSlot >= 0) return bindSlot(f, outSlot, result, next, c, k);
      return this.unifyValue(out, result, f, c, () => next(f, c, k));
    };
  }

  // `some k, v in coll`: plain variables are bound member by member without continuations.
  private someInStep(lit: Extract<CLiteral, { kind: "somein" }>, next: Step): Step {
    const value = lit.value;
    const key = lit.key;
    const general: Step = (f, c, k) =>
      this.evalTerm(lit.collection, f, c, (coll) =>
        forEachMember(coll, (kv, v) => this.unifyValue(value, v, f, c, () => (key ? this.unifyValue(key, kv, f, c, () => next(f, c, k)) : next(f, c, k)))),
      );
    if (value.kind !== "var" || (key !== undefined && key.kind !== "var")) return general;
    const vs = value.slot;
    const ks = key?.kind === "var" ? key.slot : -1;
    return (f, c, k) => {
      if (f[vs] !== undefined || (ks >= 0 && f[ks] !== undefined)) return general(f, c, k);
      const coll = this.direct(lit.collection, f, c);
      if (coll === ITERATE) return general(f, c, k);
      if (coll === undefined) return false;
      const r = forEachMember(coll, (kv, v) => {
        f[vs] = v;
        if (ks >= 0) f[ks] = kv;
        return next(f, c, k);
      });
      f[vs] = undefined;
      if (ks >= 0) f[ks] = undefined;
      return r;
    };
  }

  // --- terms ---------------------------------------------------------------------------

  private bound(t: CTerm, frame: Frame): boolean {
    if (t.kind === "const") return true;
    if (t.kind === "var") return frame[t.slot] !== undefined;
    for (const s of inputSlots(t)) if (frame[s] === undefined) return false;
    return true;
  }

  evalTerm(t: CTerm, frame: Frame, ctx: Context, k: KV): boolean {
    switch (t.kind) {
      case "const":
        return k(t.value);
      case "var": {
        const v = frame[t.slot];
        return v === undefined ? false : k(v);
      }
      case "ref": {
        const d = this.direct(t, frame, ctx);
        if (d !== ITERATE) return d === undefined ? false : k(d);
        return this.evalRef(t, frame, ctx, k);
      }
      case "array": {
        const d = this.direct(t, frame, ctx);
        if (d !== ITERATE) return d === undefined ? false : k(d);
        return this.evalList(t.items, 0, [], frame, ctx, (items) => k(items));
      }
      case "set": {
        const d = this.direct(t, frame, ctx);
        if (d !== ITERATE) return d === undefined ? false : k(d);
        return this.evalList(t.items, 0, [], frame, ctx, (items) => k(new RegoSet(items)));
      }
      case "object": {
        const d = this.direct(t, frame, ctx);
        if (d !== ITERATE) return d === undefined ? false : k(d);
        const flat = t.entries.flatMap(([a, b]) => [a, b]);
        return this.evalList(flat, 0, [], frame, ctx, (vals) => {
          const b = new ObjectBuilder();
          for (let i = 0; i < vals.length; i += 2) b.set(vals[i]!, vals[i + 1]!);
          return k(b.build());
        });
      }
      case "comp":
        return k(this.evalComprehension(t, frame, ctx));
    }
  }

  // A term's one value when it has at most one (no ref operand needs to iterate), without
  // continuations; ITERATE when it must be enumerated. The common case in policies
  // (r.properties.x.y, data.lib.index[id]) takes this path.
  private direct(t: CTerm, frame: Frame, ctx: Context): Direct {
    switch (t.kind) {
      case "const":
        return t.value;
      case "var":
        return frame[t.slot];
      case "ref":
        return this.directRef(t, frame, ctx);
      case "array": {
        const out: Value[] = new Array(t.items.length);
        for (let i = 0; i < t.items.length; i++) {
          const v = this.direct(t.items[i]!, frame, ctx);
          if (v === undefined || v === ITERATE) return v;
          out[i] = v;
        }
        return out;
      }
      case "set": {
        const out = new RegoSet();
        for (const item of t.items) {
          const v = this.direct(item, frame, ctx);
          if (v === undefined || v === ITERATE) return v;
          out.add(v);
        }
        return out;
      }
      case "object": {
        const b = new ObjectBuilder();
        for (const [kt, vt] of t.entries) {
          const k = this.direct(kt, frame, ctx);
          if (k === undefined || k === ITERATE) return k;
          const v = this.direct(vt, frame, ctx);
          if (v === undefined || v === ITERATE) return v;
          b.set(k, v);
        }
        return b.build();
      }
      case "comp":
        return this.evalComprehension(t, frame, ctx);
    }
  }

  private directRef(t: Extract<CTerm, { kind: "ref" }>, frame: Frame, ctx: Context): Direct {
    const ops = t.ops;
    // An unbound variable operand iterates: leave it to evalRef.
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      if (op.kind === "var" ? frame[op.slot] === undefined : op.kind !== "const" && op.kind !== "ref") return ITERATE;
    }
    if (t.root === "data") return this.directData(ops, frame, ctx);
    let v: Value | undefined;
    if (t.root === "input") v = ctx.input;
    else {
      const h = this.direct(t.head!, frame, ctx);
      if (h === ITERATE) return ITERATE;
      v = h;
    }
    for (let i = 0; i < ops.length && v !== undefined; i++) {
      const op = ops[i]!;
      const key = op.kind === "const" ? op.value : op.kind === "var" ? frame[op.slot] : this.direct(op, frame, ctx);
      if (key === ITERATE) return ITERATE;
      if (key === undefined) return undefined;
      v = lookup(v, key);
    }
    return v;
  }

  private directData(ops: readonly CTerm[], frame: Frame, ctx: Context): Direct {
    let node: RuleNode | undefined = this.root;
    let base: Value | undefined = this.data;
    let override = ctx.overrides;
    let i = 0;
    if (override === undefined) ({ node, base, i } = this.constantPrefix(ops));
    let value: Value | undefined;
    let valueMode = false;
    for (; i <= ops.length; i++) {
      if (override?.value !== undefined) {
        value = override.value;
        valueMode = true;
        break;
      }
      if (node === undefined && override === undefined) {
        value = base;
        valueMode = true;
        break;
      }
      if (node?.isRuleNode) {
        value = base !== undefined ? base : this.nodeValue(node, ctx);
        valueMode = true;
        break;
      }
      if (node?.isFunction) return undefined;
      if (i === ops.length) break;
      const op = ops[i]!;
      const key = op.kind === "const" ? op.value : op.kind === "var" ? frame[op.slot] : this.direct(op, frame, ctx);
      if (key === ITERATE) return ITERATE;
      if (key === undefined) return undefined;
      const child: RuleNode | undefined = typeof key === "string" ? node?.children.get(key) : undefined;
      base = base === undefined ? undefined : lookup(base, key);
      override = typeof key === "string" ? override?.children.get(key) : undefined;
      node = child;
      if (node === undefined && override === undefined && base === undefined) return undefined;
    }
    if (!valueMode) return this.materialize(node, base, override, ctx);
    for (; i < ops.length && value !== undefined; i++) {
      const op = ops[i]!;
      const key = op.kind === "const" ? op.value : op.kind === "var" ? frame[op.slot] : this.direct(op, frame, ctx);
      if (key === ITERATE) return ITERATE;
      if (key === undefined) return undefined;
      value = lookup(value, key);
    }
    return value;
  }

  private readonly prefixes = new WeakMap<readonly CTerm[], DataPrefix>();

  // Where directData's walk stands after a data ref's leading constant keys (a package path
  // and a rule name, as most refs are), when no `with` replaces data: the same for every
  // evaluation of the ref, so walked once. It stops before a rule or function, and before a key
  // the rule tree lacks, leaving those cases to the walk.
  private constantPrefix(ops: readonly CTerm[]): DataPrefix {
    let prefix = this.prefixes.get(ops);
    if (prefix === undefined) {
      let node = this.root;
      let base: Value | undefined = this.data;
      let i = 0;
      for (; i < ops.length && !node.isRuleNode && !node.isFunction; i++) {
        const op = ops[i]!;
        const child = op.kind === "const" && typeof op.value === "string" ? node.children.get(op.value) : undefined;
        if (child === undefined) break;
        base = base === undefined ? undefined : lookup(base, (op as { value: string }).value);
        node = child;
      }
      prefix = { node, base, i };
      this.prefixes.set(ops, prefix);
    }
    return prefix;
  }

  private evalList(items: readonly CTerm[], i: number, acc: Value[], frame: Frame, ctx: Context, k: (vs: Value[]) => boolean): boolean {
    if (i === items.length) return k(acc.slice());
    return this.evalTerm(items[i]!, frame, ctx, (v) => {
      acc.push(v);
      const r = this.evalList(items, i + 1, acc, frame, ctx, k);
      acc.pop();
      return r;
    });
  }

  private evalComprehension(t: Extract<CTerm, { kind: "comp" }>, frame: Frame, ctx: Context): Value {
    switch (t.comp) {
      case "array": {
        const out: Value[] = [];
        this.evalBody(t.body, frame, ctx, () => this.evalTerm(t.head, frame, ctx, (v) => (out.push(v), false)));
        return out;
      }
      case "set": {
        const out = new RegoSet();
        this.evalBody(t.body, frame, ctx, () => this.evalTerm(t.head, frame, ctx, (v) => (out.add(v), false)));
        return out;
      }
      case "object": {
        const out = new ObjectBuilder();
        this.evalBody(t.body, frame, ctx, () =>
          this.evalTerm(t.key!, frame, ctx, (key) =>
            this.evalTerm(t.head, frame, ctx, (v) => {
              const prev = out.get(key);
              if (prev !== undefined && !equal(prev, v)) {
                throw new RegoError("eval_conflict_error", "object keys must be unique", this.currentLoc);
              }
              out.set(key, v);
              return false;
            }),
          ),
        );
        return out.build();
      }
    }
  }

  // --- refs ----------------------------------------------------------------------------

  private evalRef(t: Extract<CTerm, { kind: "ref" }>, frame: Frame, ctx: Context, k: KV): boolean {
    switch (t.root) {
      case "input":
        return ctx.input === undefined ? false : this.walkValue(ctx.input, t.ops, 0, frame, ctx, k);
      case "data":
        return this.walkData(t.ops, 0, this.root, this.data, ctx.overrides, frame, ctx, k);
      case "term":
        return this.evalTerm(t.head!, frame, ctx, (h) => this.walkValue(h, t.ops, 0, frame, ctx, k));
    }
  }

  // Follows ref operands into a value; unbound operands iterate.
  private walkValue(v: Value, ops: readonly CTerm[], i: number, frame: Frame, ctx: Context, k: KV): boolean {
    if (i === ops.length) return k(v);
    const op = ops[i]!;
    if (op.kind === "var") {
      const key = frame[op.slot];
      if (key !== undefined) {
        const child = lookup(v, key);
        return child === undefined ? false : this.walkValue(child, ops, i + 1, frame, ctx, k);
      }
      return forEachMember(v, (key2, child) => {
        frame[op.slot] = key2;
        const r = this.walkValue(child, ops, i + 1, frame, ctx, k);
        frame[op.slot] = undefined;
        return r;
      });
    }
    if (op.kind === "const") {
      const child = lookup(v, op.value);
      return child === undefined ? false : this.walkValue(child, ops, i + 1, frame, ctx, k);
    }
    if (this.bound(op, frame)) {
      return this.evalTerm(op, frame, ctx, (key) => {
        const child = lookup(v, key);
        return child === undefined ? false : this.walkValue(child, ops, i + 1, frame, ctx, k);
      });
    }
    return forEachMember(v, (key, child) => this.unifyValue(op, key, frame, ctx, () => this.walkValue(child, ops, i + 1, frame, ctx, k)));
  }

  // Follows ref operands through the data tree: base documents, rules, and `with` overrides.
  private walkData(
    ops: readonly CTerm[],
    i: number,
    node: RuleNode | undefined,
    base: Value | undefined,
    override: OverrideNode | undefined,
    frame: Frame,
    ctx: Context,
    k: KV,
  ): boolean {
    if (override?.value !== undefined) return this.walkValue(override.value, ops, i, frame, ctx, k);
    if (node === undefined && override === undefined) {
      return base === undefined ? false : this.walkValue(base, ops, i, frame, ctx, k);
    }
    if (node && node.isRuleNode) {
      // Where a base document and a rule define the same path, OPA reads the base document.
      const v = base !== undefined ? base : this.nodeValue(node, ctx);
      return v === undefined ? false : this.walkValue(v, ops, i, frame, ctx, k);
    }
    if (node && node.isFunction) return false;
    if (i === ops.length) {
      const v = this.materialize(node, base, override, ctx);
      return v === undefined ? false : k(v);
    }
    const step = (key: Value): boolean => {
      const child = typeof key === "string" ? node?.children.get(key) : undefined;
      const childBase = base === undefined ? undefined : lookup(base, key);
      const childOverride = typeof key === "string" ? override?.children.get(key) : undefined;
      if (child === undefined && childOverride === undefined) {
        return childBase === undefined ? false : this.walkValue(childBase, ops, i + 1, frame, ctx, k);
      }
      return this.walkData(ops, i + 1, child, childBase, childOverride, frame, ctx, k);
    };
    const op = ops[i]!;
    if (this.bound(op, frame)) return this.evalTerm(op, frame, ctx, step);
    // Iterate over every key this level has.
    const keys = new Set<string>();
    const others: Value[] = [];
    if (node) for (const [name, c] of node.children) if (c.hasRules) keys.add(name);
    if (override) for (const name of override.children.keys()) keys.add(name);
    if (base !== undefined) {
      forEachMember(base, (key) => {
        if (typeof key === "string") keys.add(key);
        else others.push(key);
        return false;
      });
    }
    for (const key of [...keys, ...others]) {
      if (this.unifyValue(op, key, frame, ctx, () => step(key))) return true;
    }
    return false;
  }

  // The value of a part of the data tree that is not itself a rule: base data merged with the
  // values of the rules below it.
  private materialize(node: RuleNode | undefined, base: Value | undefined, override: OverrideNode | undefined, ctx: Context): Value | undefined {
    if (override?.value !== undefined) return override.value;
    if (node?.isRuleNode) return this.nodeValue(node, ctx);
    if (node?.isFunction) return undefined;
    if (!node && !override) return base;
    if (base !== undefined && !isObject(base)) return base;
    const b = new ObjectBuilder();
    if (node) {
      for (const [name, child] of node.children) {
        if (!child.hasRules) continue;
        const v = this.materialize(child, base === undefined ? undefined : lookup(base, name), override?.children.get(name), ctx);
        if (v !== undefined) b.set(name, v);
      }
    }
    if (override) {
      for (const [name, o] of override.children) {
        if (node?.children.get(name)?.hasRules) continue;
        const v = this.materialize(undefined, base === undefined ? undefined : lookup(base, name), o, ctx);
        if (v !== undefined) b.set(name, v);
      }
    }
    // Base documents win over rules at the same path (see walkData).
    if (base !== undefined) {
      forEachEntry(base as ObjectValue, (key, v) => {
        if (!(typeof key === "string" && override?.children.has(key))) b.set(key, v);
      });
    }
    return b.build();
  }

  // --- rules ---------------------------------------------------------------------------

  nodeValue(node: RuleNode, ctx: Context): Value | undefined {
    if (ctx.cache.has(node)) return ctx.cache.get(node);
    const v = node.complete.length > 0 || node.defaultRule ? this.evalComplete(node, ctx) : this.evalDynamic(node, ctx);
    ctx.cache.set(node, v);
    return v;
  }

  private withRule<T>(rule: CRule, ctx: Context, fn: (ctx: Context) => T): T {
    if (this.coverage) this.coverage.add(`${rule.loc.file}:${rule.loc.row}`);
    const saved = this.currentRule;
    this.currentRule = rule;
    try {
      return fn(ctx);
    } finally {
      this.currentRule = saved;
    }
  }

  private evalComplete(node: RuleNode, ctx: Context): Value | undefined {
    return this.singleValue(node, node.complete, node.defaultRule, ctx, undefined);
  }

  // The one value of complete rules, or of function definitions for the given arguments. Of an
  // else chain, the first member whose body succeeds gives the values; different values
  // conflict; with none, the default.
  //
  // The state of each evaluation in progress sits on a stack, so the solution callbacks are
  // allocated once per evaluator rather than once per call: rule values are computed eagerly,
  // so when a body reaches its end every nested evaluation it started has returned.
  private singleValue(node: RuleNode, rules: readonly CRule[], fallback: CRule | undefined, ctx: Context, args: Value[] | undefined): Value | undefined {
    const state: SingleValue = { node, isFunction: args !== undefined, rule: rules[0] ?? fallback!, frame: [], ctx, result: undefined, found: false };
    this.singleValues.push(state);
    const saved = this.currentRule;
    try {
      for (const first of rules) {
        for (let r: CRule | undefined = first; r; r = r.elseRule) {
          state.rule = r;
          state.found = false;
          this.currentRule = r;
          if (this.coverage) this.coverage.add(`${r.loc.file}:${r.loc.row}`);
          const frame: Frame = new Array(r.slots);
          state.frame = frame;
          const body = r.body;
          if (args === undefined || this.bindParams(r.args, args, frame)) this.evalBody(body, frame, ctx, this.onSingleSolution);
          else this.unifyArgs(r.args, args, 0, frame, ctx, () => this.evalBody(body, frame, ctx, this.onSingleSolution));
          if (state.found) break;
        }
      }
    } finally {
      this.currentRule = saved;
      this.singleValues.pop();
    }
    if (state.result === undefined && fallback) {
      this.evalTerm(fallback.value, new Array(fallback.slots), ctx, (v) => {
        state.result = v;
        return true;
      });
    }
    return state.result;
  }

  private readonly singleValues: SingleValue[] = [];

  private readonly onSingleValue: KV = (v) => {
    const s = this.singleValues[this.singleValues.length - 1]!;
    s.found = true;
    if (s.result === undefined) s.result = v;
    else if (!equal(s.result, v)) {
      throw new RegoError(
        "eval_conflict_error",
        s.isFunction ? `function ${s.node.name} produced conflicting values for the same inputs` : `rule ${s.node.name} produced conflicting values`,
        s.rule.loc,
      );
    }
    return s.rule.constantValue;
  };

  private readonly onSingleSolution: K = () => {
    const s = this.singleValues[this.singleValues.length - 1]!;
    return this.evalTerm(s.rule.value, s.frame, s.ctx, this.onSingleValue);
  };

  // Multi-value rules and rules with dynamic ref heads: the node's whole extent.
  private evalDynamic(node: RuleNode, ctx: Context): Value | undefined {
    const isSet = node.dynamic.length > 0 && node.dynamic.every((r) => r.kind === "multi" && r.suffix.length === 0);
    if (isSet) {
      const set = new RegoSet();
      for (const rule of node.dynamic) {
        this.withRule(rule, ctx, () => {
          const frame: Frame = new Array(rule.slots);
          this.evalBody(rule.body, frame, ctx, () => this.evalTerm(rule.key!, frame, ctx, (v) => (set.add(v), false)));
        });
      }
      return set;
    }
    const tree = new MutableTree();
    for (const first of node.dynamic) {
      for (let r: CRule | undefined = first; r; r = r.elseRule) {
        const rule = r;
        let found = false;
        this.withRule(rule, ctx, () => {
          const frame: Frame = new Array(rule.slots);
          const name = node.name;
          const multi = rule.kind === "multi";
          const leafTerm = multi ? rule.key! : rule.value;
          const onKeys = (keys: Value[]) =>
            this.evalTerm(leafTerm, frame, ctx, (v) => {
              found = true;
              tree.insert(name, keys, v, multi, rule.loc);
              return false;
            });
          const suffix = rule.suffix;
          this.evalBody(rule.body, frame, ctx, () => {
            // Keys with one value each (the common case) without continuations.
            const keys: Value[] = new Array(suffix.length);
            for (let i = 0; i < suffix.length; i++) {
              const k = this.direct(suffix[i]!, frame, ctx);
              if (k === undefined) return false;
              if (k === ITERATE) return this.evalList(suffix, 0, [], frame, ctx, onKeys);
              keys[i] = k;
            }
            return onKeys(keys);
          });
        });
        if (found) break;
      }
    }
    for (const [name, child] of node.children) {
      if (!child.hasRules) continue;
      const base = this.dataAt(node.path);
      const v = this.materialize(child, base === undefined ? undefined : lookup(base, name), undefined, ctx);
      if (v !== undefined) tree.merge(node.name, name, v);
    }
    return tree.build();
  }

  private dataAt(path: readonly string[]): Value | undefined {
    let v: Value | undefined = this.data;
    for (const p of path) {
      if (v === undefined) return undefined;
      v = lookup(v, p);
    }
    return v;
  }

  // --- calls ---------------------------------------------------------------------------

  private callWith(lit: Extract<CLiteral, { kind: "call" }>, args: Value[], frame: Frame, ctx: Context, next: K): boolean {
    this.currentLoc = lit.loc;
    const target = lit.target;
    let result: Value | undefined;
    if (ctx.functions === undefined && target.kind === "builtin" && !target.builtin.relation) {
      // The common case, without a `with` replacement in force.
      result = this.callBuiltin(target.builtin, args, lit.loc);
    } else {
      const override = ctx.functions?.get(targetName(target));
      let results: Relation | undefined;
      if (override) {
        if ("value" in override) result = override.value;
        // A replacement runs without the replacements: a mock may call the original.
        else ({ result, results } = this.invoke(override.target, args, this.withoutMocks(ctx), lit.loc));
      } else ({ result, results } = this.invoke(target, args, ctx, lit.loc));
      if (results) {
        const out = lit.out;
        if (!out) return results(() => true) ? next() : false;
        return results((r) => this.unifyValue(out, r, frame, ctx, next));
      }
    }
    if (result === undefined) return false;
    if (lit.out) return this.unifyValue(lit.out, result, frame, ctx, next);
    return result === false ? false : next();
  }

  private invoke(target: CallTarget, args: Value[], ctx: Context, loc: Location): { result?: Value; results?: Relation } {
    if (target.kind === "function") return { result: this.callFunction(target.node, args, ctx) };
    if (target.kind === "print") return { result: true };
    const b = target.builtin;
    if (b.relation) {
      const iterate = b.iterate;
      if (iterate) return { results: (visit) => this.guardBuiltin(loc, () => iterate(args, this.builtinContext, visit)) ?? false };
      const all = this.callBuiltin(b, args, loc);
      return { results: (visit) => (all === undefined ? false : (all as Value[]).some(visit)) };
    }
    return { result: this.callBuiltin(b, args, loc) };
  }

  // Runs a builtin's work: its errors are undefined, or eval errors with strictBuiltinErrors.
  // (callBuiltin repeats this without the closure: it is the hot path.)
  private guardBuiltin<T>(loc: Location, work: () => T): T | undefined {
    try {
      return work();
    } catch (e) {
      if (e instanceof BuiltinError) {
        if (this.strict) throw new RegoError(e.code, e.message, loc);
        return undefined;
      }
      throw e;
    }
  }

  private callBuiltin(b: Builtin, args: Value[], loc: Location): Value | undefined {
    try {
      return b.fn(args, this.builtinContext);
    } catch (e) {
      if (e instanceof BuiltinError) {
        if (this.strict) throw new RegoError(e.code, e.message, loc);
        return undefined;
      }
      throw e;
    }
  }

  callFunction(node: RuleNode, args: Value[], ctx: Context): Value | undefined {
    let memo = ctx.functionCache.get(node);
    if (!memo) {
      memo = { root: newMemoLevel(), calls: 0, hits: 0, off: false };
      ctx.functionCache.set(node, memo);
    }
    let level: MemoLevel | undefined;
    const last = args.length - 1;
    if (!memo.off && last >= 0) {
      level = memo.root;
      for (let i = 0; i < last; i++) level = memoLevel(level, args[i]!);
      const hit = memoGet(level, args[last]!);
      if (hit !== MISSING) {
        memo.hits++;
        return hit === UNDEFINED ? undefined : (hit as Value);
      }
    }
    const result = this.singleValue(node, node.functions, node.defaultFunction, ctx, args);
    if (level !== undefined) {
      memoSet(level, args[last]!, result === undefined ? UNDEFINED : result);
      // A function whose arguments rarely repeat gains nothing from the memo and pays for it.
      if (++memo.calls >= MEMO_TRIAL && memo.hits * 8 < memo.calls) {
        memo.off = true;
        memo.root = newMemoLevel();
      }
    }
    return result;
  }

  // Binds parameters that are plain variables (the common case) without continuations.
  // False when a parameter is a pattern or a constant: unifyArgs handles those.
  private bindParams(params: readonly CTerm[], args: Value[], frame: Frame): boolean {
    for (const p of params) if (p.kind !== "var") return false;
    for (let i = 0; i < params.length; i++) {
      const slot = (params[i] as { slot: number }).slot;
      const cur = frame[slot];
      if (cur !== undefined && !equal(cur, args[i]!)) return false;
      frame[slot] = args[i];
    }
    return true;
  }

  private unifyArgs(params: readonly CTerm[], args: Value[], i: number, frame: Frame, ctx: Context, k: K): boolean {
    if (i === params.length) return k();
    return this.unifyValue(params[i]!, args[i]!, frame, ctx, () => this.unifyArgs(params, args, i + 1, frame, ctx, k));
  }

  private evalPrint(lit: Extract<CLiteral, { kind: "call" }>, frame: Frame, ctx: Context, next: K): boolean {
    const parts: string[] = [];
    for (const a of lit.args) {
      let text = "<undefined>";
      try {
        this.evalTerm(a, frame, ctx, (v) => {
          text = typeof v === "string" ? v : formatValue(v);
          return true;
        });
      } catch (e) {
        if (!(e instanceof RegoError)) throw e;
      }
      parts.push(text);
    }
    this.builtinContext.print(lit.loc, parts.join(" "));
    return next();
  }

  // --- with ----------------------------------------------------------------------------

  private withoutMocks(ctx: Context): Context {
    return { ...ctx, functions: undefined, cache: new Map(), functionCache: new Map() };
  }

  private applyWith(mods: readonly CWith[], frame: Frame, ctx: Context): Context | undefined {
    let input = ctx.input;
    let overrides = ctx.overrides;
    let functions = ctx.functions;
    for (const m of mods) {
      let value: Value | undefined;
      this.evalTerm(m.value, frame, ctx, (v) => {
        value = v;
        return true;
      });
      if (m.kind === "function") {
        const f = new Map(functions ?? []);
        if (m.replacement) f.set(m.functionName!, { target: m.replacement });
        else if (value !== undefined) f.set(m.functionName!, { value });
        else return undefined;
        functions = f;
        continue;
      }
      if (value === undefined) return undefined;
      if (m.kind === "input") input = m.path.length === 0 ? value : setPath(input, m.path, value);
      else overrides = addOverride(overrides, m.path, value);
    }
    return { input, overrides, functions, cache: new Map(), functionCache: new Map(), rule: ctx.rule };
  }

  // --- unification ---------------------------------------------------------------------

  unify(a: CTerm, b: CTerm, frame: Frame, ctx: Context, k: K): boolean {
    if (this.bound(a, frame)) return this.evalTerm(a, frame, ctx, (va) => this.unifyValue(b, va, frame, ctx, k));
    if (this.bound(b, frame)) return this.evalTerm(b, frame, ctx, (vb) => this.unifyValue(a, vb, frame, ctx, k));
    if (a.kind === "array" && b.kind === "array" && a.items.length === b.items.length) {
      return this.unifyPairs(a.items, b.items, 0, frame, ctx, k);
    }
    if (a.kind === "object" && b.kind === "object" && a.entries.length === b.entries.length) {
      const pairs = this.pairEntries(a.entries, b.entries, frame, ctx);
      return pairs ? this.unifyPairs(pairs[0], pairs[1], 0, frame, ctx, k) : false;
    }
    if (a.kind === "ref" && this.refHeadBound(a, frame)) return this.evalTerm(a, frame, ctx, (va) => this.unifyValue(b, va, frame, ctx, k));
    if (b.kind === "ref" && this.refHeadBound(b, frame)) return this.evalTerm(b, frame, ctx, (vb) => this.unifyValue(a, vb, frame, ctx, k));
    return false;
  }

  // Pairs the values of two object patterns by their (bound) keys.
  private pairEntries(
    as: readonly (readonly [CTerm, CTerm])[],
    bs: readonly (readonly [CTerm, CTerm])[],
    frame: Frame,
    ctx: Context,
  ): [CTerm[], CTerm[]] | undefined {
    const keyValue = (t: CTerm): Value | undefined => {
      let out: Value | undefined;
      this.evalTerm(t, frame, ctx, (v) => ((out = v), true));
      return out;
    };
    const left: CTerm[] = [];
    const right: CTerm[] = [];
    const byKey = new Map<string, CTerm>();
    for (const [k, v] of bs) {
      const kv = keyValue(k);
      if (kv === undefined) return undefined;
      byKey.set(keyOf(kv), v);
    }
    for (const [k, v] of as) {
      const kv = keyValue(k);
      const other = kv === undefined ? undefined : byKey.get(keyOf(kv));
      if (!other) return undefined;
      left.push(v);
      right.push(other);
    }
    return [left, right];
  }

  private refHeadBound(t: Extract<CTerm, { kind: "ref" }>, frame: Frame): boolean {
    return !t.head || this.bound(t.head, frame);
  }

  private unifyPairs(as: readonly CTerm[], bs: readonly CTerm[], i: number, frame: Frame, ctx: Context, k: K): boolean {
    if (i === as.length) return k();
    // Unify the pairs that can be unified first; the rest may become bound by them.
    const a = as[i]!;
    const b = bs[i]!;
    if (!this.bound(a, frame) && !this.bound(b, frame)) {
      for (let j = i + 1; j < as.length; j++) {
        if (this.bound(as[j]!, frame) || this.bound(bs[j]!, frame)) {
          const ra = [...as];
          const rb = [...bs];
          [ra[i], ra[j]] = [ra[j]!, ra[i]!];
          [rb[i], rb[j]] = [rb[j]!, rb[i]!];
          return this.unifyPairs(ra, rb, i, frame, ctx, k);
        }
      }
    }
    return this.unify(a, b, frame, ctx, () => this.unifyPairs(as, bs, i + 1, frame, ctx, k));
  }

  // Unifies a term (a pattern, possibly with unbound variables) with a value.
  unifyValue(t: CTerm, v: Value, frame: Frame, ctx: Context, k: K): boolean {
    switch (t.kind) {
      case "const":
        return equal(t.value, v) ? k() : false;
      case "var": {
        const cur = frame[t.slot];
        if (cur !== undefined) return equal(cur, v) ? k() : false;
        frame[t.slot] = v;
        const r = k();
        frame[t.slot] = undefined;
        return r;
      }
      case "array": {
        if (!isArray(v) || v.length !== t.items.length) return false;
        // Items that are variables or constants (`[_, x]`) bind without continuations.
        const items = t.items;
        let simple = true;
        for (let i = 0; i < items.length; i++) {
          const kind = items[i]!.kind;
          if (kind !== "var" && kind !== "const") {
            simple = false;
            break;
          }
        }
        if (!simple) return this.unifyItems(items, v, 0, frame, ctx, k);
        let bound = 0; // bit i: items[i] was bound here (patterns of up to 31 items)
        let ok = items.length <= 31;
        for (let i = 0; ok && i < items.length; i++) {
          const item = items[i]!;
          const x = v[i] as Value;
          if (item.kind === "const") ok = equal(item.value, x);
          else if (item.kind === "var") {
            const cur = frame[item.slot];
            if (cur === undefined) {
              frame[item.slot] = x;
              bound |= 1 << i;
            } else ok = equal(cur, x);
          }
        }
        if (items.length > 31) return this.unifyItems(items, v, 0, frame, ctx, k);
        const r = ok ? k() : false;
        for (let i = 0; i < items.length; i++) if (bound & (1 << i)) frame[(items[i] as { slot: number }).slot] = undefined;
        return r;
      }
      case "object": {
        if (!isObject(v) || objectSize(v) !== t.entries.length) return false;
        return this.unifyEntries(t.entries, v, 0, frame, ctx, k);
      }
      default:
        return this.evalTerm(t, frame, ctx, (tv) => (equal(tv, v) ? k() : false));
    }
  }

  private unifyItems(items: readonly CTerm[], v: readonly Value[], i: number, frame: Frame, ctx: Context, k: K): boolean {
    if (i === items.length) return k();
    return this.unifyValue(items[i]!, v[i]!, frame, ctx, () => this.unifyItems(items, v, i + 1, frame, ctx, k));
  }

  private unifyEntries(entries: readonly (readonly [CTerm, CTerm])[], v: ObjectValue, i: number, frame: Frame, ctx: Context, k: K): boolean {
    if (i === entries.length) return k();
    const [kt, vt] = entries[i]!;
    return this.evalTerm(kt, frame, ctx, (key) => {
      const x = objectGet(v, key);
      return x === undefined ? false : this.unifyValue(vt, x, frame, ctx, () => this.unifyEntries(entries, v, i + 1, frame, ctx, k));
    });
  }
}

// --- helpers ---------------------------------------------------------------------------

// The state of one singleValue evaluation.
interface SingleValue {
  readonly node: RuleNode;
  readonly isFunction: boolean;
  rule: CRule;
  frame: Frame;
  readonly ctx: Context;
  result: Value | undefined;
  found: boolean;
}

// Function results, memoised per function and context in a trie over the arguments: a scalar
// argument is keyed by its value, a composite by its identity. Hashing a whole resource's
// structure on every call costs more than the calls it saves, and policies pass the same
// objects (from input and rule values) again and again; two equal but distinct composites
// simply miss the memo.
interface FunctionMemo {
  root: MemoLevel;
  calls: number; // calls that missed the memo
  hits: number;
  off: boolean;
}

type Memoised = Value | typeof UNDEFINED | MemoLevel;

interface MemoLevel {
  readonly scalars: Map<unknown, Memoised>;
  readonly composites: WeakMap<object, Memoised>;
}

const UNDEFINED: unique symbol = Symbol("undefined result");
const MISSING: unique symbol = Symbol("not memoised");

// Calls after which a memo that hits less than one call in eight is turned off.
const MEMO_TRIAL = 4096;

function newMemoLevel(): MemoLevel {
  return { scalars: new Map(), composites: new WeakMap() };
}

function isComposite(v: Value): v is Exclude<Value, null | boolean | number | string> {
  return typeof v === "object" && v !== null;
}

function memoGet(level: MemoLevel, arg: Value): Memoised | typeof MISSING {
  const m = isComposite(arg) ? level.composites.get(arg) : level.scalars.get(arg);
  return m === undefined ? MISSING : m;
}

function memoSet(level: MemoLevel, arg: Value, v: Value | typeof UNDEFINED): void {
  if (isComposite(arg)) level.composites.set(arg, v);
  else level.scalars.set(arg, v);
}

function memoLevel(level: MemoLevel, arg: Value): MemoLevel {
  const m = memoGet(level, arg);
  if (m !== MISSING) return m as MemoLevel;
  const next = newMemoLevel();
  memoSet(level, arg, next as unknown as Value);
  return next;
}

function targetName(t: CallTarget): string {
  return t.kind === "print" ? "print" : t.name;
}

function setPath(base: Value | undefined, path: readonly string[], value: Value): Value {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const b = new ObjectBuilder();
  const obj = base !== undefined && isObject(base) ? base : undefined;
  if (obj) forEachEntry(obj, (k, v) => void b.set(k, v));
  const child = obj ? objectGet(obj, head) : undefined;
  b.set(head, setPath(child, rest, value));
  return b.build();
}

function addOverride(root: OverrideNode | undefined, path: readonly string[], value: Value): OverrideNode {
  const copy = (n: OverrideNode | undefined): OverrideNode => {
    const c = new OverrideNode();
    if (n) {
      c.value = n.value;
      for (const [k, v] of n.children) c.children.set(k, v);
    }
    return c;
  };
  const top = copy(root);
  let n = top;
  for (const p of path) {
    const c = copy(n.children.get(p));
    n.children.set(p, c);
    n = c;
  }
  n.value = value;
  n.children.clear();
  return top;
}

// The extent of a node with dynamic ref heads, built while its rules are evaluated.
class MutableTree {
  // String keys (nearly all) by themselves; other keys by their hash key.
  private strings = new Map<string, Node>();
  private others: Map<string, { key: Value; value: Node }> | undefined;
  // How many values in `strings` are trees, which build() must build first.
  private trees = 0;
  // Whether a string key looks like an array index (see build).
  private indexKeys = false;
  // build() handed `strings` over to a RegoObject: copy it before writing.
  private shared = false;

  private get(key: Value): Node | undefined {
    return typeof key === "string" ? this.strings.get(key) : this.others?.get(keyOf(key))?.value;
  }

  // `previous` is what get(key) returned.
  private put(key: Value, value: Node, previous: Node | undefined): void {
    if (typeof key !== "string") {
      (this.others ??= new Map()).set(keyOf(key), { key, value });
      return;
    }
    if (this.shared) {
      this.strings = new Map(this.strings);
      this.shared = false;
    }
    if (previous instanceof MutableTree) this.trees--;
    if (value instanceof MutableTree) this.trees++;
    if (!this.indexKeys && ARRAY_INDEX.test(key)) this.indexKeys = true;
    this.strings.set(key, value);
  }

  insert(name: string, keys: readonly Value[], leaf: Value, multi: boolean, loc: Location | undefined): void {
    let level: MutableTree = this;
    const last = keys.length - 1;
    for (let i = 0; i <= last; i++) {
      const key = keys[i]!;
      const existing = level.get(key);
      if (i === last) {
        if (multi) {
          if (existing === undefined) level.put(key, new RegoSet([leaf]), undefined);
          else if (existing instanceof RegoSet) existing.add(leaf);
          else throw conflictError(name, keys, i, loc);
        } else if (existing === undefined) level.put(key, leaf, undefined);
        else {
          const cur = existing instanceof MutableTree ? existing.build() : (existing as Value);
          if (!equal(cur, leaf)) throw conflictError(name, keys, i, loc);
        }
        return;
      }
      let next: MutableTree;
      if (existing === undefined) {
        next = new MutableTree();
        level.put(key, next, undefined);
      } else if (existing instanceof MutableTree) next = existing;
      else if (isObject(existing as Value)) {
        next = MutableTree.from(existing as ObjectValue);
        level.put(key, next, existing);
      } else throw conflictError(name, keys, i, loc);
      level = next;
    }
  }

  // Adds the value of a child node under `key`, merging objects the rules also build.
  merge(name: string, key: string, value: Value): void {
    if (!this.strings.has(key)) {
      this.put(key, value, undefined);
      return;
    }
    if (!isObject(value)) throw new RegoError("eval_conflict_error", `rule ${name}.${key} produced conflicting values`, undefined);
    forEachEntry(value, (k, v) => void this.insert(`${name}.${key}`, [key, k], v, false, undefined));
  }

  static from(o: ObjectValue): MutableTree {
    const t = new MutableTree();
    forEachEntry(o, (k, v) => void t.put(k, v, undefined));
    return t;
  }

  build(): Value {
    if (this.trees > 0) {
      // Trees below become values in place; a later insert there starts from the value.
      for (const [key, v] of this.strings) if (v instanceof MutableTree) this.strings.set(key, v.build());
      this.trees = 0;
    }
    const others = this.others?.size ?? 0;
    // A large string-keyed object keeps its map (no copy, and fast lookups of computed keys);
    // keys like array indexes iterate first in a plain object, so those stay plain.
    if (others === 0 && this.strings.size >= MAP_OBJECT_SIZE && !this.indexKeys) {
      this.shared = true;
      return RegoObject.ofStrings(this.strings as Map<string, Value>);
    }
    const b = new ObjectBuilder();
    for (const [key, value] of this.strings) b.set(key, value as Value);
    if (others > 0) for (const { key, value } of this.others!.values()) b.set(key, value instanceof MutableTree ? value.build() : (value as Value));
    return b.build();
  }
}

const MAP_OBJECT_SIZE = 64;
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

type Node = MutableTree | RegoSet | Value;

// The path is spelled out only for the error message.
function conflictError(name: string, keys: readonly Value[], depth: number, loc: Location | undefined): RegoError {
  const path = keys
    .slice(0, depth + 1)
    .map((k) => (typeof k === "string" ? `.${k}` : `[${formatValue(k)}]`))
    .join("");
  return new RegoError("eval_conflict_error", `rule ${name}${path} produced conflicting values`, loc);
}

