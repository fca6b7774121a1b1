import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIP, formatNetwork, parseCIDR, parseIP, rangeToNetworks, toSpace } from "./ipaddr.js";

const u128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
const isMapped = (v: bigint) => v >> 32n === 0xffffn;

describe("IP address text", () => {
  it("prints IPv6 as the WHATWG URL parser does (RFC 5952) and reads it back", () => {
    // Sparse values exercise the zero-run compression more than uniform ones.
    const sparse = fc.array(fc.constantFrom(0, 0, 0, 1, 0xabc, 0xffff), { minLength: 8, maxLength: 8 }).map((gs) =>
      gs.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n),
    );
    fc.assert(
      fc.property(fc.oneof(u128, sparse), (v) => {
        fc.pre(!isMapped(v));
        const text = formatIP(false, v);
        expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
        expect(parseIP(text)).toEqual({ v4: false, value: v });
      }),
    );
  });

  it("reads every IPv6 spelling of an address to the same value", () => {
    const v = parseIP("2001:db8::1")!.value;
    for (const s of ["2001:DB8:0:0:0:0:0:1", "2001:0db8::0001", "2001:db8:0::0:1"]) expect(parseIP(s)!.value).toBe(v);
    expect(parseIP("::1.2.3.4")).toEqual({ v4: false, value: 0x01020304n });
    expect(parseIP("::ffff:1.2.3.4")).toEqual({ v4: true, value: 0x01020304n });
  });

  it("refuses what Go's parser refuses", () => {
    for (const s of [
      "",
      "1.2.3",
      "1.2.3.4.5",
      "1.2.3.04",
      "256.1.1.1",
      "1..2.3",
      ":1::",
      "1:2:3:4:5:6:7:8::",
      "1:2:3:4:5:6:7",
      "12345::",
      "1.2.3.4::",
      "::1.2.3.4:5",
      "fe80::1%eth0",
      "g::",
    ]) {
      expect(parseIP(s), s).toBeUndefined();
    }
  });

  it("reads CIDR prefixes as Go does", () => {
    expect(formatNetwork(parseCIDR("10.1.2.3/8")!)).toBe("10.0.0.0/8");
    expect(formatNetwork(parseCIDR("::ffff:10.1.2.3/104")!)).toBe("10.0.0.0/8");
    expect(formatNetwork(parseCIDR("::ffff:10.1.2.3/64")!)).toBe("::/64");
    expect(parseCIDR("10.0.0.0/0008")).toEqual({ v4: true, first: 0x0a000000n, prefix: 8 });
    expect(parseCIDR("1.2.3.4/33")).toBeUndefined();
    expect(parseCIDR("::ffff:1.2.3.4/129")).toBeUndefined();
  });
});

describe("rangeToNetworks", () => {
  it("covers exactly the range with aligned blocks that could not be fewer", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 40n }), fc.bigInt({ min: 0n, max: 1n << 36n }), (first, span) => {
        const last = first + span;
        const nets = rangeToNetworks(first, last);
        let next = first;
        for (const n of nets) {
          const size = 1n << BigInt(128 - n.prefix);
          const start = toSpace(n.v4, n.first);
          expect(start).toBe(next);
          expect(start % size).toBe(0n);
          next = start + size;
        }
        expect(next).toBe(last + 1n);
        // Minimal: no two neighbours of equal size could join into one aligned block.
        for (let i = 1; i < nets.length; i++) {
          const [a, b] = [nets[i - 1]!, nets[i]!];
          if (a.prefix === b.prefix && a.v4 === b.v4) {
            const size = 1n << BigInt(128 - a.prefix);
            expect(toSpace(a.v4, a.first) % (2n * size)).not.toBe(0n);
          }
        }
      }),
    );
  });

  it("prints blocks inside the IPv4-mapped space as IPv4", () => {
    expect(rangeToNetworks(toSpace(true, 0x0a000000n), toSpace(true, 0x0affffffn)).map(formatNetwork)).toEqual([
      "10.0.0.0/8",
    ]);
  });
});
