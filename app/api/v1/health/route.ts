// Liveness: the process is up and serving. Touches no database, needs no sign-in.
export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };

/** Always `{ status: "ok" }` while the server answers. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: HEADERS });
}

/** The same constant answer to a POST: the bare-handler baseline of `npm run bench:http`. */
export function POST() {
  return Response.json({ status: "ok" }, { headers: HEADERS });
}
