import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { idSchema } from "@/lib/validation/team";
import { deleteScenario } from "@/lib/domain/scenarios";

const ScenarioParams = EvaluationParams.extend({ scenarioId: idSchema });

/** Deletes a saved scenario (the member who saved it, or a team owner or admin). */
export const DELETE = apiRoute(ScenarioParams, async ({ actor, params }) => {
  await deleteScenario(actor, params.id, params.scenarioId);
  return { deleted: true };
});

export const dynamic = "force-dynamic";
