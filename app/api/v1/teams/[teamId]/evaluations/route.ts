import { apiRoute } from "@/lib/http/api";
import { TeamParams } from "@/lib/http/params";
import { listTeamEvaluations } from "@/lib/domain/evaluations";

/** The team's evaluations: `[{ id, title, status, ballots }]` (and a few more fields). */
export const GET = apiRoute(TeamParams, ({ actor, params }) => listTeamEvaluations(actor, params.teamId));
