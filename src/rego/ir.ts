// The compiled form the evaluator runs: variables resolved to frame slots, nested calls
// hoisted into literals of their own, body literals ordered for safety, rule refs resolved
// to nodes of the rule tree.

import type { Rule } from "./ast.js";
import type { Builtin } from "./builtins/registry.js";
import type { Location } from "./location.js";
import type { Value } from "./value.js";

export type CTerm =
  | { readonly kind: "const"; readonly value: Value }
  | { readonly kind: "var"; readonly slot: number; readonly name: string }
  | CRef
  | { readonly kind: "array"; readonly items: readonly CTerm[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [CTerm, CTerm])[] }
  | { readonly kind: "set"; readonly items: readonly CTerm[] }
  | {
      readonly kind: "comp";
      readonly comp: "array" | "set" | "object";
      readonly key: CTerm | undefined; // object comprehensions
      readonly head: CTerm;
      readonly body: CBody;
    };

export interface CRef {
  readonly kind: "ref";
  readonly root: "data" | "input" | "term";
  readonly head: CTerm | undefined; // for root "term": a var or composite
  readonly ops: readonly CTerm[];
  readonly loc: Location;
}

export type CallTarget =
  | { readonly kind: "builtin"; readonly name: string; readonly builtin: Builtin }
  | { readonly kind: "function"; readonly name: string; readonly node: RuleNode }
  | { readonly kind: "print" };

export interface CWith {
  readonly kind: "input" | "data" | "function";
  readonly path: readonly string[]; // for input and data: the path below the root
  readonly functionName?: string; // for function: "count", "data.lib.f"
  readonly value: CTerm; // the replacement value, or for functions a ref to the replacement
  readonly replacement?: CallTarget; // for functions replaced by another function
  readonly loc: Location;
}

export type CLiteral =
  | { readonly kind: "unify"; readonly left: CTerm; readonly right: CTerm; readonly loc: Location }
  | {
      readonly kind: "call";
      readonly target: CallTarget;
      readonly args: readonly CTerm[];
      readonly out: CTerm | undefined; // unified with the result; without it the result must be truthy
      readonly loc: Location;
    }
  | { readonly kind: "term"; readonly term: CTerm; readonly loc: Location } // defined and not false
  | { readonly kind: "not"; readonly body: CBody; readonly loc: Location }
  | {
      readonly kind: "somein";
      readonly key: CTerm | undefined;
      readonly value: CTerm;
      readonly collection: CTerm;
      readonly loc: Location;
    }
  | {
      readonly kind: "every";
      readonly key: CTerm | undefined;
      readonly value: CTerm;
      readonly domain: CTerm;
      readonly body: CBody;
      readonly loc: Location;
    }
  | { readonly kind: "with"; readonly mods: readonly CWith[]; readonly body: CBody; readonly loc: Location };

export type CBody = readonly CLiteral[];

export interface CRule {
  readonly kind: "complete" | "multi" | "function";
  readonly path: string; // "data.x.p"
  readonly suffix: readonly CTerm[]; // ref-head operands after the node's path (dynamic keys)
  readonly key: CTerm | undefined; // multi-value member
  readonly value: CTerm; // complete value / function result (true when not given)
  readonly args: readonly CTerm[]; // function parameters
  readonly body: CBody;
  readonly slots: number; // frame size
  readonly isDefault: boolean;
  // The value does not depend on the body: the first solution is enough (complete rules
  // without dynamic keys, and functions).
  readonly constantValue: boolean;
  readonly elseRule: CRule | undefined;
  readonly loc: Location;
  // The rule as written (for its annotations) and its package.
  readonly source: Rule;
  readonly packagePath: readonly string[];
}

// A node of the data tree that rules define: data.x, data.x.p, ...
export class RuleNode {
  readonly children = new Map<string, RuleNode>();
  readonly complete: CRule[] = []; // complete rules at exactly this path
  defaultRule: CRule | undefined;
  readonly dynamic: CRule[] = []; // multi-value rules and rules with dynamic ref keys
  readonly functions: CRule[] = [];
  defaultFunction: CRule | undefined;
  // Whether any rule sits at or below this node.
  hasRules = false;
  // Set while the tree is built, before rule bodies are compiled: calls resolve against it.
  functionArity: number | undefined;

  constructor(readonly path: readonly string[]) {
    this.name = ["data", ...path].join(".");
  }

  // "data.x.p", for messages.
  readonly name: string;

  get isRuleNode(): boolean {
    return this.complete.length > 0 || this.defaultRule !== undefined || this.dynamic.length > 0;
  }

  get isFunction(): boolean {
    return this.functionArity !== undefined;
  }

  child(key: string): RuleNode {
    let c = this.children.get(key);
    if (!c) {
      c = new RuleNode([...this.path, key]);
      this.children.set(key, c);
    }
    return c;
  }
}
