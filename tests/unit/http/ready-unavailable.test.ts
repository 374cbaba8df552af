// Readiness when the database file cannot be used: 503 with a JSON error, logged once per outage.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// A file that is not a SQLite database, set before any module opens a connection.
const file = path.join(mkdtempSync(path.join(tmpdir(), "tradeoff-ready-")), "not-a-database.db");
writeFileSync(file, "this is not a SQLite database file, just some text that is long enough ".repeat(200));
process.env.DATABASE_URL = `file:${file}`;
const ready = await import("@/app/api/v1/ready/route");

describe("GET /api/v1/ready without a usable database", () => {
  it("answers 503 with a JSON error and logs the cause once", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (let i = 0; i < 2; i++) {
      const response = await ready.GET();
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({
        status: "unavailable",
        error: { code: "unavailable", message: "The database is not reachable." },
      });
    }
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockClear();
  });
});
