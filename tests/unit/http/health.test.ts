// Liveness and readiness answer without sign-in, never from a cache, with the bodies the OpenAPI
// document describes; readiness reads the (here: freshly migrated) database.
import { db } from "../../support/db";
import { describe, expect, it } from "vitest";
import * as health from "@/app/api/v1/health/route";
import * as ready from "@/app/api/v1/ready/route";
import { buildOpenApiDocument } from "@/lib/http/openapi";

describe("GET and POST /api/v1/health", () => {
  it("answers a constant ok, not to be cached", async () => {
    for (const response of [health.GET(), health.POST()]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok" });
    }
  });
});

describe("GET /api/v1/ready", () => {
  it("answers ok when the database answers a read", async () => {
    await db.user.count(); // the migrated copy is in place
    const response = await ready.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("opens the database in WAL mode with a busy timeout", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [busy] = await db.$queryRawUnsafe<{ timeout: bigint }[]>("PRAGMA busy_timeout");
    const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
    expect(mode.journal_mode).toBe("wal");
    expect(Number(busy.timeout)).toBe(5000);
    expect(Number(sync.synchronous)).toBe(1); // NORMAL
  });
});

describe("the OpenAPI document", () => {
  it("describes health and readiness as public, with the bodies they send", () => {
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(document.paths["/health"].get.security).toEqual([]);
    expect(document.paths["/health"].post.security).toEqual([]);
    expect(document.paths["/ready"].get.security).toEqual([]);
    expect(Object.keys(document.paths["/ready"].get.responses).sort()).toEqual(["200", "503"]);
    expect(document.components.schemas.Health.properties.status).toMatchObject({ const: "ok" });
    expect(document.components.schemas.Unavailable.properties.status).toMatchObject({ const: "unavailable" });
  });
});
