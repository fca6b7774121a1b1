// --shard I/N: split a large estate between N collection jobs. A subscription's shard depends on
// nothing but its id (a hash of it), so every job agrees on the split whatever order Azure lists
// the subscriptions in, and a new subscription does not move the others.
// I counts from 1, as in "--shard 1/4 … --shard 4/4".

import { createHash } from "node:crypto";
import { ErguardError } from "../errors.js";

export interface Shard {
  readonly index: number; // 1..count
  readonly count: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ErguardError("bad_config", `--shard "${text}": expected I/N with 1 <= I <= N, such as 1/4`);
  }
  return { index, count };
}

export function shardOf(subscriptionId: string, count: number): number {
  const digest = createHash("sha256").update(subscriptionId.toLowerCase()).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(subscriptionId: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(subscriptionId, shard.count) === shard.index;
}
