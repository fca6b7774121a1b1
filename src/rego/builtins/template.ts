// strings.render_template: the part of Go's text/template that policies use —
// {{.a.b}}, {{.}}, {{if .x}}…{{else}}…{{end}}, {{range .xs}}…{{else}}…{{end}}, comments
// {{/* */}} and the trim markers {{- and -}}. OPA executes templates with
// missingkey=error over the variables converted to Go values, so a missing key fails and
// values print as Go prints interface{} values (maps as map[k:v], arrays as [a b]).

import type { BigNum } from "../bignum.js";
import { formatNumber, goQuote } from "../format.js";
import { compare, Kind, kindOf, objectEntries, objectGet, type ArrayValue, type ObjectValue, type RegoSet, type Value } from "../value.js";
import { objectArg, stringArg } from "./args.js";
import { builtinError, type BuiltinError } from "./registry.js";

interface FieldRef {
  readonly path: readonly string[];
  readonly source: string;
  readonly line: number;
}

interface Block extends FieldRef {
  readonly kind: "if" | "range";
  readonly then: TemplateNode[];
  readonly otherwise: TemplateNode[];
}

type TemplateNode = { readonly kind: "text"; readonly text: string } | (FieldRef & { readonly kind: "field" }) | Block;

const NAME = "strings.render_template";

function templateError(line: number, message: string): BuiltinError {
  return builtinError(NAME, `template: template:${line}: ${message}`);
}

function execError(ref: FieldRef, message: string): BuiltinError {
  return templateError(ref.line, `executing "template" at <${ref.source}>: ${message}`);
}

function fieldRef(expr: string, line: number): FieldRef {
  if (expr === ".") return { path: [], source: expr, line };
  if (!/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(expr)) {
    throw templateError(line, `unsupported action ${goQuote(expr)}`);
  }
  return { path: expr.slice(1).split("."), source: expr, line };
}

// text/template trims ASCII white space at a trim marker ("{{- " and " -}}").
const trimStart = (s: string): string => s.replace(/^[ \t\r\n]+/, "");
const trimEnd = (s: string): string => s.replace(/[ \t\r\n]+$/, "");

function parseTemplate(src: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: { block: Block; inElse: boolean }[] = [];
  const sink = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.block.otherwise : top.block.then;
  };
  let pos = 0;
  let trimNext = false;
  while (pos < src.length) {
    const open = src.indexOf("{{", pos);
    let text = open < 0 ? src.slice(pos) : src.slice(pos, open);
    if (trimNext) text = trimStart(text);
    const trimBefore = open >= 0 && /^\{\{-[ \t\r\n]/.test(src.slice(open));
    if (trimBefore) text = trimEnd(text);
    if (text) sink().push({ kind: "text", text });
    if (open < 0) break;
    const line = src.slice(0, open).split("\n").length;
    const close = src.indexOf("}}", open + 2);
    if (close < 0) throw templateError(line, "unclosed action");
    let inner = src.slice(open + 2, close);
    trimNext = /[ \t\r\n]-$/.test(inner);
    if (trimBefore) inner = inner.slice(1);
    if (trimNext) inner = inner.slice(0, -1);
    pos = close + 2;
    const action = inner.trim();
    if (action.startsWith("/*") && action.endsWith("*/")) continue;
    const [word, ...rest] = action.split(/\s+/);
    const arg = rest.join(" ");
    if (word === "if" || word === "range") {
      const block: Block = { kind: word, ...fieldRef(arg, line), then: [], otherwise: [] };
      sink().push(block);
      stack.push({ block, inElse: false });
    } else if (word === "else" && arg === "") {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) throw templateError(line, "unexpected {{else}}");
      top.inElse = true;
    } else if (word === "end" && arg === "") {
      if (!stack.pop()) throw templateError(line, "unexpected {{end}}");
    } else {
      sink().push({ kind: "field", ...fieldRef(action, line) });
    }
  }
  const open = stack[stack.length - 1];
  if (open) throw templateError(open.block.line, "unexpected EOF");
  return root;
}

// The Go type of the value ast.As makes of a Rego value.
function goTypeName(v: Value): string {
  switch (kindOf(v)) {
    case Kind.Null:
      return "interface {}";
    case Kind.Boolean:
      return "bool";
    case Kind.Number:
      return "json.Number";
    case Kind.String:
      return "string";
    case Kind.Array:
    case Kind.Set:
      return "[]interface {}";
    case Kind.Object:
      return "map[string]interface {}";
  }
}

function lookup(dot: Value, ref: FieldRef): Value {
  let v = dot;
  for (const key of ref.path) {
    if (kindOf(v) !== Kind.Object) throw execError(ref, `can't evaluate field ${key} in type ${goTypeName(v)}`);
    const next = objectGet(v as ObjectValue, key);
    if (next === undefined) throw execError(ref, `map has no entry for key ${goQuote(key)}`);
    v = next;
  }
  return v;
}

const sortedEntries = (o: ObjectValue): [Value, Value][] => [...objectEntries(o)].sort((a, b) => compare(a[0], b[0]));

// A value as Go's fmt prints it.
function goPrint(v: Value): string {
  switch (kindOf(v)) {
    case Kind.Null:
      return "<nil>";
    case Kind.Boolean:
      return v ? "true" : "false";
    case Kind.Number:
      return formatNumber(v as number | BigNum);
    case Kind.String:
      return v as string;
    case Kind.Array:
      return "[" + (v as ArrayValue).map(goPrint).join(" ") + "]";
    case Kind.Set:
      return "[" + (v as RegoSet).sorted().map(goPrint).join(" ") + "]";
    case Kind.Object:
      return "map[" + sortedEntries(v as ObjectValue).map(([k, x]) => `${goPrint(k)}:${goPrint(x)}`).join(" ") + "]";
  }
}

// What {{range}} iterates: array and set members, object values in key order.
function rangeItems(v: Value): readonly Value[] | undefined {
  switch (kindOf(v)) {
    case Kind.Array:
      return v as ArrayValue;
    case Kind.Set:
      return (v as RegoSet).sorted();
    case Kind.Object:
      return sortedEntries(v as ObjectValue).map(([, x]) => x);
    default:
      return undefined;
  }
}

// text/template's truth: the zero value of each type is false.
function truthy(v: Value): boolean {
  if (v === null || v === false || v === 0 || v === "") return false;
  const items = rangeItems(v);
  return items === undefined || items.length > 0;
}

function render(nodes: readonly TemplateNode[], dot: Value): string {
  let out = "";
  for (const node of nodes) {
    if (node.kind === "text") out += node.text;
    else if (node.kind === "field") {
      const v = lookup(dot, node);
      out += v === null ? "<no value>" : goPrint(v);
    } else if (node.kind === "if") {
      out += render(truthy(lookup(dot, node)) ? node.then : node.otherwise, dot);
    } else {
      const v = lookup(dot, node);
      const items = rangeItems(v);
      if (items === undefined) throw execError(node, `range can't iterate over ${goPrint(v)}`);
      if (items.length === 0) out += render(node.otherwise, dot);
      for (const item of items) out += render(node.then, item);
    }
  }
  return out;
}

export function renderTemplate(args: readonly Value[]): Value {
  const src = stringArg(NAME, args, 0);
  const vars = objectArg(NAME, args, 1);
  return render(parseTemplate(src), vars);
}
