// IP addresses and CIDR blocks, read and printed the way Go's net package does, since
// OPA's net.* builtins inherit its rules:
//   - IPv4 is four decimal fields without leading zeros; IPv6 has 1-4 hex digits per
//     group, one "::", an optional dotted IPv4 tail, and no zone ("fe80::1%eth0").
//   - An IPv4-mapped IPv6 address (::ffff:10.0.0.1) *is* an IPv4 address: it matches
//     IPv4 blocks and prints in dotted form. A block like ::ffff:10.0.0.0/104 is 10.0.0.0/8.
//   - IPv6 prints in RFC 5952 form (longest run of two or more zero groups as "::").
// Addresses are bigints: 32 bits for IPv4, 128 for IPv6.

export interface IPAddress {
  readonly v4: boolean;
  readonly value: bigint;
}

export interface IPNetwork {
  readonly v4: boolean;
  // The first address of the block (the address with its host bits cleared).
  readonly first: bigint;
  readonly prefix: number;
}

const MAPPED_PREFIX = 0xffffn; // bits 32..47 of an IPv4-mapped IPv6 address
const V4_MASK = 0xffffffffn;

export const bitsOf = (v4: boolean): number => (v4 ? 32 : 128);

// Parses one field of a dotted IPv4 address as Go does: 1-3 digits, no leading zero, <= 255.
function parseIPv4(s: string): bigint | undefined {
  const fields = s.split(".");
  if (fields.length !== 4) return undefined;
  let value = 0n;
  for (const f of fields) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(f)) return undefined;
    const n = Number(f);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

// Go's netip.parseIPv6, without zones (the callers reject those).
function parseIPv6(s: string): bigint | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string, last: boolean): number[] | undefined => {
    if (part === "") return [];
    const out: number[] = [];
    const fields = part.split(":");
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (last && i === fields.length - 1 && f.includes(".")) {
        const v4 = parseIPv4(f);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (HEX_GROUP.test(f)) {
        out.push(parseInt(f, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const elided = halves.length === 2;
  const head = groupsOf(halves[0]!, !elided);
  const tail = elided ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  const count = head.length + tail.length;
  // "::" must stand for at least one zero group; without it there must be exactly eight.
  if (elided ? count > 7 : count !== 8) return undefined;
  const groups = [...head, ...new Array<number>(8 - count).fill(0), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

// netip.ParseAddr: the first '.' or ':' decides the family. `dotted` tells a plain IPv4
// address from an IPv6 one (a mapped address is IPv6 text), which ParseCIDR needs.
function parseAddr(s: string): { dotted: boolean; value: bigint } | undefined {
  if (s.includes("%")) return undefined; // zones never pass net.ParseIP or net.ParseCIDR
  for (const ch of s) {
    if (ch === ".") {
      const v = parseIPv4(s);
      return v === undefined ? undefined : { dotted: true, value: v };
    }
    if (ch === ":") {
      const v = parseIPv6(s);
      return v === undefined ? undefined : { dotted: false, value: v };
    }
  }
  return undefined;
}

function isMapped(value128: bigint): boolean {
  return value128 >> 32n === MAPPED_PREFIX;
}

// net.ParseIP, with IPv4-mapped addresses turned into IPv4.
export function parseIP(s: string): IPAddress | undefined {
  const a = parseAddr(s);
  if (!a) return undefined;
  if (a.dotted) return { v4: true, value: a.value };
  if (isMapped(a.value)) return { v4: true, value: a.value & V4_MASK };
  return { v4: false, value: a.value };
}

function hostMask(net: IPNetwork): bigint {
  return (1n << BigInt(bitsOf(net.v4) - net.prefix)) - 1n;
}

function networkOf(v4: boolean, address: bigint, prefix: number): IPNetwork {
  const host = (1n << BigInt(bitsOf(v4) - prefix)) - 1n;
  const first = address & ~host;
  // Go looks at an IPv6 block whose network address is IPv4-mapped through its IPv4 half.
  if (!v4 && prefix >= 96 && isMapped(first)) return { v4: true, first: first & V4_MASK, prefix: prefix - 96 };
  return { v4, first, prefix };
}

// net.ParseCIDR: "<address>/<decimal prefix>", the prefix at most 32 for dotted IPv4.
export function parseCIDR(s: string): IPNetwork | undefined {
  const slash = s.indexOf("/");
  if (slash < 0) return undefined;
  const a = parseAddr(s.slice(0, slash));
  const digits = s.slice(slash + 1);
  if (!a || !/^[0-9]+$/.test(digits)) return undefined;
  const prefix = Number(digits);
  if (prefix > (a.dotted ? 32 : 128)) return undefined;
  return networkOf(a.dotted, a.value, prefix);
}

// The block of a bare IPv4 address in net.cidr_merge: Go's IP.DefaultMask, the classful
// mask (class A /8, B /16, C and above /24).
export function classfulNetwork(ip: IPAddress): IPNetwork {
  const firstOctet = Number(ip.value >> 24n);
  const prefix = firstOctet < 0x80 ? 8 : firstOctet < 0xc0 ? 16 : 24;
  return networkOf(true, ip.value, prefix);
}

export function lastAddress(net: IPNetwork): bigint {
  return net.first | hostMask(net);
}

export function networkContains(net: IPNetwork, ip: IPAddress): boolean {
  if (net.v4 !== ip.v4) return false;
  const shift = BigInt(bitsOf(net.v4) - net.prefix);
  return ip.value >> shift === net.first >> shift;
}

export function formatIP(v4: boolean, value: bigint): string {
  if (v4) {
    const n = Number(value);
    return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
  }
  if (isMapped(value)) return formatIP(true, value & V4_MASK);
  const digits = value.toString(16).padStart(32, "0");
  const groups: number[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(parseInt(digits.slice(i, i + 4), 16));
  // The longest run of two or more zero groups (the first of equals) becomes "::".
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(":");
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

export function formatNetwork(net: IPNetwork): string {
  return `${formatIP(net.v4, net.first)}/${net.prefix}`;
}

// ---------------------------------------------------------------------------------------
// One 128-bit space for merging, as OPA's merge code uses: IPv4 lives at ::ffff:0:0/96.

export function toSpace(v4: boolean, value: bigint): bigint {
  return v4 ? (MAPPED_PREFIX << 32n) | value : value;
}

// The smallest list of CIDR blocks that covers exactly [first, last] of the shared space.
export function rangeToNetworks(first: bigint, last: bigint): IPNetwork[] {
  const out: IPNetwork[] = [];
  let start = first;
  while (start <= last) {
    // The largest aligned block at `start` that ends at or before `last`.
    let size = 0;
    while (size < 128 && (start & ((1n << BigInt(size + 1)) - 1n)) === 0n && start + (1n << BigInt(size + 1)) - 1n <= last) {
      size++;
    }
    out.push(networkOf(false, start, 128 - size));
    start += 1n << BigInt(size);
  }
  return out;
}
