import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { getEvaluationViewJson } from "@/lib/domain/report";

/** Everything the evaluation page shows (EvaluationViewSchema); the page's live view refetches it. */
export const GET = apiRoute(
  EvaluationParams,
  async ({ actor, params }) =>
    new Response(await getEvaluationViewJson(actor, params.id), { headers: { "Content-Type": "application/json" } }),
);
