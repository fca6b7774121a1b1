// The CIDR functions of the template language (parseCidr, cidrSubnet, cidrHost), which network
// templates use to carve subnets out of an address space. IPv4 only: IPv6 ranges are refused
// with a clear message rather than computed wrongly.

import { ExpressionError } from "./arm-expressions.js";
import type { JsonObject } from "./json-value.js";

interface Range {
  readonly network: number; // unsigned 32-bit
  readonly prefix: number;
}

function parseRange(text: string, fn: string): Range {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (m === null) {
    if (text.includes(":")) throw new ExpressionError(`${fn}() of the IPv6 range "${text}" is not supported by erguard`);
    throw new ExpressionError(`${fn}() expects an IPv4 range in CIDR notation such as 10.0.0.0/16, found "${text}"`);
  }
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) throw new ExpressionError(`${fn}(): "${text}" is not a valid IPv4 range`);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { network: address - (address % blockSize(prefix)), prefix };
}

const blockSize = (prefix: number): number => 2 ** (32 - prefix);

function formatAddress(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export function parseCidr(text: string): JsonObject {
  const { network, prefix } = parseRange(text, "parseCidr");
  const size = blockSize(prefix);
  const broadcast = network + size - 1;
  const small = prefix >= 31; // /31 and /32 have no network or broadcast address to skip
  return {
    network: formatAddress(network),
    netmask: formatAddress(2 ** 32 - size),
    broadcast: formatAddress(broadcast),
    firstUsable: formatAddress(small ? network : network + 1),
    lastUsable: formatAddress(small ? broadcast : broadcast - 1),
    cidr: prefix,
  };
}

export function cidrSubnet(text: string, newPrefix: number, index: number): string {
  const { network, prefix } = parseRange(text, "cidrSubnet");
  if (!Number.isInteger(newPrefix) || newPrefix < prefix || newPrefix > 32) {
    throw new ExpressionError(`cidrSubnet(): the new prefix length must be between ${prefix} and 32, found ${newPrefix}`);
  }
  const count = 2 ** (newPrefix - prefix);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new ExpressionError(`cidrSubnet(): subnet index ${index} is out of range: ${text} holds ${count} /${newPrefix} subnets`);
  }
  return `${formatAddress(network + index * blockSize(newPrefix))}/${newPrefix}`;
}

// Host index 0 is the first usable address (the one after the network address).
export function cidrHost(text: string, index: number): string {
  const { network, prefix } = parseRange(text, "cidrHost");
  const small = prefix >= 31;
  const usable = small ? blockSize(prefix) : blockSize(prefix) - 2;
  if (!Number.isInteger(index) || index < 0 || index >= usable) {
    throw new ExpressionError(`cidrHost(): host index ${index} is out of range: ${text} has ${usable} usable addresses`);
  }
  return formatAddress(network + (small ? 0 : 1) + index);
}
