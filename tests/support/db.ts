// Import this FIRST in an integration test file: it points DATABASE_URL at a fresh copy of the
// migrated base database before any module opens a connection.
import { copyFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

const file = path.join(tmpdir(), `tradeoff-test-${randomUUID()}.db`);
copyFileSync(inject("baseDatabase"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

export const { db } = await import("@/lib/db/client");
