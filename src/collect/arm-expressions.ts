// The ARM template expression language: "[concat('er-', parameters('name'))]".
//
// A JSON string that starts with "[" and ends with "]" is an expression (one that starts with
// "[[" is a literal whose first "[" is dropped). An expression is a function call, a string
// ('it''s' escapes a quote), an integer, or any of these followed by property access (.name)
// and indexing ([0], ['key']). Function names are case-insensitive; user-defined functions are
// called as namespace.name(…).
//
// Evaluation is strict by default: a function whose argument is unknown before deployment
// (reference(), list*(), utcNow(), newGuid()) yields the unknown marker whose text is the
// source of that call, so the unknown travels outwards to the whole expression that used it.
// Functions that can decide without every argument (if, and, or, coalesce) or that only carry
// values (createArray, createObject) see the markers themselves.

import { getProperty, isObject, isUnknown, typeName, unknownValue, type JsonValue } from "./json-value.js";

export type Expr =
  | { readonly kind: "literal"; readonly value: string | number; readonly start: number; readonly end: number }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Expr[]; readonly start: number; readonly end: number }
  | { readonly kind: "property"; readonly target: Expr; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: "index"; readonly target: Expr; readonly index: Expr; readonly start: number; readonly end: number };

export type CallExpr = Extract<Expr, { kind: "call" }>;

// A problem in an expression. The template evaluator adds the file and line.
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
}

export function isExpression(text: string): boolean {
  return text.length >= 2 && text.startsWith("[") && !text.startsWith("[[") && text.endsWith("]");
}

// A string that is not an expression, with the "[[" escape undone.
export function literalString(text: string): string {
  return text.startsWith("[[") ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const parsed = new Map<string, Expr>();

// Parses the text between the outer brackets. Results are cached: a copy loop evaluates the
// same expressions many times over.
export function parseExpression(source: string): Expr {
  const cached = parsed.get(source);
  if (cached !== undefined) return cached;
  const parser = new Parser(source);
  const expr = parser.expression();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail(`unexpected "${source.slice(parser.pos, parser.pos + 10)}"`);
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(source, expr);
  return expr;
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  fail(message: string): never {
    throw new ExpressionError(`invalid expression "[${this.src}]" at character ${this.pos + 2}: ${message}`);
  }

  skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? "")) this.pos++;
  }

  private peek(): string {
    return this.src[this.pos] ?? "";
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.peek() !== ch) this.fail(this.atEnd() ? `expected "${ch}" before the end` : `expected "${ch}"`);
    this.pos++;
  }

  expression(): Expr {
    this.skipSpace();
    let expr = this.primary();
    for (;;) {
      this.skipSpace();
      const ch = this.peek();
      if (ch === ".") {
        this.pos++;
        this.skipSpace();
        const name = this.identifier();
        expr = { kind: "property", target: expr, name, start: expr.start, end: this.pos };
      } else if (ch === "[") {
        this.pos++;
        const index = this.expression();
        this.expect("]");
        expr = { kind: "index", target: expr, index, start: expr.start, end: this.pos };
      } else {
        return expr;
      }
    }
  }

  private primary(): Expr {
    const start = this.pos;
    const ch = this.peek();
    if (ch === "'") return { kind: "literal", value: this.string(), start, end: this.pos };
    if (/[-0-9]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?/.exec(this.src.slice(this.pos));
      if (m === null) this.fail("expected a number");
      this.pos += m[0].length;
      return { kind: "literal", value: Number(m[0]), start, end: this.pos };
    }
    if (/[A-Za-z_$]/.test(ch)) {
      let name = this.identifier();
      this.skipSpace();
      // namespace.function( … ) calls a user-defined function.
      if (this.peek() === ".") {
        const save = this.pos;
        this.pos++;
        this.skipSpace();
        if (/[A-Za-z_$]/.test(this.peek())) {
          const member = this.identifier();
          this.skipSpace();
          if (this.peek() === "(") name = `${name}.${member}`;
          else this.pos = save;
        } else {
          this.pos = save;
        }
      }
      this.skipSpace();
      if (this.peek() !== "(") {
        // true, false and null are accepted without parentheses, as ARM does.
        const lower = name.toLowerCase();
        if (lower === "true" || lower === "false" || lower === "null") {
          return { kind: "call", name: lower, args: [], start, end: this.pos };
        }
        this.fail(`expected "(" after the function name "${name}"`);
      }
      this.pos++;
      const args: Expr[] = [];
      this.skipSpace();
      if (this.peek() === ")") {
        this.pos++;
      } else {
        for (;;) {
          args.push(this.expression());
          this.skipSpace();
          if (this.peek() === ",") {
            this.pos++;
            continue;
          }
          this.expect(")");
          break;
        }
      }
      return { kind: "call", name, args, start, end: this.pos };
    }
    this.fail(this.atEnd() ? "expected a value before the end" : `unexpected character "${ch}"`);
  }

  private identifier(): string {
    const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.src.slice(this.pos));
    if (m === null) this.fail("expected a name");
    this.pos += m[0].length;
    return m[0];
  }

  private string(): string {
    this.pos++; // opening quote
    let out = "";
    for (;;) {
      if (this.atEnd()) this.fail("unterminated string");
      const ch = this.src[this.pos++] ?? "";
      if (ch === "'") {
        if (this.peek() === "'") {
          out += "'";
          this.pos++;
          continue;
        }
        return out;
      }
      out += ch;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

// How a function is called. Strict functions (the default) receive evaluated, known arguments;
// `lazy` ones receive the call and evaluate what they need; `acceptsUnknown` ones receive
// evaluated arguments that may be unknown markers.
export interface ArmFunction {
  readonly minArgs: number;
  readonly maxArgs: number; // Infinity for variadic
  readonly lazy?: boolean;
  readonly acceptsUnknown?: boolean;
  readonly run: (call: FunctionCall) => JsonValue;
}

export interface FunctionCall {
  readonly name: string;
  readonly args: readonly JsonValue[]; // empty for lazy functions
  readonly node: CallExpr;
  // The source text of this call, for unknown markers.
  readonly text: string;
  readonly evaluate: (expr: Expr) => JsonValue;
  // Evaluates with lambda variables bound (filter, map, reduce, sort, toObject).
  readonly evaluateWith: (expr: Expr, variables: ReadonlyMap<string, JsonValue>) => JsonValue;
  // The value of a bound lambda variable (lambdaVariables('x')).
  readonly lambdaVariable: (name: string) => JsonValue | undefined;
}

export interface FunctionResolver {
  resolve(name: string): ArmFunction | undefined;
}

export function evaluateExpression(
  expr: Expr,
  source: string,
  functions: FunctionResolver,
  variables: ReadonlyMap<string, JsonValue> = new Map(),
): JsonValue {
  const evaluate = (e: Expr, vars: ReadonlyMap<string, JsonValue>): JsonValue => {
    switch (e.kind) {
      case "literal":
        return e.value;
      case "property": {
        const target = evaluate(e.target, vars);
        if (isUnknown(target)) return unknownValue(source.slice(e.start, e.end));
        if (!isObject(target)) {
          throw new ExpressionError(`cannot read property "${e.name}" of ${describe(target)} in "${source.slice(e.start, e.end)}"`);
        }
        const value = getProperty(target, e.name);
        if (value === undefined) {
          throw new ExpressionError(
            `the object has no property "${e.name}" in "${source.slice(e.start, e.end)}" (it has: ${Object.keys(target).join(", ") || "none"})`,
          );
        }
        return value;
      }
      case "index": {
        const target = evaluate(e.target, vars);
        const index = evaluate(e.index, vars);
        if (isUnknown(target) || isUnknown(index)) return unknownValue(source.slice(e.start, e.end));
        return indexInto(target, index, source.slice(e.start, e.end));
      }
      case "call":
        return call(e, vars);
    }
  };

  const call = (node: CallExpr, vars: ReadonlyMap<string, JsonValue>): JsonValue => {
    const fn = functions.resolve(node.name);
    const text = source.slice(node.start, node.end);
    if (fn === undefined) throw new ExpressionError(`unknown template function "${node.name}" in "${text}"`);
    const count = node.args.length;
    if (count < fn.minArgs || count > fn.maxArgs) {
      const wanted = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
      throw new ExpressionError(`${node.name}() takes ${wanted} argument${wanted === "1" ? "" : "s"}, found ${count} in "${text}"`);
    }
    let args: JsonValue[] = [];
    if (fn.lazy !== true) {
      args = node.args.map((a) => evaluate(a, vars));
      if (fn.acceptsUnknown !== true && args.some(isUnknown)) return unknownValue(text);
    }
    return fn.run({
      name: node.name,
      args,
      node,
      text,
      evaluate: (e) => evaluate(e, vars),
      evaluateWith: (e, bound) => evaluate(e, new Map([...vars, ...bound])),
      lambdaVariable: (name) => vars.get(name),
    });
  };

  return evaluate(expr, variables);
}

function indexInto(target: JsonValue, index: JsonValue, text: string): JsonValue {
  if (Array.isArray(target)) {
    if (typeof index !== "number" || !Number.isInteger(index)) {
      throw new ExpressionError(`an array index must be an integer, found ${typeName(index)} in "${text}"`);
    }
    if (index < 0 || index >= target.length) {
      throw new ExpressionError(`index ${index} is out of range: the array has ${target.length} element${target.length === 1 ? "" : "s"} in "${text}"`);
    }
    return target[index] as JsonValue;
  }
  if (isObject(target)) {
    if (typeof index !== "string") throw new ExpressionError(`an object is indexed by a string, found ${typeName(index)} in "${text}"`);
    const value = getProperty(target, index);
    if (value === undefined) throw new ExpressionError(`the object has no property "${index}" in "${text}"`);
    return value;
  }
  throw new ExpressionError(`cannot index ${describe(target)} in "${text}": expected an array or an object`);
}

function describe(value: JsonValue): string {
  const type = typeName(value);
  return type === "null" ? "null" : `a ${type}`;
}
