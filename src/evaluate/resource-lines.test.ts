import { describe, expect, it } from "vitest";
import { resourceLines } from "./resource-lines.js";

describe("resourceLines", () => {
  it("finds the line on which each resource of a pretty-printed snapshot begins", () => {
    const snapshot = { schemaVersion: 1, source: { kind: "azure" }, resources: [{ id: "a", properties: { list: [1, 2] } }, { id: "b" }] };
    const text = JSON.stringify(snapshot, null, 2);
    const lines = text.split("\n");
    const expected = [lines.findIndex((l) => l.includes('"id": "a"')), lines.findIndex((l) => l.includes('"id": "b"'))];
    // Each resource's "{" is on the line before its first key.
    expect([...resourceLines(text)]).toEqual([
      [0, expected[0]!],
      [1, expected[1]!],
    ]);
  });

  it("is not misled by quotes, backslashes and brackets inside strings", () => {
    const tricky = { id: 'x"]}\\', name: "\\\\", tags: { '"resources"': "[{" } };
    const text = JSON.stringify({ other: ['"resources": ['], resources: [tricky, tricky, tricky] }, null, 1);
    const starts = text
      .split("\n")
      .map((l, i) => [l, i + 1] as const)
      .filter(([l]) => l === "  {")
      .map(([, n]) => n);
    expect(starts).toHaveLength(3);
    expect([...resourceLines(text).values()]).toEqual(starts);
  });

  it("counts resources of a snapshot written on one line", () => {
    const text = JSON.stringify({ resources: [{ id: "a" }, { id: "b" }, { id: "c" }] });
    expect([...resourceLines(text)]).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });
});
