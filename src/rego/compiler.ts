// The compiler: turns parsed modules into the rule tree the evaluator runs, after OPA's
// checks — conflicting rule kinds, unsafe variables, recursion, undefined functions and
// arity — each reported with OPA's error code and the rule's location.

import { AnnotationSet, type AnnotationCache } from "./annotations.js";
import type { Module, Rule, Term } from "./ast.js";
import { BUILTINS, REFUSED_BUILTINS } from "./builtins/index.js";
import type { Builtin } from "./builtins/registry.js";
import { BodyCompiler, findNode, type ModuleScope } from "./compile-body.js";
import { RegoError, type RegoErrorDetail } from "./errors.js";
import { RuleNode, type CBody, type CLiteral, type CRule, type CTerm } from "./ir.js";
import type { Location } from "./location.js";

export interface CompileOptions {
  // Extra or replacement builtins (tests, hosts).
  readonly builtins?: ReadonlyMap<string, Builtin>;
  // METADATA blocks parsed before, by their text.
  readonly annotationCache?: AnnotationCache;
}

export interface CompiledPolicy {
  readonly root: RuleNode;
  readonly modules: readonly Module[];
  readonly builtins: ReadonlyMap<string, Builtin>;
  readonly annotations: AnnotationSet;
}

interface PendingRule {
  readonly rule: Rule;
  readonly module: Module;
  readonly node: RuleNode;
  readonly suffix: readonly Term[];
}

export function compileModules(modules: readonly Module[], options: CompileOptions = {}): CompiledPolicy {
  const builtins = options.builtins ? new Map([...BUILTINS, ...options.builtins]) : BUILTINS;
  const annotations = new AnnotationSet(modules, options.annotationCache);
  const errors: RegoErrorDetail[] = [];
  const root = new RuleNode([]);

  // Rule names per package, across its modules.
  const ruleNames = new Map<string, Set<string>>();
  const pending: PendingRule[] = [];
  for (const m of modules) {
    const pkg = m.package.path.join(".");
    const names = ruleNames.get(pkg) ?? new Set<string>();
    ruleNames.set(pkg, names);
    for (const rule of m.rules) {
      const first = rule.head.ref[0]!;
      const name = first.type === "var" ? first.name : "";
      names.add(name);
      // The node path: package, rule name, then the leading string keys of a ref head.
      const path = [...m.package.path, name];
      let i = 1;
      for (; i < rule.head.ref.length; i++) {
        const t = rule.head.ref[i]!;
        if (t.type !== "scalar" || typeof t.value !== "string") break;
        path.push(t.value);
      }
      let node = root;
      node.hasRules = true;
      for (const p of path) {
        node = node.child(p);
        node.hasRules = true;
      }
      const suffix = rule.head.ref.slice(i);
      if (rule.head.kind === "function") {
        const arity = rule.head.args?.length ?? 0;
        if (node.functionArity !== undefined && node.functionArity !== arity) {
          errors.push({ code: "rego_type_error", message: `conflicting rules ${node.name} found`, location: rule.loc });
        }
        node.functionArity = arity;
      }
      pending.push({ rule, module: m, node, suffix });
    }
  }

  checkConflicts(pending, errors);
  if (errors.length > 0) throw RegoError.of(errors);

  // Compile bodies now that every rule and function is known.
  for (const p of pending) {
    const scope: ModuleScope = {
      packagePath: p.module.package.path,
      imports: p.module.imports,
      ruleNames: ruleNames.get(p.module.package.path.join("."))!,
      root,
      builtins,
      refused: REFUSED_BUILTINS,
    };
    const compiled = compileRule(p.rule, p.rule, p.node, p.suffix, scope, errors);
    if (!compiled) continue;
    const { node } = p;
    if (compiled.kind === "function") {
      if (compiled.isDefault) node.defaultFunction = compiled;
      else node.functions.push(compiled);
    } else if (compiled.isDefault) node.defaultRule = compiled;
    else if (compiled.kind === "complete" && compiled.suffix.length === 0) node.complete.push(compiled);
    else node.dynamic.push(compiled);
  }
  if (errors.length > 0) throw RegoError.of(errors);

  checkRecursion(root, errors);
  if (errors.length > 0) throw RegoError.of(errors);
  return { root, modules, builtins, annotations };
}

function checkConflicts(pending: readonly PendingRule[], errors: RegoErrorDetail[]): void {
  const byNode = new Map<RuleNode, PendingRule[]>();
  for (const p of pending) {
    const list = byNode.get(p.node) ?? [];
    list.push(p);
    byNode.set(p.node, list);
  }
  for (const [node, rules] of byNode) {
    const kinds = new Set(
      rules.map((r) =>
        r.rule.head.kind === "function"
          ? "function"
          : r.rule.head.kind === "multi" && r.suffix.length === 0
            ? "set"
            : r.suffix.length > 0
              ? "object"
              : "complete",
      ),
    );
    if (kinds.size > 1) {
      errors.push({ code: "rego_type_error", message: `conflicting rules ${node.name} found`, location: rules[0]!.rule.loc });
      continue;
    }
    const defaults = rules.filter((r) => r.rule.isDefault);
    if (defaults.length > 1) {
      errors.push({ code: "rego_type_error", message: `multiple default rules ${node.name} found`, location: defaults[1]!.rule.loc });
    }
    const kind = [...kinds][0];
    if ((kind === "complete" || kind === "function" || kind === "set") && [...node.children.values()].some((c) => c.hasRules)) {
      const below = [...node.children.values()].filter((c) => c.hasRules).map((c) => c.name);
      errors.push({
        code: "rego_type_error",
        message: `rule ${node.name} conflicts with [${below.join(" ")}]`,
        location: rules[0]!.rule.loc,
      });
    }
  }
}

function compileRule(
  rule: Rule,
  source: Rule, // the first rule of an else chain
  node: RuleNode,
  suffixTerms: readonly Term[],
  scope: ModuleScope,
  errors: RegoErrorDetail[],
): CRule | undefined {
  const bc = new BodyCompiler(scope);
  const headPre: CLiteral[] = [];
  // Function parameters are bound by the call.
  const args: CTerm[] = [];
  for (const a of rule.head.args ?? []) {
    declareArgs(a, bc);
    args.push(bc.term(a, bc.top, headPre));
  }
  const lits = bc.literals(rule.body, bc.top);
  const suffix = suffixTerms.map((t) => bc.term(t, bc.top, headPre));
  const key = rule.head.key ? bc.term(rule.head.key, bc.top, headPre) : undefined;
  const value: CTerm = rule.head.value ? bc.term(rule.head.value, bc.top, headPre) : { kind: "const", value: true };
  const all = [...lits, ...headPre];
  const counts = bc.countOccurrences(all, [...args, ...suffix, key, value]);
  const safe = new Set<number>();
  for (const a of args) collectSlots(a, safe);
  const body = bc.order(all, safe, counts, rule.loc);
  for (const t of [...suffix, key, value]) {
    if (!t) continue;
    for (const s of inputSlots(t)) {
      if (!safe.has(s.slot)) bc.errors.push({ code: "rego_unsafe_var_error", message: `var ${s.name} is unsafe`, location: rule.loc });
    }
  }
  errors.push(...dedupe(bc.errors, rule.loc));
  if (bc.errors.length > 0) return undefined;
  const elseRule = rule.elseRule ? compileRule(rule.elseRule, source, node, suffixTerms, scope, errors) : undefined;
  return {
    kind: rule.head.kind,
    path: node.name,
    suffix,
    key,
    value,
    args,
    body,
    slots: bc.slotCount,
    isDefault: rule.isDefault,
    constantValue: value.kind === "const" && ((suffix.length === 0 && rule.head.kind === "complete") || rule.head.kind === "function"),
    elseRule,
    loc: rule.loc,
    source,
    packagePath: scope.packagePath,
  };
}

function dedupe(errors: readonly RegoErrorDetail[], loc: Location): RegoErrorDetail[] {
  const seen = new Set<string>();
  const out: RegoErrorDetail[] = [];
  for (const e of errors) {
    const withLoc = e.location && e.location.row > 0 ? e : { ...e, location: loc };
    const k = `${withLoc.code}:${withLoc.message}:${withLoc.location?.row}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(withLoc);
  }
  return out;
}

function declareArgs(t: Term, bc: BodyCompiler): void {
  switch (t.type) {
    case "var":
      if (t.name !== "_") bc.declare(t, bc.top, false);
      return;
    case "array":
      t.items.forEach((x) => declareArgs(x, bc));
      return;
    case "object":
      t.entries.forEach(([, v]) => declareArgs(v, bc));
      return;
    default:
      return;
  }
}

function collectSlots(t: CTerm, out: Set<number>): void {
  switch (t.kind) {
    case "var":
      out.add(t.slot);
      return;
    case "array":
    case "set":
      t.items.forEach((x) => collectSlots(x, out));
      return;
    case "object":
      t.entries.forEach(([k, v]) => {
        collectSlots(k, out);
        collectSlots(v, out);
      });
      return;
    case "ref":
      if (t.head) collectSlots(t.head, out);
      t.ops.forEach((x) => collectSlots(x, out));
      return;
    default:
      return;
  }
}

// Variables a term needs bound (not counting ref operands, which iterate).
function inputSlots(t: CTerm): { slot: number; name: string }[] {
  const out: { slot: number; name: string }[] = [];
  const walk = (x: CTerm, inOp: boolean): void => {
    switch (x.kind) {
      case "var":
        if (!inOp) out.push({ slot: x.slot, name: x.name.replace(/\$.*$/, "") });
        return;
      case "array":
      case "set":
        x.items.forEach((y) => walk(y, inOp));
        return;
      case "object":
        x.entries.forEach(([k, v]) => {
          walk(k, inOp);
          walk(v, inOp);
        });
        return;
      case "ref":
        if (x.head) walk(x.head, inOp);
        x.ops.forEach((y) => walk(y, true));
        return;
      default:
        return;
    }
  };
  walk(t, false);
  return out;
}

// --- recursion -------------------------------------------------------------------------

function checkRecursion(root: RuleNode, errors: RegoErrorDetail[]): void {
  const ruleNodes: RuleNode[] = [];
  const collect = (n: RuleNode) => {
    if (n.isRuleNode || n.isFunction) ruleNodes.push(n);
    for (const c of n.children.values()) collect(c);
  };
  collect(root);

  const edges = new Map<RuleNode, Set<RuleNode>>();
  for (const n of ruleNodes) {
    const out = new Set<RuleNode>();
    const rules = [...n.complete, ...n.dynamic, ...n.functions];
    if (n.defaultRule) rules.push(n.defaultRule);
    if (n.defaultFunction) rules.push(n.defaultFunction);
    for (let r of rules) {
      for (let cur: CRule | undefined = r; cur; cur = cur.elseRule) {
        r = cur;
        const terms = [...r.suffix, r.key, r.value, ...r.args];
        for (const t of terms) if (t) termDeps(t, root, out);
        bodyDeps(r.body, root, out);
      }
    }
    edges.set(n, out);
  }

  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<RuleNode, number>();
  const low = new Map<RuleNode, number>();
  const stack: RuleNode[] = [];
  const onStack = new Set<RuleNode>();
  const reported = new Set<RuleNode>();
  const visit = (v: RuleNode): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: RuleNode[] = [];
      let w: RuleNode;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      const selfLoop = comp.length === 1 && edges.get(v)?.has(v);
      if (comp.length > 1 || selfLoop) {
        for (const n of comp) {
          if (reported.has(n)) continue;
          reported.add(n);
          const cycle = cyclePath(n, new Set(comp), edges);
          const rule = n.complete[0] ?? n.dynamic[0] ?? n.functions[0] ?? n.defaultRule ?? n.defaultFunction;
          errors.push({
            code: "rego_recursion_error",
            message: `rule ${n.name} is recursive: ${cycle.map((c) => c.name).join(" -> ")}`,
            location: rule?.loc,
          });
        }
      }
    }
  };
  for (const n of ruleNodes) if (!idx.has(n)) visit(n);
}

function cyclePath(start: RuleNode, comp: Set<RuleNode>, edges: Map<RuleNode, Set<RuleNode>>): RuleNode[] {
  // Breadth-first search back to start within the component.
  const prev = new Map<RuleNode, RuleNode>();
  const queue: RuleNode[] = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let c: RuleNode | undefined = v; c && c !== start; c = prev.get(c)) path.splice(1, 0, c);
        path.push(start);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function subtreeRuleNodes(n: RuleNode, out: Set<RuleNode>): void {
  if (n.isRuleNode || n.isFunction) out.add(n);
  for (const c of n.children.values()) subtreeRuleNodes(c, out);
}

function termDeps(t: CTerm, root: RuleNode, out: Set<RuleNode>): void {
  switch (t.kind) {
    case "ref": {
      if (t.head) termDeps(t.head, root, out);
      t.ops.forEach((o) => termDeps(o, root, out));
      if (t.root !== "data") return;
      let n: RuleNode = root;
      for (const op of t.ops) {
        if (n.isRuleNode || n.isFunction) {
          out.add(n);
          return;
        }
        if (op.kind !== "const" || typeof op.value !== "string") break;
        const c = n.children.get(op.value);
        if (!c) return;
        n = c;
      }
      subtreeRuleNodes(n, out);
      return;
    }
    case "array":
    case "set":
      t.items.forEach((x) => termDeps(x, root, out));
      return;
    case "object":
      t.entries.forEach(([k, v]) => {
        termDeps(k, root, out);
        termDeps(v, root, out);
      });
      return;
    case "comp":
      if (t.key) termDeps(t.key, root, out);
      termDeps(t.head, root, out);
      bodyDeps(t.body, root, out);
      return;
    default:
      return;
  }
}

function bodyDeps(body: CBody, root: RuleNode, out: Set<RuleNode>): void {
  for (const lit of body) {
    switch (lit.kind) {
      case "call":
        if (lit.target.kind === "function") out.add(lit.target.node);
        lit.args.forEach((a) => termDeps(a, root, out));
        if (lit.out) termDeps(lit.out, root, out);
        break;
      case "term":
        termDeps(lit.term, root, out);
        break;
      case "unify":
        termDeps(lit.left, root, out);
        termDeps(lit.right, root, out);
        break;
      case "somein":
        if (lit.key) termDeps(lit.key, root, out);
        termDeps(lit.value, root, out);
        termDeps(lit.collection, root, out);
        break;
      case "every":
        termDeps(lit.domain, root, out);
        bodyDeps(lit.body, root, out);
        break;
      case "not":
        bodyDeps(lit.body, root, out);
        break;
      case "with":
        for (const m of lit.mods) termDeps(m.value, root, out);
        bodyDeps(lit.body, root, out);
        break;
    }
  }
}

export { findNode };
