// A recursive-descent parser for Rego v1 (the OPA 1.x syntax): modules, queries and terms.
//
// Operator precedence, lowest first, as OPA parses it:
//   := =   (literal level)   in   == != < <= > >=   |   &   + -   * / %
// Newlines end a body literal when the expression before them is complete; a `[`, `.` or
// `(` continues a ref or call only when it touches the term before it.

import { numberFromText } from "./bignum.js";
import {
  scalar,
  varTerm,
  type Body,
  type CallTerm,
  type Expr,
  type Import,
  type Literal,
  type Module,
  type Package,
  type RefTerm,
  type Rule,
  type RuleHead,
  type Term,
  type VarTerm,
  type With,
} from "./ast.js";
import { RegoError } from "./errors.js";
import { tokenize, type Comment, type Token } from "./lexer.js";
import type { Location } from "./location.js";

const KEYWORDS = new Set([
  "package",
  "import",
  "default",
  "else",
  "not",
  "some",
  "every",
  "with",
  "as",
  "in",
  "if",
  "contains",
]);

const RELATION_OPS: Record<string, string> = {
  "==": "equal",
  "!=": "neq",
  "<": "lt",
  "<=": "lte",
  ">": "gt",
  ">=": "gte",
};
const ARITH_OPS: Record<string, string> = { "+": "plus", "-": "minus" };
const FACTOR_OPS: Record<string, string> = { "*": "mul", "/": "div", "%": "rem" };

class Parser {
  private pos = 0;
  // Inside a collection literal, `|` starts a comprehension body instead of meaning union.
  private noBar = false;
  // `import rego.v2` enables `not { … }` over a whole body.
  private v2 = false;

  constructor(
    private readonly tokens: readonly Token[],
    readonly comments: readonly Comment[],
    private readonly file: string,
  ) {}

  // --- token helpers -------------------------------------------------------------------

  private get tok(): Token {
    return this.tokens[this.pos]!;
  }

  private peek(k = 1): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.tok;
    if (t.kind !== "eof") this.pos++;
    return t;
  }

  private isPunct(text: string, t: Token = this.tok): boolean {
    return t.kind === "punct" && t.text === text;
  }

  private isIdent(text: string, t: Token = this.tok): boolean {
    return t.kind === "ident" && t.text === text;
  }

  private describe(t: Token): string {
    switch (t.kind) {
      case "eof":
        return "eof token";
      case "string":
        return "string token";
      case "number":
        return "number token";
      case "ident":
        return KEYWORDS.has(t.text) ? `${t.text} keyword` : `ident token`;
      default:
        return `${t.text} token`;
    }
  }

  fail(message: string, loc: Location = this.tok.loc): never {
    throw new RegoError("rego_parse_error", message, loc);
  }

  private unexpected(expected?: string): never {
    this.fail(`unexpected ${this.describe(this.tok)}${expected ? `: expected ${expected}` : ""}`);
  }

  private expectPunct(text: string): Token {
    if (!this.isPunct(text)) this.unexpected(text);
    return this.next();
  }

  // --- module --------------------------------------------------------------------------

  parseModule(source: string): Module {
    if (!this.isIdent("package")) this.fail(`package expected`);
    const pkg = this.parsePackage();
    const imports: Import[] = [];
    while (this.isIdent("import")) imports.push(this.parseImport());
    this.v2 = imports.some((i) => i.path.type === "ref" && i.path.head.type === "var" && i.path.head.name === "rego" && i.path.path.length === 1 && i.path.path[0]!.type === "scalar" && i.path.path[0]!.value === "v2");
    const rules: Rule[] = [];
    while (this.tok.kind !== "eof") {
      if (!this.tok.newlineBefore && rules.length + imports.length > 0) this.unexpected();
      if (this.isIdent("import")) this.fail("import must come before rules");
      if (this.isIdent("package")) this.fail("unexpected package keyword: a file holds one package");
      rules.push(...this.parseRule());
    }
    return { file: this.file, source, package: pkg, imports, rules, comments: this.comments };
  }

  private parsePackage(): Package {
    const start = this.next();
    const t = this.parseRefOnly();
    const path: string[] = [];
    const parts = t.type === "var" ? [] : t.path;
    const headName = t.type === "var" ? t.name : t.head.type === "var" ? t.head.name : undefined;
    if (headName === undefined) this.fail("package name expected", start.loc);
    path.push(headName);
    for (const p of parts) {
      if (p.type !== "scalar" || typeof p.value !== "string") this.fail("package path must contain only strings", p.loc);
      path.push(p.value);
    }
    if (path[0] === "data") path.shift();
    if (path.length === 0) this.fail("package name expected", start.loc);
    return { path, loc: start.loc };
  }

  private parseImport(): Import {
    const start = this.next();
    const path = this.parseRefOnly();
    const head = path.type === "var" ? path.name : path.head.type === "var" ? path.head.name : "";
    if (!["data", "input", "future", "rego"].includes(head)) {
      this.fail(`unexpected import path, must begin with one of: {data, future, input, rego}, got: ${head}`, start.loc);
    }
    let alias: string | undefined;
    if (this.isIdent("as") && !this.tok.newlineBefore) {
      this.next();
      if (this.tok.kind !== "ident" || KEYWORDS.has(this.tok.text)) this.unexpected("var");
      alias = this.next().text;
    }
    return { path, alias, loc: start.loc };
  }

  // A ref of plain names and brackets, for package and import paths and `with` targets.
  private parseRefOnly(): RefTerm | VarTerm {
    if (this.tok.kind !== "ident") this.unexpected("ref");
    const head = this.next();
    const path: Term[] = [];
    while (true) {
      if (this.isPunct(".") && !this.tok.spaceBefore) {
        this.next();
        if (this.tok.kind !== "ident" || this.tok.spaceBefore) this.unexpected("ident");
        const t = this.next();
        path.push(scalar(t.text, t.loc));
      } else if (this.isPunct("[") && !this.tok.spaceBefore) {
        this.next();
        path.push(this.parseExprTerm());
        this.expectPunct("]");
      } else break;
    }
    const v = varTerm(head.text, head.loc);
    return path.length ? { type: "ref", head: v, path, loc: head.loc } : v;
  }

  // --- rules ---------------------------------------------------------------------------

  private parseRule(): Rule[] {
    const start = this.tok;
    if (this.isIdent("default")) return [this.parseDefault()];
    if (this.tok.kind !== "ident" || KEYWORDS.has(this.tok.text)) this.unexpected("rule");
    const ref = this.parseHeadRef();
    let kind: RuleHead["kind"] = "complete";
    let args: Term[] | undefined;
    let key: Term | undefined;
    let value: Term | undefined;
    let assign = false;
    if (this.isPunct("(") && !this.tok.spaceBefore) {
      kind = "function";
      args = this.parseArgs();
    }
    if (this.isIdent("contains") && kind !== "function") {
      this.next();
      kind = "multi";
      key = this.parseExprTerm();
    } else if (this.isPunct(":=") || this.isPunct("=")) {
      assign = this.next().text === ":=";
      value = this.parseExprTerm();
    }
    const head: RuleHead = { ref, kind, args, key, value, assign, loc: start.loc };
    let body: Body;
    let hasBody = false;
    if (this.isIdent("if")) {
      this.next();
      body = this.parseRuleBody();
      hasBody = true;
    } else if (this.isPunct("{") && !this.tok.newlineBefore) {
      if (kind === "complete" && ref.length > 1 && value === undefined) {
        this.fail("`contains` keyword is required for partial set rules");
      }
      this.fail("`if` keyword is required before rule body");
    } else {
      body = [trueLiteral(start.loc)];
    }
    if (kind === "complete" && value === undefined && ref.length > 1 && !hasBody) {
      // `p[x]` alone would be a v0 partial set rule.
      const last = ref[ref.length - 1]!;
      if (last.type === "var") this.fail("`contains` keyword is required for partial set rules", start.loc);
    }
    const rule: Rule = { head, body, isDefault: false, loc: start.loc, offset: start.offset };
    const withElse = this.parseElse(rule);
    return [withElse];
  }

  private parseElse(rule: Rule): Rule {
    if (!this.isIdent("else")) return rule;
    if (rule.head.kind === "multi") this.fail("else keyword cannot be used on multi-value rules");
    if (rule.head.kind === "complete" && rule.head.ref.length > 1 && rule.head.ref.some((t) => t.type !== "scalar")) {
      // else on a rule with a dynamic ref head is fine in OPA only for complete values.
    }
    const start = this.next();
    let value: Term | undefined;
    let assign = rule.head.assign;
    if (this.isPunct(":=") || this.isPunct("=")) {
      assign = this.next().text === ":=";
      value = this.parseExprTerm();
    }
    let body: Body;
    if (this.isIdent("if")) {
      this.next();
      body = this.parseRuleBody();
    } else if (this.isPunct("{")) {
      this.fail("`if` keyword is required before rule body");
    } else body = [trueLiteral(start.loc)];
    const head: RuleHead = { ...rule.head, value, assign, loc: start.loc };
    const elseRule = this.parseElse({ head, body, isDefault: false, loc: start.loc, offset: start.offset });
    return { ...rule, elseRule };
  }

  private parseDefault(): Rule {
    const start = this.next();
    if (this.tok.kind !== "ident" || KEYWORDS.has(this.tok.text)) this.unexpected("rule name");
    const ref = this.parseHeadRef();
    for (const t of ref.slice(1)) {
      if (t.type !== "scalar") this.fail("default rules must have a ground ref", t.loc);
    }
    let args: Term[] | undefined;
    let kind: RuleHead["kind"] = "complete";
    if (this.isPunct("(") && !this.tok.spaceBefore) {
      kind = "function";
      args = this.parseArgs();
    }
    if (!this.isPunct(":=") && !this.isPunct("=")) this.unexpected("default rule value (:= or =)");
    const assign = this.next().text === ":=";
    const value = this.parseExprTerm();
    if (this.isIdent("if") || (this.isPunct("{") && !this.tok.newlineBefore)) this.fail("default rules cannot have a body");
    return {
      head: { ref, kind, args, value, assign, loc: start.loc },
      body: [trueLiteral(start.loc)],
      isDefault: true,
      loc: start.loc,
      offset: start.offset,
    };
  }

  private parseHeadRef(): Term[] {
    const name = this.next();
    const ref: Term[] = [varTerm(name.text, name.loc)];
    while (true) {
      if (this.isPunct(".") && !this.tok.spaceBefore) {
        this.next();
        if (this.tok.kind !== "ident") this.unexpected("ident");
        const t = this.next();
        ref.push(scalar(t.text, t.loc));
      } else if (this.isPunct("[") && !this.tok.spaceBefore) {
        this.next();
        ref.push(this.parseExprTerm());
        this.expectPunct("]");
      } else break;
    }
    return ref;
  }

  private parseArgs(): Term[] {
    this.expectPunct("(");
    const args: Term[] = [];
    const saved = this.noBar;
    this.noBar = false;
    while (!this.isPunct(")")) {
      args.push(this.parseExprTerm());
      if (this.isPunct(",")) this.next();
      else if (!this.isPunct(")")) this.unexpected(", or )");
    }
    this.next();
    this.noBar = saved;
    return args;
  }

  private parseRuleBody(): Body {
    if (this.isPunct("{")) {
      // `if { … }` is a body, unless it only parses as a term (`if {x: 1 | …}`).
      const start = this.pos;
      const open = this.next();
      try {
        const body = this.parseQuery("}");
        if (body.length === 0) this.fail("found empty body", open.loc);
        this.expectPunct("}");
        return body;
      } catch (e) {
        if (!(e instanceof RegoError)) throw e;
        this.pos = start;
        try {
          return [this.parseLiteral()];
        } catch {
          throw e;
        }
      }
    }
    return [this.parseLiteral()];
  }

  // --- queries and literals ------------------------------------------------------------

  // Literals separated by `;` or newlines, up to (not including) `end` (or eof for a query).
  parseQuery(end: string | undefined): Literal[] {
    const saved = this.noBar;
    this.noBar = false;
    const lits: Literal[] = [];
    let separated = true;
    while (true) {
      if (end ? this.isPunct(end) : this.tok.kind === "eof") break;
      if (this.tok.kind === "eof") this.unexpected(end);
      if (!separated && !this.tok.newlineBefore) this.unexpected(end ? `; or ${end} or newline` : undefined);
      lits.push(this.parseLiteral());
      separated = false;
      while (this.isPunct(";")) {
        this.next();
        separated = true;
      }
    }
    this.noBar = saved;
    return lits;
  }

  private parseLiteral(): Literal {
    const start = this.tok;
    let negated = false;
    let expr: Expr;
    if (this.isIdent("some")) {
      expr = this.parseSome();
    } else if (this.isIdent("every")) {
      expr = this.parseEvery();
    } else {
      if (this.isIdent("not")) {
        this.next();
        negated = true;
        if (this.v2 && this.isPunct("{")) {
          const group = this.tryGroup();
          if (group) return { expr: { kind: "group", body: group }, negated, with: [], loc: start.loc };
        }
      }
      expr = this.parseExpr();
    }
    const withs: With[] = [];
    while (this.isIdent("with")) {
      const w = this.next();
      const target = this.parseRefOnly();
      if (!this.isIdent("as")) this.unexpected("as");
      this.next();
      const value = this.parseExprTerm();
      withs.push({ target, value, loc: w.loc });
    }
    return { expr, negated, with: withs, loc: start.loc };
  }

  // `{ a; b }` after `not`, when it parses as a body and nothing follows on the line.
  private tryGroup(): Body | undefined {
    const start = this.pos;
    try {
      this.next();
      const body = this.parseQuery("}");
      this.expectPunct("}");
      if (body.length > 0 && (this.tok.newlineBefore || this.isPunct(";") || this.isPunct("}"))) return body;
    } catch (e) {
      if (!(e instanceof RegoError)) throw e;
    }
    this.pos = start;
    return undefined;
  }

  private parseSome(): Expr {
    const start = this.next();
    const first = this.parseInOperand();
    let second: Term | undefined;
    if (this.isPunct(",")) {
      const terms: Term[] = [first];
      while (this.isPunct(",")) {
        this.next();
        terms.push(this.parseInOperand());
      }
      if (this.isIdent("in")) {
        if (terms.length !== 2) this.fail("unexpected , token: some … in takes a key and a value", start.loc);
        second = terms[1];
      } else {
        return { kind: "some", vars: terms.map((t) => this.someVar(t)) };
      }
    }
    if (this.isIdent("in")) {
      this.next();
      const collection = this.parseRelation();
      return second
        ? { kind: "somein", key: first, value: second, collection }
        : { kind: "somein", key: undefined, value: first, collection };
    }
    return { kind: "some", vars: [this.someVar(first)] };
  }

  private someVar(t: Term): VarTerm {
    if (t.type !== "var") this.fail("expected var in some declaration", t.loc);
    return t;
  }

  private parseEvery(): Expr {
    const start = this.next();
    const first = this.parseInOperand();
    let key: VarTerm | undefined;
    let value: Term = first;
    if (this.isPunct(",")) {
      this.next();
      key = first.type === "var" ? first : this.fail("expected var in every", first.loc);
      value = this.parseInOperand();
    }
    if (value.type !== "var") this.fail("expected var in every", value.loc);
    if (!this.isIdent("in")) this.unexpected("in");
    this.next();
    const domain = this.parseRelation();
    if (!this.isPunct("{")) this.unexpected("{");
    this.next();
    const body = this.parseQuery("}");
    if (body.length === 0) this.fail("every body must not be empty", start.loc);
    this.expectPunct("}");
    return { kind: "every", key, value, domain, body };
  }

  // The operand before `in` (a term without the `in` operator itself).
  private parseInOperand(): Term {
    return this.parseRelation();
  }

  private parseExpr(): Expr {
    const left = this.parseExprTerm(true);
    if (this.isPunct(":=")) {
      const op = this.next();
      const right = this.parseExprTerm();
      checkAssignTarget(left, op.loc, this);
      return { kind: "assign", left, right };
    }
    if (this.isPunct("=")) {
      this.next();
      const right = this.parseExprTerm();
      return { kind: "unify", left, right };
    }
    return { kind: "term", term: left };
  }

  // A full term expression: the `in` level. `k, v in xs` only where allowComma (a literal).
  parseExprTerm(allowComma = false): Term {
    const lhs = this.parseRelation();
    if (allowComma && this.isPunct(",")) {
      this.next();
      const mid = this.parseRelation();
      if (!this.isIdent("in")) this.unexpected("in");
      const op = this.next();
      const rhs = this.parseRelation();
      return this.chainIn(call("internal.member_3", [lhs, mid, rhs], op.loc));
    }
    return this.chainIn(lhs);
  }

  private chainIn(lhs: Term): Term {
    let t = lhs;
    while (this.isIdent("in")) {
      const op = this.next();
      const rhs = this.parseRelation();
      t = call("internal.member_2", [t, rhs], op.loc);
    }
    return t;
  }

  private parseRelation(): Term {
    let lhs = this.parseOr();
    while (this.tok.kind === "punct" && RELATION_OPS[this.tok.text]) {
      const op = this.next();
      const rhs = this.parseOr();
      lhs = call(RELATION_OPS[op.text]!, [lhs, rhs], op.loc);
    }
    return lhs;
  }

  private parseOr(): Term {
    let lhs = this.parseAnd();
    while (this.isPunct("|") && !this.noBar) {
      const op = this.next();
      const rhs = this.parseAnd();
      lhs = call("or", [lhs, rhs], op.loc);
    }
    return lhs;
  }

  private parseAnd(): Term {
    let lhs = this.parseArith();
    while (this.isPunct("&")) {
      const op = this.next();
      const rhs = this.parseArith();
      lhs = call("and", [lhs, rhs], op.loc);
    }
    return lhs;
  }

  private parseArith(): Term {
    let lhs = this.parseFactor();
    while (this.tok.kind === "punct" && ARITH_OPS[this.tok.text]) {
      const op = this.next();
      const rhs = this.parseFactor();
      lhs = call(ARITH_OPS[op.text]!, [lhs, rhs], op.loc);
    }
    return lhs;
  }

  private parseFactor(): Term {
    let lhs = this.parseTerm();
    while (this.tok.kind === "punct" && FACTOR_OPS[this.tok.text]) {
      const op = this.next();
      const rhs = this.parseTerm();
      lhs = call(FACTOR_OPS[op.text]!, [lhs, rhs], op.loc);
    }
    return lhs;
  }

  // --- terms ---------------------------------------------------------------------------

  parseTerm(): Term {
    const t = this.tok;
    let term: Term;
    switch (t.kind) {
      case "number":
        this.next();
        term = scalar(this.number(t.text, t.loc), t.loc);
        break;
      case "string":
        this.next();
        term = scalar(t.text, t.loc);
        break;
      case "ident":
        if (t.text === "true" || t.text === "false") {
          this.next();
          term = scalar(t.text === "true", t.loc);
        } else if (t.text === "null") {
          this.next();
          term = scalar(null, t.loc);
        } else if (t.text === "contains" && this.isPunct("(", this.peek()) && !this.peek().spaceBefore) {
          // contains(s, sub) is the builtin; `contains` is a keyword only in rule heads.
          this.next();
          term = varTerm(t.text, t.loc);
        } else if (KEYWORDS.has(t.text)) {
          this.unexpected("term");
        } else {
          this.next();
          term = varTerm(t.text, t.loc);
        }
        break;
      case "punct":
        if (t.text === "[") term = this.parseArray();
        else if (t.text === "{") term = this.parseBrace();
        else if (t.text === "(") {
          this.next();
          const saved = this.noBar;
          this.noBar = false;
          term = this.parseExprTerm(true);
          this.noBar = saved;
          this.expectPunct(")");
        } else if (t.text === "-" && this.peek().kind === "number" && !this.peek().spaceBefore) {
          this.next();
          const num = this.next();
          term = scalar(this.number("-" + num.text, t.loc), t.loc);
        } else this.unexpected("term");
        break;
      default:
        this.unexpected("term");
    }
    return this.parsePostfix(term);
  }

  private number(text: string, loc: Location) {
    const n = numberFromText(text);
    if (n === undefined) this.fail(`invalid number ${text}`, loc);
    return n;
  }

  // Ref operands and calls that touch the term before them.
  private parsePostfix(head: Term): Term {
    let term = head;
    const path: Term[] = [];
    const flush = () => {
      if (path.length) {
        if (term.type === "ref") term = { type: "ref", head: term.head, path: [...term.path, ...path], loc: term.loc };
        else term = { type: "ref", head: term, path: [...path], loc: term.loc };
        path.length = 0;
      }
    };
    while (!this.tok.spaceBefore) {
      if (this.isPunct(".")) {
        if (term.type === "scalar" && path.length === 0) break;
        this.next();
        if (this.tok.kind !== "ident" || this.tok.spaceBefore) this.unexpected("ident");
        const k = this.next();
        path.push(scalar(k.text, k.loc));
      } else if (this.isPunct("[")) {
        if (term.type === "scalar" && path.length === 0 && typeof term.value !== "string") break;
        this.next();
        const saved = this.noBar;
        this.noBar = false;
        path.push(this.parseExprTerm());
        this.noBar = saved;
        this.expectPunct("]");
      } else if (this.isPunct("(")) {
        flush();
        if (term.type === "var" && term.name === "set" && this.isPunct(")", this.peek())) {
          // set() is the empty set.
          this.next();
          this.next();
          term = { type: "set", items: [], loc: term.loc };
          continue;
        }
        if (term.type !== "var" && !(term.type === "ref" && term.head.type === "var")) break;
        const op = term;
        const args = this.parseArgs();
        term = { type: "call", op, args, loc: op.loc } satisfies CallTerm;
      } else break;
    }
    flush();
    return term;
  }

  private parseArray(): Term {
    const open = this.next();
    const saved = this.noBar;
    this.noBar = true;
    if (this.isPunct("]")) {
      this.next();
      this.noBar = saved;
      return { type: "array", items: [], loc: open.loc };
    }
    const first = this.parseExprTerm();
    if (this.isPunct("|")) {
      this.next();
      const body = this.parseQuery("]");
      if (body.length === 0) this.fail("found empty comprehension body", open.loc);
      this.expectPunct("]");
      this.noBar = saved;
      return { type: "arraycomp", head: first, body, loc: open.loc };
    }
    const items = [first];
    while (this.isPunct(",")) {
      this.next();
      if (this.isPunct("]")) break;
      items.push(this.parseExprTerm());
    }
    this.expectPunct("]");
    this.noBar = saved;
    return { type: "array", items, loc: open.loc };
  }

  private parseBrace(): Term {
    const open = this.next();
    const saved = this.noBar;
    this.noBar = true;
    try {
      if (this.isPunct("}")) {
        this.next();
        return { type: "object", entries: [], loc: open.loc };
      }
      const first = this.parseExprTerm();
      if (this.isPunct(":")) {
        this.next();
        const firstValue = this.parseExprTerm();
        if (this.isPunct("|")) {
          this.next();
          const body = this.parseQuery("}");
          if (body.length === 0) this.fail("found empty comprehension body", open.loc);
          this.expectPunct("}");
          return { type: "objectcomp", key: first, value: firstValue, body, loc: open.loc };
        }
        const entries: [Term, Term][] = [[first, firstValue]];
        while (this.isPunct(",")) {
          this.next();
          if (this.isPunct("}")) break;
          const k = this.parseExprTerm();
          this.expectPunct(":");
          entries.push([k, this.parseExprTerm()]);
        }
        this.expectPunct("}");
        return { type: "object", entries, loc: open.loc };
      }
      if (this.isPunct("|")) {
        this.next();
        const body = this.parseQuery("}");
        if (body.length === 0) this.fail("found empty comprehension body", open.loc);
        this.expectPunct("}");
        return { type: "setcomp", head: first, body, loc: open.loc };
      }
      const items = [first];
      while (this.isPunct(",")) {
        this.next();
        if (this.isPunct("}")) break;
        items.push(this.parseExprTerm());
      }
      this.expectPunct("}");
      return { type: "set", items, loc: open.loc };
    } finally {
      this.noBar = saved;
    }
  }

  atEnd(): boolean {
    return this.tok.kind === "eof";
  }

  expectEnd(): void {
    if (this.tok.kind !== "eof") this.unexpected();
  }
}

function call(op: string, args: Term[], loc: Location): CallTerm {
  return { type: "call", op: varTerm(op, loc), args, loc };
}

export function trueLiteral(loc: Location): Literal {
  return { expr: { kind: "term", term: scalar(true, loc) }, negated: false, with: [], loc };
}

function checkAssignTarget(t: Term, loc: Location, p: Parser): void {
  switch (t.type) {
    case "var":
      return;
    case "array":
      for (const x of t.items) checkAssignTarget(x, loc, p);
      return;
    case "object":
      for (const [, v] of t.entries) checkAssignTarget(v, loc, p);
      return;
    case "scalar":
      return;
    default:
      p.fail(`cannot assign to ${t.type === "ref" ? "ref" : t.type}`, loc);
  }
}

export function parseModule(source: string, file: string): Module {
  const { tokens, comments } = tokenize(source, file);
  return new Parser(tokens, comments, file).parseModule(source);
}

export function parseQuery(source: string, file = "query"): Body {
  const { tokens, comments } = tokenize(source, file);
  const p = new Parser(tokens, comments, file);
  const body = p.parseQuery(undefined);
  p.expectEnd();
  if (body.length === 0) p.fail("empty query");
  return body;
}

export function parseTerm(source: string, file = "term"): Term {
  const { tokens, comments } = tokenize(source, file);
  const p = new Parser(tokens, comments, file);
  const t = p.parseExprTerm();
  p.expectEnd();
  return t;
}
