import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { listScenarios, saveScenario } from "@/lib/domain/scenarios";
import { LIMITS } from "@/lib/limits";

/** The saved what-if scenarios the caller may see (the team's once shared, always their own). */
export const GET = apiRoute(EvaluationParams, ({ actor, params }) => listScenarios(actor, params.id));

/** Saves a what-if: `{ name, weights }` (points by criterion key, adding up to 100); 201 with the scenario. */
export const POST = apiRoute(
  EvaluationParams,
  async ({ actor, params, json }) => NextResponse.json(await saveScenario(actor, params.id, await json()), { status: 201 }),
  { bodyLimit: LIMITS.bodyBytes.scenario },
);

export const dynamic = "force-dynamic";
