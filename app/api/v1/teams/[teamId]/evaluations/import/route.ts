import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api";
import { TeamParams } from "@/lib/http/params";
import { importDecisionRecord } from "@/lib/domain/import-record";

/** Re-creates an exported decision record in this team, as a draft or a decided archive: 201. */
export const POST = apiRoute(TeamParams, async ({ actor, params, json }) =>
  NextResponse.json(await importDecisionRecord(actor, params.teamId, await json()), { status: 201 }),
);
