import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { checkEvaluationIntegrity } from "@/lib/domain/records";

/** Whether the stored ballot chain and frozen record still match what the app wrote. */
export const GET = apiRoute(EvaluationParams, ({ actor, params }) => checkEvaluationIntegrity(actor, params.id));
