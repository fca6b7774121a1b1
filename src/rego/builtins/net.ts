// Builtins of the net family: CIDR arithmetic over IPv4 and IPv6, the ground of NSG and
// routing policies. Semantics, quirks and messages follow OPA (topdown/cidr.go), including
// that both operands of cidr_contains and cidr_intersects report type errors as "operand 1".

import { RegoSet, isArray, isObject, isSet, objectEntries, type Value } from "../value.js";
import {
  classfulNetwork,
  formatIP,
  formatNetwork,
  lastAddress,
  networkContains,
  parseCIDR,
  parseIP,
  rangeToNetworks,
  toSpace,
  bitsOf,
  type IPAddress,
  type IPNetwork,
} from "./ipaddr.js";
import { operandError } from "./args.js";
import { BuiltinError, builtinError, type Builtin } from "./registry.js";

// OPA expands any block until the query times out; erguard refuses blocks of more than
// 2^20 addresses (an IPv4 /12) rather than filling memory.
const CIDR_EXPAND_MAX_HOST_BITS = 20;

function stringOperand(name: string, v: Value): string {
  if (typeof v !== "string") throw operandError(name, 1, "string", v);
  return v;
}

// The parsers, memoised within one call of net.cidr_contains_matches, which meets the same
// texts once per pair.
interface Parsers {
  cidr(text: string): IPNetwork | undefined;
  ip(text: string): IPAddress | undefined;
}

function memoised<T>(parse: (text: string) => T, limit = Infinity): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const v = parse(text);
    if (seen.size >= limit) seen.clear();
    seen.set(text, v);
    return v;
  };
}

// Every other call parses through a bounded memo shared by all queries: policies test the
// same prefixes of an estate against each other many times, and parsing is the larger part
// of a test. (Parsed networks and addresses are immutable.)
const PARSED_LIMIT = 1 << 16;
const DIRECT: Parsers = { cidr: memoised(parseCIDR, PARSED_LIMIT), ip: memoised(parseIP, PARSED_LIMIT) };

function cidrOperand(name: string, v: Value, parse: Parsers = DIRECT): IPNetwork {
  const text = stringOperand(name, v);
  const net = parse.cidr(text);
  if (!net) throw builtinError(name, `invalid CIDR address: ${text}`);
  return net;
}

// Whether block a holds b, an address or a whole block.
function cidrContains(name: string, a: Value, b: Value, parse: Parsers = DIRECT): boolean {
  const outer = cidrOperand(name, a, parse);
  const text = stringOperand(name, b);
  const ip = parse.ip(text);
  if (ip) return networkContains(outer, ip);
  const inner = parse.cidr(text);
  if (!inner) throw builtinError(name, `not a valid textual representation of an IP address or CIDR: ${text}`);
  return (
    networkContains(outer, { v4: inner.v4, value: inner.first }) &&
    networkContains(outer, { v4: inner.v4, value: lastAddress(inner) })
  );
}

function cidrIntersects(name: string, a: Value, b: Value): boolean {
  const x = cidrOperand(name, a);
  const y = cidrOperand(name, b);
  return networkContains(x, { v4: y.v4, value: y.first }) || networkContains(y, { v4: x.v4, value: x.first });
}

// ---------------------------------------------------------------------------------------
// net.cidr_contains_matches: each operand is a string, or a collection whose members are
// strings or arrays led by a string; the result pairs the keys of the matching members.

type Candidate = readonly [cidr: Value, key: Value] | BuiltinError;

function matchElement(name: string, pos: number, v: Value, key: Value): Candidate {
  if (typeof v === "string") return [v, key];
  if (isArray(v) && v.length > 0) return [v[0] as Value, key];
  return builtinError(name, `operand ${pos}: element must be string or non-empty array`);
}

// [cidr, key] for each member, or the error of a bad member, raised only when the pairing
// reaches it (so errors surface in OPA's order). Other operand types yield nothing, as in OPA.
function matchCandidates(name: string, pos: number, v: Value): Candidate[] {
  if (typeof v === "string") return [[v, v]];
  if (isArray(v)) return v.map((m, i) => matchElement(name, pos, m, i));
  if (isSet(v)) return v.sorted().map((m) => matchElement(name, pos, m, m));
  if (isObject(v)) return [...objectEntries(v)].map(([k, m]) => matchElement(name, pos, m, k));
  return [];
}

function cidrContainsMatches(name: string, a: Value, b: Value): RegoSet {
  const result = new RegoSet();
  const parse: Parsers = { cidr: memoised(parseCIDR), ip: memoised(parseIP) };
  const candidates = matchCandidates(name, 2, b);
  for (const first of matchCandidates(name, 1, a)) {
    if (first instanceof BuiltinError) throw first;
    for (const second of candidates) {
      if (second instanceof BuiltinError) throw second;
      if (cidrContains(name, first[0], second[0], parse)) result.add([first[1], second[1]]);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// net.cidr_merge

interface Span {
  first: bigint;
  last: bigint;
  // How OPA prints the input block when it merges with nothing; undefined once merged.
  text: string | undefined;
}

function mergeSpan(name: string, v: Value): Span {
  if (typeof v !== "string") throw builtinError(name, "element must be string");
  let net: IPNetwork | undefined;
  let text: string;
  const ip = parseIP(v);
  if (ip) {
    if (!ip.v4) throw builtinError(name, "IPv6 invalid: needs prefix length");
    // A bare IPv4 address stands for its classful block, printed with the address unmasked.
    net = classfulNetwork(ip);
    text = `${formatIP(true, ip.value)}/${net.prefix}`;
  } else {
    net = parseCIDR(v);
    if (!net) throw builtinError(name, `invalid CIDR address: ${v}`);
    text = formatNetwork(net);
  }
  return { first: toSpace(net.v4, net.first), last: toSpace(net.v4, lastAddress(net)), text };
}

const MAPPED_ZERO = toSpace(true, 0n);

// The address before x; the first IPv4 address and :: have none (OPA keeps them as is).
function previous(x: bigint): bigint {
  return x === 0n || x === MAPPED_ZERO ? x : x - 1n;
}

function cidrMerge(name: string, operand: Value): RegoSet {
  let members: readonly Value[];
  if (isArray(operand)) members = operand;
  else if (isSet(operand)) members = operand.sorted();
  else throw builtinError(name, "operand must be an array");
  const spans = members.map((m) => mergeSpan(name, m));
  spans.sort((x, y) => (x.last < y.last ? -1 : x.last > y.last ? 1 : x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
  // Sorted by last address: a span merges into its predecessor when they touch or overlap.
  for (let i = spans.length - 1; i > 0; i--) {
    const cur = spans[i]!;
    const prev = spans[i - 1]!;
    if (previous(cur.first) <= prev.last) {
      spans[i - 1] = { first: prev.first < cur.first ? prev.first : cur.first, last: cur.last, text: undefined };
      spans.splice(i, 1);
    }
  }
  const result = new RegoSet();
  for (const s of spans) {
    if (s.text !== undefined) result.add(s.text);
    else for (const net of rangeToNetworks(s.first, s.last)) result.add(formatNetwork(net));
  }
  return result;
}

// ---------------------------------------------------------------------------------------

function cidrExpand(name: string, operand: Value): RegoSet {
  const net = cidrOperand(name, operand);
  const hostBits = bitsOf(net.v4) - net.prefix;
  if (hostBits > CIDR_EXPAND_MAX_HOST_BITS) {
    throw builtinError(name, `${operand as string} holds more than 2^${CIDR_EXPAND_MAX_HOST_BITS} addresses`);
  }
  const result = new RegoSet();
  const last = lastAddress(net);
  for (let a = net.first; a <= last; a++) result.add(formatIP(net.v4, a));
  return result;
}

export const netBuiltins: readonly Builtin[] = [
  { name: "net.cidr_contains", arity: 2, fn: ([a, b]) => cidrContains("net.cidr_contains", a!, b!) },
  // Deprecated alias of net.cidr_contains, kept for old policies.
  { name: "net.cidr_overlap", arity: 2, fn: ([a, b]) => cidrContains("net.cidr_overlap", a!, b!) },
  { name: "net.cidr_intersects", arity: 2, fn: ([a, b]) => cidrIntersects("net.cidr_intersects", a!, b!) },
  {
    name: "net.cidr_contains_matches",
    arity: 2,
    fn: ([a, b]) => cidrContainsMatches("net.cidr_contains_matches", a!, b!),
  },
  { name: "net.cidr_expand", arity: 1, fn: ([a]) => cidrExpand("net.cidr_expand", a!) },
  { name: "net.cidr_merge", arity: 1, fn: ([a]) => cidrMerge("net.cidr_merge", a!) },
  {
    name: "net.cidr_is_valid",
    arity: 1,
    fn: ([a]) => typeof a === "string" && DIRECT.cidr(a) !== undefined,
  },
];
