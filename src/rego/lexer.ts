// Rego's tokens. Whitespace is dropped but remembered on the next token: the parser needs to
// know whether a newline came before a token (newlines separate body literals) and whether
// a `[`, `.` or `(` touches the term before it (a ref or a call) or stands apart (a new
// array or parenthesised expression).

import { RegoError } from "./errors.js";
import type { Location } from "./location.js";

export type TokenKind = "ident" | "string" | "number" | "punct" | "eof";

export interface Token {
  readonly kind: TokenKind;
  // ident: the name; string: the decoded value; number: the source text; punct: the operator.
  readonly text: string;
  readonly raw: boolean; // a `raw string`
  readonly loc: Location;
  readonly offset: number;
  readonly end: number;
  readonly newlineBefore: boolean;
  readonly spaceBefore: boolean; // any whitespace or comment before it
}

export interface Comment {
  readonly text: string; // without the leading '#'
  readonly loc: Location;
}

const PUNCT2 = new Set([":=", "==", "!=", "<=", ">="]);
const PUNCT1 = new Set(["=", "<", ">", "+", "-", "*", "/", "%", "|", "&", "(", ")", "[", "]", "{", "}", ".", ",", ";", ":"]);

const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

export function tokenize(source: string, file: string): { tokens: Token[]; comments: Comment[] } {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  let i = 0;
  let row = 1;
  let lineStart = 0;
  const n = source.length;
  const loc = (at: number): Location => ({ file, row, col: at - lineStart + 1 });
  const fail = (at: number, message: string): never => {
    throw new RegoError("rego_parse_error", message, loc(at));
  };

  let newlineBefore = false;
  let spaceBefore = false;
  while (true) {
    // Whitespace and comments.
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 10) {
        i++;
        row++;
        lineStart = i;
        newlineBefore = true;
        spaceBefore = true;
      } else if (c === 32 || c === 9 || c === 13) {
        i++;
        spaceBefore = true;
      } else if (c === 35) {
        const start = i;
        while (i < n && source.charCodeAt(i) !== 10) i++;
        comments.push({ text: source.slice(start + 1, i).replace(/\r$/, ""), loc: loc(start) });
        spaceBefore = true;
      } else break;
    }
    if (i >= n) {
      tokens.push({ kind: "eof", text: "", raw: false, loc: loc(i), offset: i, end: i, newlineBefore: true, spaceBefore });
      return { tokens, comments };
    }
    const start = i;
    const startLoc = loc(i);
    const c = source.charCodeAt(i);
    const push = (kind: TokenKind, text: string, raw = false) => {
      tokens.push({ kind, text, raw, loc: startLoc, offset: start, end: i, newlineBefore, spaceBefore });
      newlineBefore = false;
      spaceBefore = false;
    };

    if (isIdentStart(c)) {
      while (i < n && isIdentPart(source.charCodeAt(i))) i++;
      push("ident", source.slice(start, i));
      continue;
    }
    if (isDigit(c)) {
      // JSON number grammar; a leading '-' is the parser's business.
      if (c === 48 && i + 1 < n && isDigit(source.charCodeAt(i + 1))) fail(i, "leading zeros are not allowed in numbers");
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      if (source[i] === "." && isDigit(source.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(source.charCodeAt(i))) i++;
      }
      if (source[i] === "e" || source[i] === "E") {
        let j = i + 1;
        if (source[j] === "+" || source[j] === "-") j++;
        if (isDigit(source.charCodeAt(j))) {
          i = j;
          while (i < n && isDigit(source.charCodeAt(i))) i++;
        }
      }
      if (i < n && isIdentStart(source.charCodeAt(i))) fail(i, "illegal number format");
      push("number", source.slice(start, i));
      continue;
    }
    if (c === 34) {
      // "string" with JSON escapes
      i++;
      let value = "";
      let segment = i;
      while (true) {
        if (i >= n) fail(start, "non-terminated string");
        const d = source.charCodeAt(i);
        if (d === 34) break;
        if (d === 10) fail(start, "non-terminated string");
        if (d === 92) {
          value += source.slice(segment, i);
          const e = source[i + 1];
          switch (e) {
            case '"':
            case "\\":
            case "/":
              value += e;
              i += 2;
              break;
            case "b":
              value += "\b";
              i += 2;
              break;
            case "f":
              value += "\f";
              i += 2;
              break;
            case "n":
              value += "\n";
              i += 2;
              break;
            case "r":
              value += "\r";
              i += 2;
              break;
            case "t":
              value += "\t";
              i += 2;
              break;
            case "u": {
              const hex = source.slice(i + 2, i + 6);
              if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(i, "illegal \\u escape in string");
              value += String.fromCharCode(parseInt(hex, 16));
              i += 6;
              break;
            }
            default:
              fail(i, `illegal escape sequence \\${e ?? ""} in string`);
          }
          segment = i;
          continue;
        }
        i++;
      }
      value += source.slice(segment, i);
      i++;
      push("string", value);
      continue;
    }
    if (c === 96) {
      // `raw string`, may span lines
      i++;
      const s = i;
      while (i < n && source.charCodeAt(i) !== 96) {
        if (source.charCodeAt(i) === 10) {
          row++;
          lineStart = i + 1;
        }
        i++;
      }
      if (i >= n) throw new RegoError("rego_parse_error", "non-terminated raw string", startLoc);
      const value = source.slice(s, i);
      i++;
      push("string", value, true);
      continue;
    }
    const two = source.slice(i, i + 2);
    if (PUNCT2.has(two)) {
      i += 2;
      push("punct", two);
      continue;
    }
    const one = source[i]!;
    if (PUNCT1.has(one)) {
      i++;
      push("punct", one);
      continue;
    }
    fail(i, `illegal token ${JSON.stringify(one)}`);
  }
}
