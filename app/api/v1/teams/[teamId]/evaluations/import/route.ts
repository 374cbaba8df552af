import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api";
import { TeamParams } from "@/lib/http/params";
import { LIMITS } from "@/lib/limits";
import { importDecisionRecord } from "@/lib/domain/import-record";

/**
 * Re-creates an exported decision record in this team, as a draft or a decided archive: 201.
 * Owners and admins only. A body over LIMITS.bodyBytes.import is a 413 before it is read in full:
 * a record that large is not one the app wrote, and parsing and re-scoring it would tie the
 * server up (a 3.8 MB file once took 48 s).
 */
export const POST = apiRoute(
  TeamParams,
  async ({ actor, params, json }) => NextResponse.json(await importDecisionRecord(actor, params.teamId, await json()), { status: 201 }),
  { bodyLimit: LIMITS.bodyBytes.import },
);
