import "server-only";
import { readCriterionWeights } from "@/lib/json-columns";
import { db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { ANY_STATUS, readEvaluation, withEvaluation } from "@/lib/domain/evaluation-access";
import { can, type Role } from "@/lib/permissions";
import { checkScenarioFits, ScenarioInputSchema, scenariosSharedWithTeam } from "@/lib/validation/scenario";
import { LIMITS } from "@/lib/limits";

/** A saved what-if as its readers get it (GET/POST …/scenarios). */
export interface ScenarioSummary {
  id: string;
  name: string;
  /** points by criterion key, adding up to 100 */
  weights: Record<string, number>;
  createdAt: string;
  createdBy: { id: string; name: string };
  /** whether the reader may delete it: its creator, or a team owner or admin */
  canDelete: boolean;
  /** whether the rest of the team can see it now (false while a blind vote keeps it to its creator) */
  shared: boolean;
}

type Row = { id: string; name: string; weights: string; createdAt: Date; createdBy: { id: string; name: string } };

const SELECT = { id: true, name: true, weights: true, createdAt: true, createdBy: { select: { id: true, name: true } } } as const;

function toSummary(row: Row, reader: { userId: string; role: Role }, shared: boolean): ScenarioSummary {
  const own = row.createdBy.id === reader.userId;
  return {
    id: row.id,
    name: row.name,
    weights: readCriterionWeights(row.weights),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    canDelete: (own && can(reader.role, "comment:write")) || can(reader.role, "members:manage"),
    shared,
  };
}

/**
 * The evaluation's saved scenarios a reader may see, newest first: everyone's once they are shared
 * with the team (scenariosSharedWithTeam), otherwise only the reader's own.
 */
export async function listScenarios(actor: Actor, evaluationId: string): Promise<ScenarioSummary[]> {
  const { role, status, visibility } = await readEvaluation(actor, evaluationId, "team:read");
  const shared = scenariosSharedWithTeam(status, visibility);
  const rows = await db.scenario.findMany({
    where: { evaluationId, ...(shared ? {} : { createdById: actor.userId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: SELECT,
  });
  return rows.map((row) => toSummary(row, { userId: actor.userId, role }, shared));
}

/**
 * Saves the actor's what-if under a name. Members and above (the role that may join the
 * discussion: a scenario is shared material for it, not a vote). The weights are checked against
 * the evaluation's criteria and the per-evaluation limit is counted under the write lock, so two
 * saves racing for the last slot cannot both land. The revision bump tells open pages to refetch.
 */
export async function saveScenario(actor: Actor, evaluationId: string, input: unknown): Promise<ScenarioSummary> {
  const data = parseOrThrow(ScenarioInputSchema, input, "scenario");
  return withEvaluation(actor, evaluationId, "comment:write", ANY_STATUS, async ({ tx, audit, role, status, visibility }) => {
    const keys = (await tx.criterion.findMany({ where: { evaluationId }, select: { key: true } })).map((c) => c.key);
    const fields = checkScenarioFits(data.weights, keys);
    if (Object.keys(fields).length) throw new AppError("invalid", `Invalid scenario: ${Object.values(fields)[0]}`, fields);
    const count = await tx.scenario.count({ where: { evaluationId } });
    if (count >= LIMITS.scenariosPerEvaluation) {
      throw new AppError("conflict", `An evaluation holds at most ${LIMITS.scenariosPerEvaluation} scenarios; delete one to save another.`);
    }
    const created = await tx.scenario.create({
      data: { evaluationId, createdById: actor.userId, name: data.name, weights: JSON.stringify(data.weights) },
      select: SELECT,
    });
    // The weights stay out of the audit log: they may be the creator's blind ballot.
    await audit("scenario.saved", { scenarioId: created.id, name: created.name });
    return toSummary(created, { userId: actor.userId, role }, scenariosSharedWithTeam(status, visibility));
  });
}

/**
 * Deletes a scenario: its creator, or a team owner or admin. A scenario the actor cannot see (another
 * member's, while a blind vote keeps it private) is not found, so its existence does not leak.
 */
export async function deleteScenario(actor: Actor, evaluationId: string, scenarioId: string): Promise<void> {
  await withEvaluation(actor, evaluationId, "team:read", ANY_STATUS, async ({ tx, audit, role, status, visibility }) => {
    const scenario = await tx.scenario.findFirst({ where: { id: scenarioId, evaluationId }, select: { createdById: true, name: true } });
    const own = scenario?.createdById === actor.userId;
    if (!scenario || (!own && !scenariosSharedWithTeam(status, visibility))) {
      throw new AppError("not_found", "That scenario does not exist or was deleted.");
    }
    if (!(own && can(role, "comment:write")) && !can(role, "members:manage")) {
      throw new AppError("forbidden", "Only the member who saved a scenario or a team owner or admin can delete it.");
    }
    await tx.scenario.delete({ where: { id: scenarioId } });
    await audit("scenario.deleted", { scenarioId, name: scenario.name, by: own ? "creator" : "moderator" });
  });
}
