import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstSorted } from "../../src/report/order.js";

describe("firstSorted", () => {
  it("gives the first items of a stable sort, ties in their original order", () => {
    // Items compare by rank only, so ties abound; their index tells them apart.
    const items = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }).map((ranks) => ranks.map((rank, index) => ({ rank, index })));
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 80 }), (list, count) => {
        const byRank = (a: { rank: number }, b: { rank: number }) => a.rank - b.rank;
        expect(firstSorted(list, byRank, count)).toEqual([...list].sort(byRank).slice(0, count));
      }),
    );
  });
});
