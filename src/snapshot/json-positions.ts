// JSON with source positions: parsing that reports where a file stops being JSON, and line
// lookup by path, so that an error or a finding can name the line to fix.
//
// The fast path is JSON.parse; jsonc-parser (which knows offsets and lines) runs only when the
// text is not plain JSON (a syntax error, or the comments ARM templates may contain) and when a
// line is wanted. A snapshot of 100,000 resources therefore parses at JSON.parse speed.

import { findNodeAtLocation, parseTree, visit, ParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { ErguardError } from "../errors.js";

export type JsonPath = readonly (string | number)[];

export interface ParseJsonOptions {
  // ARM templates may carry // and /* */ comments (the Azure CLI and PowerShell accept them).
  readonly allowComments?: boolean;
}

// Parses text as JSON; throws ErguardError bad_input with the line and column of the first
// syntax error and what was expected there.
export function parseJson(text: string, file: string, options: ParseJsonOptions = {}): unknown {
  const body = stripBom(text);
  if (body.trim() === "") throw new ErguardError("bad_input", "the file is empty: expected a JSON document", { file });
  try {
    return JSON.parse(body);
  } catch {
    // Not plain JSON: find out where and why (or accept it when only comments made it fail).
  }
  const errors: ParseError[] = [];
  const value: unknown = visitForValue(body, errors, options.allowComments === true);
  const first = errors[0];
  if (first === undefined) return value;
  const { line, column } = lineAndColumn(body, first.offset);
  throw new ErguardError("bad_input", `not valid JSON: ${describeParseError(first.error)}`, { file, line, column });
}

function visitForValue(text: string, errors: ParseError[], allowComments: boolean): unknown {
  const tree = parseTree(text, errors, { disallowComments: !allowComments, allowTrailingComma: false });
  return tree === undefined ? undefined : nodeValue(tree);
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key !== undefined && value !== undefined) out[String(key.value)] = nodeValue(value);
      }
      return out;
    }
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value as unknown;
  }
}

function describeParseError(code: ParseErrorCode): string {
  switch (code) {
    case ParseErrorCode.InvalidSymbol:
      return "unexpected character: expected a value, a property name or a delimiter";
    case ParseErrorCode.InvalidNumberFormat:
      return "invalid number";
    case ParseErrorCode.PropertyNameExpected:
      return "expected a property name in double quotes";
    case ParseErrorCode.ValueExpected:
      return "expected a value";
    case ParseErrorCode.ColonExpected:
      return "expected ':' after the property name";
    case ParseErrorCode.CommaExpected:
      return "expected ',' between values";
    case ParseErrorCode.CloseBraceExpected:
      return "expected ',' or '}' to close the object";
    case ParseErrorCode.CloseBracketExpected:
      return "expected ',' or ']' to close the array";
    case ParseErrorCode.EndOfFileExpected:
      return "expected the end of the file after the JSON value";
    case ParseErrorCode.InvalidCommentToken:
      return "comments are not allowed here";
    case ParseErrorCode.UnexpectedEndOfComment:
      return "unterminated comment";
    case ParseErrorCode.UnexpectedEndOfString:
      return "unterminated string";
    case ParseErrorCode.UnexpectedEndOfNumber:
      return "unterminated number";
    case ParseErrorCode.InvalidUnicode:
      return "invalid unicode escape";
    case ParseErrorCode.InvalidEscapeCharacter:
      return "invalid escape character in a string";
    case ParseErrorCode.InvalidCharacter:
      return "invalid character in a string";
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// 1-based line and column of an offset.
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// RFC 6901 JSON pointer of a path ("/resources/3/type").
export function toPointer(path: JsonPath): string {
  return path.map((s) => "/" + String(s).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

export function fromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

const FOUND = Symbol("found");

// The line of the value at path (of a property: the line of its key), without building a tree:
// one scan that skips every subtree off the path and stops when it reaches the target. Meant
// for error messages on large files; undefined when the path is not in the text.
export function lineOfPath(text: string, path: JsonPath): number | undefined {
  const target = path.map(String);
  let found: number | undefined;
  const relation = (p: JsonPath): "equal" | "prefix" | "off" => {
    if (p.length > target.length) return "off";
    for (let i = 0; i < p.length; i++) if (String(p[i]) !== target[i]) return "off";
    return p.length === target.length ? "equal" : "prefix";
  };
  const enter = (startLine: number, p: JsonPath): boolean => {
    const r = relation(p);
    if (r === "equal") {
      found = startLine + 1;
      throw FOUND;
    }
    return r === "prefix";
  };
  try {
    visit(
      stripBom(text),
      {
        onObjectBegin: (_o, _l, startLine, _c, pathSupplier) => enter(startLine, pathSupplier()),
        onArrayBegin: (_o, _l, startLine, _c, pathSupplier) => enter(startLine, pathSupplier()),
        // jsonc-parser ends a skipped subtree only in these callbacks: they must exist.
        onObjectEnd: () => {},
        onArrayEnd: () => {},
        onObjectProperty: (property, _o, _l, startLine, _c, pathSupplier) => {
          if (relation([...pathSupplier(), property]) === "equal") {
            found = startLine + 1;
            throw FOUND;
          }
        },
        onLiteralValue: (_v, _o, _l, startLine, _c, pathSupplier) => {
          if (relation(pathSupplier()) === "equal") {
            found = startLine + 1;
            throw FOUND;
          }
        },
      },
      { disallowComments: false, allowTrailingComma: true },
    );
  } catch (err) {
    if (err !== FOUND) throw err;
  }
  return found;
}

// A parsed document that answers "which line is this path on" many times over (templates,
// where every resource and property carries its line). Builds the whole position tree once.
export class JsonDocument {
  private readonly root: Node | undefined;
  private readonly lineStarts: number[];

  constructor(text: string) {
    const body = stripBom(text);
    this.root = parseTree(body, [], { disallowComments: false, allowTrailingComma: true });
    this.lineStarts = [0];
    for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  // 1-based line of the value at path; for an object property, the line of its key.
  lineOf(path: JsonPath): number | undefined {
    if (this.root === undefined) return undefined;
    const node = findNodeAtLocation(this.root, [...path]);
    if (node === undefined) return undefined;
    const at = node.parent?.type === "property" ? node.parent.offset : node.offset;
    return this.lineAt(at);
  }

  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

// The 1-based lines of the elements of the array at `path` (the resource_changes of a plan),
// in one scan that skips everything else: cheaper than a position tree for a large file.
export function elementLines(text: string, path: JsonPath): number[] {
  const target = path.map(String);
  const lines: number[] = [];
  const onPath = (p: JsonPath): boolean => p.length <= target.length && p.every((s, i) => String(s) === target[i]);
  const begin = (startLine: number, p: JsonPath): boolean => {
    if (p.length === target.length + 1 && onPath(p.slice(0, -1))) {
      lines.push(startLine + 1);
      return false;
    }
    return onPath(p);
  };
  visit(
    stripBom(text),
    {
      onObjectBegin: (_o, _l, startLine, _c, pathSupplier) => begin(startLine, pathSupplier()),
      onArrayBegin: (_o, _l, startLine, _c, pathSupplier) => begin(startLine, pathSupplier()),
      onObjectEnd: () => {},
      onArrayEnd: () => {},
    },
    { disallowComments: false, allowTrailingComma: true },
  );
  return lines;
}
