import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/http/openapi";

// Public: it describes the API, not anyone's data.
export const dynamic = "force-static";

/** The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes use. */
export function GET() {
  return NextResponse.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
