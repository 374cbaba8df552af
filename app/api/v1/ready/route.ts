import { pingDatabase } from "@/lib/db/client";

// Readiness: the server can do work, i.e. its database answers one cheap read. Needs no sign-in
// and says nothing about the database beyond up or down.
export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };
let failing = false;

/** `{ status: "ok" }`, or 503 with `{ status: "unavailable", error }` when the database does not answer. */
export async function GET() {
  try {
    await pingDatabase();
    failing = false;
    return Response.json({ status: "ok" }, { headers: HEADERS });
  } catch (error) {
    // Logged once per outage, not on every probe.
    if (!failing) console.error("Readiness check failed: the database does not answer", error);
    failing = true;
    return Response.json(
      { status: "unavailable", error: { code: "unavailable", message: "The database is not reachable." } },
      { status: 503, headers: HEADERS },
    );
  }
}
