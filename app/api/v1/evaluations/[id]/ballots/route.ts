import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { castBallot } from "@/lib/domain/ballots";
import { LIMITS } from "@/lib/limits";

/** Casts or revises the caller's ballot: 201 with the stored ballot. */
export const POST = apiRoute(
  EvaluationParams,
  async ({ actor, params, json }) => NextResponse.json(await castBallot(actor, params.id, await json()), { status: 201 }),
  { bodyLimit: LIMITS.bodyBytes.ballot },
);
