import { NextResponse } from "next/server";
import { decisionRecordJsonSchema } from "@/lib/export/record-schema";

// Public: a schema describes a file format, not anyone's data, and tools fetch it without credentials.
export const dynamic = "force-static";

/** JSON Schema (draft 2020-12) of an exported decision record. */
export function GET() {
  return NextResponse.json(decisionRecordJsonSchema(), {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
