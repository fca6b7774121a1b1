// The Rego syntax tree, as the parser builds it and the compiler annotates it.

import type { Comment } from "./lexer.js";
import type { Location } from "./location.js";
import type { BigNum } from "./value.js";

export type Scalar = null | boolean | number | BigNum | string;

export interface ScalarTerm {
  readonly type: "scalar";
  readonly value: Scalar;
  readonly loc: Location;
}

export interface VarTerm {
  readonly type: "var";
  name: string;
  readonly loc: Location;
}

// head.path[0][path[1]]…; `.x` operands are string scalars.
export interface RefTerm {
  readonly type: "ref";
  readonly head: Term;
  readonly path: readonly Term[];
  readonly loc: Location;
}

export interface ArrayTerm {
  readonly type: "array";
  readonly items: readonly Term[];
  readonly loc: Location;
}

export interface ObjectTerm {
  readonly type: "object";
  readonly entries: readonly (readonly [Term, Term])[];
  readonly loc: Location;
}

export interface SetTerm {
  readonly type: "set";
  readonly items: readonly Term[];
  readonly loc: Location;
}

export interface ArrayComprehension {
  readonly type: "arraycomp";
  readonly head: Term;
  readonly body: Body;
  readonly loc: Location;
}

export interface SetComprehension {
  readonly type: "setcomp";
  readonly head: Term;
  readonly body: Body;
  readonly loc: Location;
}

export interface ObjectComprehension {
  readonly type: "objectcomp";
  readonly key: Term;
  readonly value: Term;
  readonly body: Body;
  readonly loc: Location;
}

// A function call. `op` is the called name as a ref or var term ("count", "data.lib.f",
// "net.cidr_contains"); infix operators are calls too ("plus", "equal", "internal.member_2").
export interface CallTerm {
  readonly type: "call";
  readonly op: RefTerm | VarTerm;
  readonly args: readonly Term[];
  readonly loc: Location;
}

export type Term =
  | ScalarTerm
  | VarTerm
  | RefTerm
  | ArrayTerm
  | ObjectTerm
  | SetTerm
  | ArrayComprehension
  | SetComprehension
  | ObjectComprehension
  | CallTerm;

export type Expr =
  | { readonly kind: "term"; readonly term: Term } // a term, or a call statement
  | { readonly kind: "unify"; readonly left: Term; readonly right: Term } // =
  | { readonly kind: "assign"; readonly left: Term; readonly right: Term } // :=
  | { readonly kind: "some"; readonly vars: readonly VarTerm[] }
  | { readonly kind: "group"; readonly body: Body } // `not { a; b }` (rego.v2)
  | { readonly kind: "somein"; readonly key: Term | undefined; readonly value: Term; readonly collection: Term }
  | {
      readonly kind: "every";
      readonly key: VarTerm | undefined;
      readonly value: VarTerm;
      readonly domain: Term;
      readonly body: Body;
    };

export interface With {
  readonly target: Term; // input…, data…, or a function name
  readonly value: Term;
  readonly loc: Location;
}

export interface Literal {
  readonly expr: Expr;
  readonly negated: boolean;
  readonly with: readonly With[];
  readonly loc: Location;
}

export type Body = readonly Literal[];

export type RuleKind = "complete" | "multi" | "function";

export interface RuleHead {
  // The rule's name as a ref: "p" → [p]; "a.b[x]" → [a, "b", x]. First element is the name.
  readonly ref: readonly Term[];
  readonly kind: RuleKind;
  readonly args?: readonly Term[]; // functions
  readonly key?: Term; // multi-value rules: the member (`contains key`)
  readonly value?: Term; // complete rules and functions; undefined means `true`
  readonly assign: boolean; // := rather than =
  readonly loc: Location;
}

export interface Rule {
  readonly head: RuleHead;
  readonly body: Body;
  readonly isDefault: boolean;
  readonly elseRule?: Rule;
  readonly loc: Location;
  // Set by the parser for annotation lookup: the rule's text begins at this offset.
  readonly offset: number;
}

export interface Import {
  readonly path: RefTerm | VarTerm;
  readonly alias?: string;
  readonly loc: Location;
}

export interface Package {
  readonly path: readonly string[]; // without "data"
  readonly loc: Location;
}

export interface Module {
  readonly file: string;
  readonly source: string;
  readonly package: Package;
  readonly imports: readonly Import[];
  readonly rules: readonly Rule[];
  readonly comments: readonly Comment[];
}

export const scalar = (value: Scalar, loc: Location): ScalarTerm => ({ type: "scalar", value, loc });
export const varTerm = (name: string, loc: Location): VarTerm => ({ type: "var", name, loc });

// The dotted name of a ref whose operands are all plain strings ("data.x.f", "net.cidr_contains").
export function refName(t: Term): string | undefined {
  if (t.type === "var") return t.name;
  if (t.type !== "ref" || t.head.type !== "var") return undefined;
  let name = t.head.name;
  for (const p of t.path) {
    if (p.type !== "scalar" || typeof p.value !== "string") return undefined;
    name += "." + p.value;
  }
  return name;
}
