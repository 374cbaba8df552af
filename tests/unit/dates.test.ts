import { describe, expect, it } from "vitest";
import { formatUtcDateTime } from "@/lib/dates";

describe("dates in stored and mailed text", () => {
  it("use the app's format in UTC, saying so, whatever the server's zone", () => {
    expect(formatUtcDateTime(new Date("2026-05-04T14:30:59Z"))).toBe("4 May 2026, 14:30 UTC");
    expect(formatUtcDateTime("2026-12-31T23:05:00-02:00")).toBe("1 Jan 2027, 01:05 UTC");
  });
});
