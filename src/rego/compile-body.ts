// Compiles one rule (or query) body into the evaluator's form:
//  - resolves names: local variables (with := and `some` scoping), rules of the package,
//    imports, `input` and `data`;
//  - hoists nested calls into literals of their own (`x := count(y) + 1` becomes
//    `count(y, $0); plus($0, 1, $1); x = $1`), as OPA's compiler does;
//  - orders each body for safety: a literal runs once the variables it needs are bound
//    (OPA's reordering), and reports the variables no order can bind (rego_unsafe_var_error).

import {
  refName,
  type Body,
  type CallTerm,
  type Import,
  type Literal,
  type Term,
  type VarTerm,
} from "./ast.js";
import type { Builtin } from "./builtins/registry.js";
import type { RegoErrorDetail } from "./errors.js";
import type { CallTarget, CBody, CLiteral, CTerm, CWith, RuleNode } from "./ir.js";
import type { Location } from "./location.js";
import { ObjectBuilder, RegoSet, keyOf, type Value } from "./value.js";

// What names mean inside one module.
export interface ModuleScope {
  readonly packagePath: readonly string[];
  readonly imports: readonly Import[];
  // First names of the rules of this package (across its modules): `p` means data.pkg.p.
  readonly ruleNames: ReadonlySet<string>;
  readonly root: RuleNode;
  readonly builtins: ReadonlyMap<string, Builtin>;
  readonly refused: ReadonlyMap<string, string>;
}

interface VarInfo {
  readonly slot: number;
  readonly name: string; // internal name: user name, `x$2` for a shadowing declaration, `$3` generated
}

class Scope {
  readonly declared = new Map<string, string>(); // user name → internal name
  constructor(readonly parent: Scope | undefined) {}
  lookup(name: string): string | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.declared.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

// Builds the literals of one rule: its frame layout and every nested body.
export class BodyCompiler {
  private readonly vars = new Map<string, VarInfo>();
  private gen = 0;
  readonly errors: RegoErrorDetail[] = [];
  readonly top = new Scope(undefined);
  // Each nested body (comprehension, negation, every, with) and the literals it holds.
  private readonly nested = new WeakMap<object, { slotsInside: Set<number> }>();

  constructor(private readonly mod: ModuleScope) {}

  get slotCount(): number {
    return this.vars.size;
  }

  // User-visible variables of the top scope, for query results.
  queryVars(): { name: string; slot: number }[] {
    const out: { name: string; slot: number }[] = [];
    for (const v of this.vars.values()) if (!v.name.includes("$")) out.push({ name: v.name, slot: v.slot });
    return out;
  }

  private error(code: RegoErrorDetail["code"], message: string, location: Location): void {
    this.errors.push({ code, message, location });
  }

  private slotFor(internal: string): CTerm {
    let v = this.vars.get(internal);
    if (!v) {
      v = { slot: this.vars.size, name: internal };
      this.vars.set(internal, v);
    }
    return { kind: "var", slot: v.slot, name: internal };
  }

  fresh(): CTerm {
    return this.slotFor(`$${this.gen++}`);
  }

  // A wildcard `_`: a fresh variable, named so that rewrites can tell it is never read.
  private wildcard(): CTerm {
    return this.slotFor(`$_${this.gen++}`);
  }

  // Declares a user variable in a scope (:=, some, some … in, every, function args).
  declare(v: VarTerm, scope: Scope, assign: boolean): CTerm {
    if (v.name === "_") return this.wildcard();
    if (assign && scope.declared.has(v.name)) {
      this.error("rego_compile_error", `var ${v.name} assigned above`, v.loc);
    }
    // Top-level declarations keep the user's name (query results report them); a nested
    // scope's declaration is a new variable even when the name occurs outside.
    const internal = scope === this.top ? v.name : `${v.name}$${this.gen++}`;
    scope.declared.set(v.name, internal);
    return this.slotFor(internal);
  }

  private declarePattern(t: Term, scope: Scope, assign: boolean): void {
    switch (t.type) {
      case "var":
        if (t.name !== "_") this.declare(t, scope, assign);
        return;
      case "array":
        for (const x of t.items) this.declarePattern(x, scope, assign);
        return;
      case "object":
        for (const [, x] of t.entries) this.declarePattern(x, scope, assign);
        return;
      default:
        return;
    }
  }

  // --- names -----------------------------------------------------------------------------

  private importFor(name: string): Import | undefined {
    for (const imp of this.mod.imports) {
      const path = imp.path;
      const head = path.type === "var" ? path.name : path.head.type === "var" ? path.head.name : "";
      if (head === "future" || head === "rego") continue;
      const alias = imp.alias ?? lastName(path);
      if (alias === name) return imp;
    }
    return undefined;
  }

  // A name used as a term: a local var, a root document, an import or a rule of the package.
  private resolveName(v: VarTerm, scope: Scope, pre: CLiteral[]): CTerm {
    if (v.name === "_") return this.wildcard();
    const local = scope.lookup(v.name);
    if (local !== undefined) return this.slotFor(local);
    if (v.name === "input") return { kind: "ref", root: "input", head: undefined, ops: [], loc: v.loc };
    if (v.name === "data") return { kind: "ref", root: "data", head: undefined, ops: [], loc: v.loc };
    const imp = this.importFor(v.name);
    if (imp) return this.term(imp.path, this.top, pre);
    if (this.mod.ruleNames.has(v.name)) {
      return {
        kind: "ref",
        root: "data",
        head: undefined,
        ops: [...this.mod.packagePath, v.name].map((s) => ({ kind: "const", value: s })),
        loc: v.loc,
      };
    }
    return this.slotFor(v.name);
  }

  // The dotted name of a called function, with package rules and imports resolved.
  resolveFunctionName(op: Term): string | undefined {
    const name = refName(op);
    if (name === undefined) return undefined;
    const [first, ...rest] = name.split(".");
    if (first === "data") return name;
    if (this.mod.ruleNames.has(first!)) return ["data", ...this.mod.packagePath, first!, ...rest].join(".");
    const imp = this.importFor(first!);
    if (imp) {
      const base = refName(imp.path);
      if (base !== undefined) return [base, ...rest].join(".");
    }
    return name;
  }

  resolveCallTarget(op: Term, loc: Location): CallTarget | undefined {
    const name = this.resolveFunctionName(op);
    if (name === undefined) {
      this.error("rego_type_error", `invalid function name`, loc);
      return undefined;
    }
    if (name === "print") return { kind: "print" };
    if (name.startsWith("data.")) {
      const node = findNode(this.mod.root, name.split(".").slice(1));
      if (node && node.isFunction) return { kind: "function", name, node };
      this.error("rego_type_error", `undefined function ${name}`, loc);
      return undefined;
    }
    const refusal = this.mod.refused.get(name);
    if (refusal) {
      this.error("rego_type_error", `${name}: builtin refused: ${refusal}`, loc);
      return undefined;
    }
    const builtin = this.mod.builtins.get(name);
    if (builtin) return { kind: "builtin", name, builtin };
    this.error("rego_type_error", `undefined function ${name}`, loc);
    return undefined;
  }

  // --- terms ---------------------------------------------------------------------------

  // Compiles a term; calls inside it are hoisted into `pre`.
  term(t: Term, scope: Scope, pre: CLiteral[]): CTerm {
    switch (t.type) {
      case "scalar":
        return { kind: "const", value: t.value };
      case "var":
        return this.resolveName(t, scope, pre);
      case "ref": {
        const head = this.term(t.head, scope, pre);
        const ops = t.path.map((p) => this.term(p, scope, pre));
        if (head.kind === "ref") return { ...head, ops: [...head.ops, ...ops], loc: t.loc };
        return fold({ kind: "ref", root: "term", head, ops, loc: t.loc });
      }
      case "array":
        return fold({ kind: "array", items: t.items.map((x) => this.term(x, scope, pre)) });
      case "set":
        return fold({ kind: "set", items: t.items.map((x) => this.term(x, scope, pre)) });
      case "object":
        return fold({
          kind: "object",
          entries: t.entries.map(([k, v]) => [this.term(k, scope, pre), this.term(v, scope, pre)] as const),
        });
      case "arraycomp":
      case "setcomp":
      case "objectcomp": {
        const inner = new Scope(scope);
        const lits = this.literals(t.body, inner);
        const headPre: CLiteral[] = [];
        const key = t.type === "objectcomp" ? this.term(t.key, inner, headPre) : undefined;
        const head = this.term(t.type === "objectcomp" ? t.value : t.head, inner, headPre);
        const body = [...lits, ...headPre];
        const comp: CTerm = {
          kind: "comp",
          comp: t.type === "arraycomp" ? "array" : t.type === "setcomp" ? "set" : "object",
          key,
          head,
          body,
        };
        return comp;
      }
      case "call": {
        const target = this.resolveCallTarget(t.op, t.loc);
        const args = t.args.map((a) => this.term(a, scope, pre));
        const out = this.fresh();
        if (target) {
          this.checkArity(target, args.length, false, t.loc);
          pre.push({ kind: "call", target, args, out, loc: t.loc });
        }
        return out;
      }
    }
  }

  private checkArity(target: CallTarget, n: number, statement: boolean, loc: Location): void {
    const arity = targetArity(target);
    if (arity === undefined) return;
    if (n === arity || (statement && n === arity + 1)) return;
    const name = target.kind === "print" ? "print" : target.name;
    this.error("rego_type_error", `${name}: arity mismatch: have ${n} operands, want ${arity}`, loc);
  }

  // --- literals ------------------------------------------------------------------------

  literals(body: Body, scope: Scope): CLiteral[] {
    const out: CLiteral[] = [];
    for (const lit of body) this.literal(lit, scope, out);
    return out;
  }

  private literal(lit: Literal, scope: Scope, out: CLiteral[]): void {
    if (lit.with.length > 0) {
      const mods: CWith[] = [];
      for (const w of lit.with) {
        const m = this.withModifier(w.target, w.value, scope, out, w.loc);
        if (m) mods.push(m);
      }
      const inner: CLiteral[] = [];
      this.literalCore(lit, scope, inner);
      out.push({ kind: "with", mods, body: inner, loc: lit.loc });
      return;
    }
    this.literalCore(lit, scope, out);
  }

  private literalCore(lit: Literal, scope: Scope, out: CLiteral[]): void {
    if (lit.negated) {
      const inner: CLiteral[] = [];
      this.expr(lit, new Scope(scope), inner);
      out.push({ kind: "not", body: inner, loc: lit.loc });
      return;
    }
    this.expr(lit, scope, out);
  }

  private expr(lit: Literal, scope: Scope, out: CLiteral[]): void {
    const e = lit.expr;
    const loc = lit.loc;
    switch (e.kind) {
      case "term": {
        if (e.term.type === "call") {
          this.callStatement(e.term, scope, out);
          return;
        }
        const t = this.term(e.term, scope, out);
        out.push({ kind: "term", term: t, loc });
        return;
      }
      case "unify": {
        if (e.right.type === "call" && e.left.type !== "call") {
          const left = this.term(e.left, scope, out);
          this.callInto(e.right, left, scope, out);
          return;
        }
        if (e.left.type === "call" && e.right.type !== "call") {
          const right = this.term(e.right, scope, out);
          this.callInto(e.left, right, scope, out);
          return;
        }
        const left = this.term(e.left, scope, out);
        const right = this.term(e.right, scope, out);
        out.push({ kind: "unify", left, right, loc });
        return;
      }
      case "assign": {
        const pre: CLiteral[] = [];
        // The right-hand side sees the variables as they were before this declaration.
        const rightCall = e.right.type === "call" ? e.right : undefined;
        const right = rightCall ? undefined : this.term(e.right, scope, pre);
        this.checkAssignable(e.left);
        this.declarePattern(e.left, scope, true);
        const left = this.term(e.left, scope, pre);
        out.push(...pre);
        if (rightCall) this.callInto(rightCall, left, scope, out);
        else out.push({ kind: "unify", left, right: right!, loc });
        return;
      }
      case "some":
        for (const v of e.vars) this.declare(v, scope, false);
        return;
      case "group":
        for (const l of e.body) this.literal(l, scope, out);
        return;
      case "somein": {
        const collection = this.term(e.collection, scope, out);
        if (e.key) this.declarePattern(e.key, scope, false);
        this.declarePattern(e.value, scope, false);
        const key = e.key ? this.term(e.key, scope, out) : undefined;
        const value = this.term(e.value, scope, out);
        out.push({ kind: "somein", key, value, collection, loc });
        return;
      }
      case "every": {
        const domain = this.term(e.domain, scope, out);
        const inner = new Scope(scope);
        const key = e.key ? this.declare(e.key, inner, false) : undefined;
        const value = this.declare(e.value, inner, false);
        const body = this.literals(e.body, inner);
        out.push({ kind: "every", key, value, domain, body, loc });
        return;
      }
    }
  }

  private checkAssignable(t: Term): void {
    if (t.type === "var" && (t.name === "input" || t.name === "data")) {
      this.error("rego_compile_error", `cannot assign to ${t.name}`, t.loc);
    }
  }

  private callStatement(c: CallTerm, scope: Scope, out: CLiteral[]): void {
    const target = this.resolveCallTarget(c.op, c.loc);
    const args = c.args.map((a) => this.term(a, scope, out));
    if (!target) return;
    this.checkArity(target, args.length, true, c.loc);
    const arity = targetArity(target);
    if (arity !== undefined && args.length === arity + 1) {
      out.push({ kind: "call", target: this.specialise(target, args[arity]!), args: args.slice(0, arity), out: args[arity], loc: c.loc });
    } else out.push({ kind: "call", target, args, out: undefined, loc: c.loc });
  }

  private callInto(c: CallTerm, result: CTerm, scope: Scope, out: CLiteral[]): void {
    const target = this.resolveCallTarget(c.op, c.loc);
    const args = c.args.map((a) => this.term(a, scope, out));
    if (!target) return;
    this.checkArity(target, args.length, false, c.loc);
    out.push({ kind: "call", target: this.specialise(target, result), args, out: result, loc: c.loc });
  }

  // walk(x, [_, v]) never reads the paths: walk without building them.
  private specialise(target: CallTarget, out: CTerm): CallTarget {
    if (target.kind !== "builtin" || target.name !== "walk") return target;
    if (out.kind !== "array" || out.items.length !== 2) return target;
    const path = out.items[0]!;
    if (path.kind !== "var" || !path.name.startsWith("$_")) return target;
    const builtin = this.mod.builtins.get("internal.walk_values");
    return builtin ? { kind: "builtin", name: "internal.walk_values", builtin } : target;
  }

  private withModifier(target: Term, value: Term, scope: Scope, out: CLiteral[], loc: Location): CWith | undefined {
    const name = refName(target);
    // `with f as g` where g names a function: g is not a value to evaluate.
    const replacement = this.replacementFor(value, scope);
    const val: CTerm = replacement ? { kind: "const", value: null } : this.term(value, scope, out);
    if (target.type === "ref" || target.type === "var") {
      const headName = target.type === "var" ? target.name : target.head.type === "var" ? target.head.name : "";
      if (headName === "input") {
        const path = this.constPath(target.type === "ref" ? target.path : [], loc);
        return path && { kind: "input", path, value: val, loc };
      }
      const fname = this.resolveFunctionName(target);
      if (fname !== undefined && fname.startsWith("data.")) {
        const node = findNode(this.mod.root, fname.split(".").slice(1));
        if (node && node.isFunction) {
          return { kind: "function", path: [], functionName: fname, value: val, replacement, loc };
        }
        return { kind: "data", path: fname.split(".").slice(1), value: val, loc };
      }
      if (headName === "data") {
        const path = this.constPath(target.type === "ref" ? target.path : [], loc);
        return path && { kind: "data", path, value: val, loc };
      }
      if (fname !== undefined && (this.mod.builtins.has(fname) || fname === "print")) {
        return { kind: "function", path: [], functionName: fname, value: val, replacement, loc };
      }
    }
    this.error(
      "rego_compile_error",
      `with keyword target must reference existing input, data, or a function${name ? `: ${name}` : ""}`,
      loc,
    );
    return undefined;
  }

  // A with value naming a function (builtin or user) replaces the function by that one.
  private replacementFor(value: Term, scope: Scope): CallTarget | undefined {
    if (value.type !== "var" && value.type !== "ref") return undefined;
    const head = value.type === "var" ? value : value.head;
    if (head.type !== "var" || scope.lookup(head.name) !== undefined || head.name === "input") return undefined;
    const name = this.resolveFunctionName(value);
    if (name === undefined) return undefined;
    if (name.startsWith("data.")) {
      const node = findNode(this.mod.root, name.split(".").slice(1));
      return node && node.isFunction ? { kind: "function", name, node } : undefined;
    }
    const builtin = this.mod.builtins.get(name);
    return builtin ? { kind: "builtin", name, builtin } : undefined;
  }

  private constPath(path: readonly Term[], loc: Location): string[] | undefined {
    const out: string[] = [];
    for (const p of path) {
      if (p.type !== "scalar" || typeof p.value !== "string") {
        this.error("rego_compile_error", "with keyword target must be a ref with string keys", loc);
        return undefined;
      }
      out.push(p.value);
    }
    return out;
  }

  // --- safety ----------------------------------------------------------------------------

  // Orders a body (and every body nested in it) so each literal's inputs are bound before it
  // runs. `outside` counts, for each slot, its occurrences in the whole rule: a variable of a
  // nested body that also occurs outside it is a closure variable and must be bound first.
  order(body: CBody, safe: Set<number>, counts: Map<number, number>, loc: Location): CLiteral[] {
    const remaining = [...body];
    const out: CLiteral[] = [];
    let progress = true;
    while (remaining.length > 0 && progress) {
      progress = false;
      for (let i = 0; i < remaining.length; ) {
        const lit = remaining[i]!;
        const r = this.tryLiteral(lit, safe, counts);
        if (r) {
          out.push(r.lit);
          for (const s of r.binds) safe.add(s);
          remaining.splice(i, 1);
          progress = true;
        } else i++;
      }
    }
    for (const lit of remaining) {
      const unsafe = new Set<string>();
      for (const s of this.neededVars(lit, counts)) if (!safe.has(s)) unsafe.add(this.nameOf(s));
      const names = [...unsafe].filter((n) => !n.startsWith("$"));
      const shown = names.length > 0 ? names : [...unsafe];
      if (shown.length === 0) shown.push("expression");
      for (const n of shown.sort()) {
        this.error("rego_unsafe_var_error", n === "expression" ? "expression is unsafe" : `var ${userName(n)} is unsafe`, lit.loc ?? loc);
      }
    }
    return out;
  }

  private nameOf(slot: number): string {
    for (const v of this.vars.values()) if (v.slot === slot) return v.name;
    return `$${slot}`;
  }

  // Slots occurring in a term, by role.
  private scan(t: CTerm, acc: { inputs: Set<number>; refOps: Set<number>; comps: CTerm[] }, inRefOp: boolean): void {
    switch (t.kind) {
      case "const":
        return;
      case "var":
        (inRefOp ? acc.refOps : acc.inputs).add(t.slot);
        return;
      case "ref":
        if (t.head) this.scan(t.head, acc, inRefOp);
        for (const op of t.ops) this.scan(op, acc, true);
        return;
      case "array":
      case "set":
        for (const x of t.items) this.scan(x, acc, inRefOp);
        return;
      case "object":
        for (const [k, v] of t.entries) {
          this.scan(k, acc, inRefOp);
          this.scan(v, acc, inRefOp);
        }
        return;
      case "comp":
        acc.comps.push(t);
        return;
    }
  }

  private termVars(t: CTerm): { inputs: Set<number>; refOps: Set<number>; comps: CTerm[] } {
    const acc = { inputs: new Set<number>(), refOps: new Set<number>(), comps: [] as CTerm[] };
    this.scan(t, acc, false);
    // A var both in a ref operand and elsewhere is needed as an input only where it is not
    // bindable; ref operands can bind it.
    return acc;
  }

  // Every slot a nested body mentions (its own and its nested bodies').
  slotsIn(body: CBody): Set<number> {
    const cached = this.nested.get(body);
    if (cached) return cached.slotsInside;
    const s = new Set<number>();
    forEachVar(body, [], (slot) => s.add(slot));
    this.nested.set(body, { slotsInside: s });
    return s;
  }

  // Occurrence counts of every slot in a body, nested bodies included.
  countOccurrences(body: CBody, terms: readonly (CTerm | undefined)[], counts = new Map<number, number>()): Map<number, number> {
    forEachVar(body, terms, (slot) => counts.set(slot, (counts.get(slot) ?? 0) + 1));
    return counts;
  }

  // Closure variables of a nested body: those that occur outside it too.
  private closure(body: CBody, extra: readonly (CTerm | undefined)[], counts: Map<number, number>): Set<number> {
    const inside = this.countOccurrences(body, extra);
    const out = new Set<number>();
    for (const [slot, n] of inside) {
      if ((counts.get(slot) ?? 0) > n && !this.nameOf(slot).startsWith("$")) out.add(slot);
    }
    return out;
  }

  private neededVars(lit: CLiteral, counts: Map<number, number>): Set<number> {
    const need = new Set<number>();
    const addInputs = (t: CTerm | undefined) => {
      if (!t) return;
      const v = this.termVars(t);
      v.inputs.forEach((s) => need.add(s));
      for (const c of v.comps) if (c.kind === "comp") this.closure(c.body, [c.key, c.head], counts).forEach((s) => need.add(s));
    };
    switch (lit.kind) {
      case "call":
        lit.args.forEach(addInputs);
        addInputs(lit.out);
        break;
      case "term":
        addInputs(lit.term);
        break;
      case "unify":
        addInputs(lit.left);
        addInputs(lit.right);
        break;
      case "somein":
        addInputs(lit.collection);
        break;
      case "every":
        addInputs(lit.domain);
        this.closure(lit.body, [lit.key, lit.value], counts).forEach((s) => need.add(s));
        break;
      case "not":
        this.closure(lit.body, [], counts).forEach((s) => need.add(s));
        break;
      case "with":
        for (const s of this.slotsIn(lit.body)) if (!this.nameOf(s).startsWith("$")) need.add(s);
        for (const m of lit.mods) addInputs(m.value);
        break;
    }
    return need;
  }

  // Whether a literal can run with `safe` bound; if so, the literal with its nested bodies
  // ordered, and the slots it binds.
  private tryLiteral(
    lit: CLiteral,
    safe: Set<number>,
    counts: Map<number, number>,
  ): { lit: CLiteral; binds: Set<number> } | undefined {
    const binds = new Set<number>();
    const ready = (t: CTerm | undefined): boolean => {
      if (!t) return true;
      const v = this.termVars(t);
      for (const s of v.inputs) if (!safe.has(s)) return false;
      for (const c of v.comps) {
        if (c.kind !== "comp") continue;
        for (const s of this.closure(c.body, [c.key, c.head], counts)) if (!safe.has(s)) return false;
      }
      v.refOps.forEach((s) => binds.add(s));
      return true;
    };
    switch (lit.kind) {
      case "call": {
        if (!lit.args.every(ready)) return undefined;
        if (lit.out) {
          const p = this.patternBinds(lit.out, safe);
          if (!p) return undefined;
          p.forEach((s) => binds.add(s));
        }
        return { lit: this.orderNested(lit, safe, counts), binds };
      }
      case "term":
        return ready(lit.term) ? { lit: this.orderNested(lit, safe, counts), binds } : undefined;
      case "unify": {
        const b = this.unifyBinds(lit.left, lit.right, safe);
        if (!b) return undefined;
        b.forEach((s) => binds.add(s));
        return { lit: this.orderNested(lit, safe, counts), binds };
      }
      case "somein": {
        if (!ready(lit.collection)) return undefined;
        for (const t of [lit.key, lit.value]) {
          if (!t) continue;
          const p = this.patternBinds(t, safe);
          if (!p) return undefined;
          p.forEach((s) => binds.add(s));
        }
        return { lit: this.orderNested(lit, safe, counts), binds };
      }
      case "every": {
        if (!ready(lit.domain)) return undefined;
        for (const s of this.closure(lit.body, [lit.key, lit.value], counts)) if (!safe.has(s)) return undefined;
        const inner = new Set(safe);
        if (lit.key?.kind === "var") inner.add(lit.key.slot);
        if (lit.value.kind === "var") inner.add(lit.value.slot);
        const body = this.order(lit.body, inner, counts, lit.loc);
        return { lit: { ...lit, body }, binds: new Set() };
      }
      case "not": {
        for (const s of this.closure(lit.body, [], counts)) if (!safe.has(s)) return undefined;
        const body = this.order(lit.body, new Set(safe), counts, lit.loc);
        return { lit: { ...lit, body }, binds: new Set() };
      }
      case "with": {
        for (const m of lit.mods) if (!ready(m.value)) return undefined;
        // The literal under `with` must be able to run now; it may bind variables.
        const trial = new Set(safe);
        const errorsBefore = this.errors.length;
        const body = this.order(lit.body, trial, counts, lit.loc);
        if (this.errors.length > errorsBefore) {
          this.errors.length = errorsBefore;
          return undefined;
        }
        for (const s of trial) if (!safe.has(s)) binds.add(s);
        return { lit: { ...lit, body }, binds };
      }
    }
  }

  // Orders the comprehension bodies inside a literal's terms.
  private orderNested<T extends CLiteral>(lit: T, safe: Set<number>, counts: Map<number, number>): T {
    const fix = (t: CTerm | undefined): CTerm | undefined => (t ? this.orderTerm(t, safe, counts) : t);
    switch (lit.kind) {
      case "call":
        return { ...lit, args: lit.args.map((a) => fix(a)!), out: fix(lit.out) };
      case "term":
        return { ...lit, term: fix(lit.term)! };
      case "unify":
        return { ...lit, left: fix(lit.left)!, right: fix(lit.right)! };
      case "somein":
        return { ...lit, collection: fix(lit.collection)!, key: fix(lit.key), value: fix(lit.value)! };
      default:
        return lit;
    }
  }

  private orderTerm(t: CTerm, safe: Set<number>, counts: Map<number, number>): CTerm {
    switch (t.kind) {
      case "comp": {
        const inner = new Set(safe);
        for (const s of this.closure(t.body, [t.key, t.head], counts)) inner.add(s);
        const body = this.order(t.body, inner, counts, { file: "", row: 0, col: 0 });
        // The head must be bound by the body.
        for (const h of [t.key, t.head]) {
          if (!h) continue;
          for (const s of this.termVars(h).inputs) {
            if (!inner.has(s)) this.errors.push({ code: "rego_unsafe_var_error", message: `var ${userName(this.nameOf(s))} is unsafe` });
          }
        }
        return { ...t, body };
      }
      case "ref":
        return { ...t, head: t.head && this.orderTerm(t.head, safe, counts), ops: t.ops.map((o) => this.orderTerm(o, safe, counts)) };
      case "array":
      case "set":
        return { ...t, items: t.items.map((x) => this.orderTerm(x, safe, counts)) };
      case "object":
        return { ...t, entries: t.entries.map(([k, v]) => [this.orderTerm(k, safe, counts), this.orderTerm(v, safe, counts)] as const) };
      default:
        return t;
    }
  }

  // Slots a term binds when unified with a known value, or undefined when it cannot (a set
  // pattern or a ref head whose variables are not bound yet).
  private patternBinds(t: CTerm, safe: Set<number>): Set<number> | undefined {
    const out = new Set<number>();
    const walk = (x: CTerm): boolean => {
      switch (x.kind) {
        case "const":
          return true;
        case "var":
          if (!safe.has(x.slot)) out.add(x.slot);
          return true;
        case "array":
          return x.items.every(walk);
        case "object":
          return x.entries.every(([k, v]) => this.evaluable(k, safe) && walk(v));
        default: {
          if (!this.evaluable(x, safe)) return false;
          this.termVars(x).refOps.forEach((s) => out.add(s));
          return true;
        }
      }
    };
    return walk(t) ? out : undefined;
  }

  private evaluable(t: CTerm, safe: Set<number>): boolean {
    const v = this.termVars(t);
    for (const s of v.inputs) if (!safe.has(s)) return false;
    return true;
  }

  private unifyBinds(a: CTerm, b: CTerm, safe: Set<number>): Set<number> | undefined {
    if (this.evaluable(a, safe)) {
      const p = this.patternBinds(b, safe);
      if (!p) return undefined;
      this.termVars(a).refOps.forEach((s) => p.add(s));
      return p;
    }
    if (this.evaluable(b, safe)) {
      const p = this.patternBinds(a, safe);
      if (!p) return undefined;
      this.termVars(b).refOps.forEach((s) => p.add(s));
      return p;
    }
    if (a.kind === "array" && b.kind === "array" && a.items.length === b.items.length) {
      const local = new Set(safe);
      const binds = new Set<number>();
      const pending = a.items.map((x, i) => [x, b.items[i]!] as const);
      let progress = true;
      while (pending.length > 0 && progress) {
        progress = false;
        for (let i = 0; i < pending.length; ) {
          const [x, y] = pending[i]!;
          const r = this.unifyBinds(x, y, local);
          if (r) {
            r.forEach((s) => {
              binds.add(s);
              local.add(s);
            });
            pending.splice(i, 1);
            progress = true;
          } else i++;
        }
      }
      return pending.length === 0 ? binds : undefined;
    }
    if (a.kind === "object" && b.kind === "object" && a.entries.length === b.entries.length) {
      const keyOfConst = (t: CTerm) => (t.kind === "const" ? keyOf(t.value) : undefined);
      const right = new Map<string, CTerm>();
      for (const [k, v] of b.entries) {
        const key = keyOfConst(k);
        if (key === undefined) return undefined;
        right.set(key, v);
      }
      const pairs: [CTerm[], CTerm[]] = [[], []];
      for (const [k, v] of a.entries) {
        const key = keyOfConst(k);
        const other = key === undefined ? undefined : right.get(key);
        if (!other) return undefined;
        pairs[0].push(v);
        pairs[1].push(other);
      }
      return this.unifyBinds({ kind: "array", items: pairs[0] }, { kind: "array", items: pairs[1] }, safe);
    }
    return undefined;
  }
}

// Calls fn for every occurrence of a variable in the terms and the body, nested bodies included.
function forEachVar(body: CBody, terms: readonly (CTerm | undefined)[], fn: (slot: number) => void): void {
  const term = (t: CTerm | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case "var":
        fn(t.slot);
        return;
      case "ref":
        term(t.head);
        t.ops.forEach(term);
        return;
      case "array":
      case "set":
        t.items.forEach(term);
        return;
      case "object":
        for (const [k, v] of t.entries) {
          term(k);
          term(v);
        }
        return;
      case "comp":
        term(t.key);
        term(t.head);
        forEachVar(t.body, [], fn);
        return;
      default:
        return;
    }
  };
  terms.forEach(term);
  for (const lit of body) forEachLiteralTerm(lit, term, (b) => forEachVar(b, [], fn));
}

// Calls addTerm for each term of a literal and nested for each nested body.
function forEachLiteralTerm(lit: CLiteral, addTerm: (t: CTerm | undefined) => void, nested: (b: CBody) => void): void {
  switch (lit.kind) {
    case "call":
      lit.args.forEach(addTerm);
      addTerm(lit.out);
      return;
    case "term":
      addTerm(lit.term);
      return;
    case "unify":
      addTerm(lit.left);
      addTerm(lit.right);
      return;
    case "somein":
      addTerm(lit.key);
      addTerm(lit.value);
      addTerm(lit.collection);
      return;
    case "every":
      addTerm(lit.key);
      addTerm(lit.value);
      addTerm(lit.domain);
      nested(lit.body);
      return;
    case "not":
      nested(lit.body);
      return;
    case "with":
      for (const m of lit.mods) addTerm(m.value);
      nested(lit.body);
      return;
  }
}

function targetArity(target: CallTarget): number | undefined {
  if (target.kind === "print") return undefined;
  if (target.kind === "builtin") return target.builtin.arity === "variadic" ? undefined : target.builtin.arity;
  return target.node.functionArity;
}

export function userName(internal: string): string {
  const i = internal.indexOf("$");
  return i > 0 ? internal.slice(0, i) : internal;
}

function lastName(path: Term): string | undefined {
  if (path.type === "var") return path.name;
  if (path.type !== "ref") return undefined;
  const last = path.path[path.path.length - 1];
  if (!last) return path.head.type === "var" ? path.head.name : undefined;
  return last.type === "scalar" && typeof last.value === "string" ? last.value : undefined;
}

export function findNode(root: RuleNode, path: readonly string[]): RuleNode | undefined {
  let n: RuleNode | undefined = root;
  for (const p of path) {
    n = n.children.get(p);
    if (!n) return undefined;
  }
  return n;
}

// Composite terms whose parts are all constants become one constant.
function fold(t: CTerm): CTerm {
  switch (t.kind) {
    case "array":
      if (t.items.every((x) => x.kind === "const")) {
        return { kind: "const", value: t.items.map((x) => (x as { value: Value }).value) };
      }
      return t;
    case "set":
      if (t.items.every((x) => x.kind === "const")) {
        return { kind: "const", value: new RegoSet(t.items.map((x) => (x as { value: Value }).value)) };
      }
      return t;
    case "object":
      if (t.entries.every(([k, v]) => k.kind === "const" && v.kind === "const")) {
        const b = new ObjectBuilder();
        for (const [k, v] of t.entries) b.set((k as { value: Value }).value, (v as { value: Value }).value);
        return { kind: "const", value: b.build() };
      }
      return t;
    default:
      return t;
  }
}

