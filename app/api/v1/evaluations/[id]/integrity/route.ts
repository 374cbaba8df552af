import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { checkEvaluationIntegrity } from "@/lib/domain/records";

/**
 * Whether the stored ballot chain and frozen record still match what the app wrote. For an
 * evaluation imported from a record, `imported` names that record and `checked` says that the
 * check covers matching it since the import, not how its decision was made.
 */
export const GET = apiRoute(EvaluationParams, ({ actor, params }) => checkEvaluationIntegrity(actor, params.id));
