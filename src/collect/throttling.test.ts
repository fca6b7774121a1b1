import { createHttpHeaders } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { parseTimeSpan, retryAfterMs } from "./throttling.js";

describe("reading Azure's throttling headers", () => {
  it("reads x-ms-user-quota-resets-after as hh:mm:ss, with fractions and days", () => {
    expect(parseTimeSpan("00:00:03")).toBe(3_000);
    expect(parseTimeSpan("00:01:02.5")).toBe(62_500);
    expect(parseTimeSpan("1.00:00:00")).toBe(86_400_000);
    expect(parseTimeSpan("soon")).toBeUndefined();
  });

  it("reads Retry-After in seconds or as a date, and Azure's millisecond variants first", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterMs(createHttpHeaders({ "retry-after": "7" }), now)).toBe(7_000);
    expect(retryAfterMs(createHttpHeaders({ "retry-after": "Wed, 01 Jan 2025 00:00:04 GMT" }), now)).toBe(4_000);
    expect(retryAfterMs(createHttpHeaders({ "retry-after": "7", "retry-after-ms": "250" }), now)).toBe(250);
    expect(retryAfterMs(createHttpHeaders({}), now)).toBeUndefined();
  });
});
