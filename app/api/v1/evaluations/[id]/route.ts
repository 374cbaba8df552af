import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { getEvaluationView } from "@/lib/domain/report";

/** Everything the evaluation page shows; the page's live view refetches it. */
export const GET = apiRoute(EvaluationParams, ({ actor, params }) => getEvaluationView(actor, params.id));
