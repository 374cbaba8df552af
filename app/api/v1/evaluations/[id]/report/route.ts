import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { getEvaluationReport } from "@/lib/domain/report";

export const GET = apiRoute(EvaluationParams, ({ actor, params }) => getEvaluationReport(actor, params.id));
