import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/authorize";
import { readEvaluation } from "@/lib/domain/evaluation-access";
import { computeReport } from "@/lib/engine";
import { weightSpread } from "@/lib/engine/spread";
import { ballotWeights, weightChanges } from "@/lib/engine/ballot-weights";
import type { Aggregation, Ballot, EngineInput, EngineReport } from "@/lib/engine/types";
import type { Role } from "@/lib/domain/permissions";
import type { EvaluationStatus } from "@/lib/validation/evaluation";
import { CitationSchema } from "@/lib/catalog/schema";
import { voterDisplayName, voterKey, type BallotOwner } from "@/lib/ballots/voter";
import { ballotsRevealed, visibilityOf, visibleReport } from "@/lib/ballots/visibility";

/** Reports are seeded so the same evaluation state always gives the same report. */
export const REPORT_SEED = 42;
export const REPORT_SAMPLES = 10_000;

async function loadEvaluation(evaluationId: string) {
  return db.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    include: {
      team: { select: { id: true, name: true, memberships: { include: { user: { select: { id: true, name: true, email: true } } } } } },
      options: { orderBy: { position: "asc" } },
      criteria: { orderBy: { position: "asc" } },
      ratings: true,
      ballots: { include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      supersededBy: { select: { id: true, title: true } },
      supersedes: { select: { id: true, title: true } },
      decidedBy: { select: { name: true } },
    },
  });
}
type LoadedEvaluation = Awaited<ReturnType<typeof loadEvaluation>>;

function storedBallotToEngine(ballot: BallotOwner & { method: string; payload: string }): Ballot {
  const payload = JSON.parse(ballot.payload);
  const voter = voterKey(ballot);
  return ballot.method === "pairwise"
    ? { voter, method: "pairwise", comparisons: payload.comparisons }
    : { voter, method: ballot.method as "points" | "likert", weights: payload.weights };
}

/** The engine's input for an evaluation's current round, keyed by option and criterion keys. */
export function toEngineInput(evaluation: LoadedEvaluation, round = evaluation.round): EngineInput {
  const optionKey = new Map(evaluation.options.map((o) => [o.id, o.key]));
  const criterionKey = new Map(evaluation.criteria.map((c) => [c.id, c.key]));
  const ratings: EngineInput["ratings"] = {};
  for (const o of evaluation.options) {
    ratings[o.key] = Object.fromEntries(evaluation.criteria.map((c) => [c.key, 0]));
  }
  for (const r of evaluation.ratings) {
    const o = optionKey.get(r.optionId);
    const c = criterionKey.get(r.criterionId);
    if (o && c) ratings[o][c] = r.score;
  }
  return {
    options: evaluation.options.map((o) => ({ id: o.key, name: o.name })),
    criteria: evaluation.criteria.map((c) => ({ id: c.key, name: c.name })),
    ratings,
    ballots: evaluation.ballots.filter((b) => b.round === round).map(storedBallotToEngine),
    aggregation: evaluation.aggregation as Aggregation,
    samples: REPORT_SAMPLES,
    seed: REPORT_SEED,
  };
}

export function reportFor(input: EngineInput): EngineReport | null {
  if (input.ballots.length === 0 || input.options.length === 0 || input.criteria.length === 0) return null;
  return computeReport(input);
}

/**
 * The team's report as a reader may see it now. With open voting the results show while people
 * vote, but the report's per-voter parts (each pairwise ballot's consistency ratio and worst
 * judgments, who cast a ballot the engine left out) would give a voter's judgments away before the
 * reveal, so until then they are dropped and excluded ballots are counted, not named.
 */
function teamReport(input: EngineInput, status: EvaluationStatus): EngineReport | null {
  const report = reportFor(input);
  if (!report || ballotsRevealed(status)) return report;
  return {
    ...report,
    consistency: {},
    inconsistentJudgments: {},
    excludedBallots: report.excludedBallots?.map((excluded, i) => ({ ...excluded, voter: `ballot ${i + 1}` })),
  };
}

/**
 * Each member's ballot as criterion weights, once ballots are revealed; from round 2 on, with what
 * they changed since their ballot of the round before.
 */
function revealedBallots(evaluation: LoadedEvaluation, criterionIds: string[]) {
  const inRound = (round: number) => evaluation.ballots.filter((b) => b.round === round);
  const previous = new Map(inRound(evaluation.round - 1).map((b) => [voterKey(b), b]));
  return inRound(evaluation.round).map((b) => {
    const weights = ballotWeights(storedBallotToEngine(b), criterionIds);
    const before = previous.get(voterKey(b));
    return {
      voter: voterKey(b),
      voterName: voterDisplayName(b),
      method: b.method,
      weights,
      changes: before ? weightChanges(ballotWeights(storedBallotToEngine(before), criterionIds), weights) : null,
    };
  });
}

/**
 * Everything a member may see of an evaluation, with the engine's report computed on the server.
 * Figures computed from the ballots pass through `visibleReport`: while blind voting is open the
 * report, the spread and the ballots are null (`reportHidden` says why) for every role, the owner
 * included, and are not even computed. The reader's own ballot is always theirs to see.
 */
export async function getEvaluationView(actor: Actor, evaluationId: string) {
  const access = await readEvaluation(actor, evaluationId, "team:read");
  const evaluation = await loadEvaluation(evaluationId);
  // The loaded row decides, with the ballots loaded beside it: the round and status belong together.
  const status = evaluation.status as EvaluationStatus;
  const visibility = visibilityOf(evaluation.visibility);
  const input = toEngineInput(evaluation);
  const currentBallots = evaluation.ballots.filter((b) => b.round === evaluation.round);
  const members = evaluation.team.memberships.map((m) => ({
    id: m.user.id,
    name: m.user.name,
    role: m.role as Role,
    voted: currentBallots.some((b) => b.userId === m.user.id),
  }));
  const mine = currentBallots.find((b) => b.userId === actor.userId);
  const results = visibleReport(
    { status, visibility },
    {
      report: () => teamReport(input, status),
      // How far apart the members' weights are, per criterion: an aggregate that names no voter.
      weightSpread: () => (input.ballots.length > 1 ? weightSpread(input) : null),
      ballots: () => revealedBallots(evaluation, input.criteria.map((c) => c.id)),
    },
  );
  return {
    id: evaluation.id,
    teamId: evaluation.teamId,
    teamName: evaluation.team.name,
    title: evaluation.title,
    problem: evaluation.problem,
    status,
    visibility,
    round: evaluation.round,
    revision: evaluation.revision,
    aggregation: evaluation.aggregation as Aggregation,
    votingDeadline: evaluation.votingDeadline?.toISOString() ?? null,
    quorum: evaluation.quorum,
    decision: evaluation.decidedOptionId
      ? {
          option: evaluation.options.find((o) => o.id === evaluation.decidedOptionId)?.key ?? null,
          rationale: evaluation.decisionRationale ?? "",
          override: evaluation.decisionOverride,
          decidedAt: evaluation.decidedAt?.toISOString() ?? null,
          decidedBy: evaluation.decidedBy?.name ?? null,
        }
      : null,
    supersededBy: evaluation.supersededBy,
    supersedes: evaluation.supersedes,
    myRole: access.role,
    options: evaluation.options.map((o) => ({ id: o.id, key: o.key, name: o.name, summary: o.summary })),
    criteria: evaluation.criteria.map((c) => ({ id: c.id, key: c.key, name: c.name, description: c.description })),
    ratings: evaluation.ratings.map((r) => ({
      optionId: r.optionId,
      criterionId: r.criterionId,
      score: r.score,
      rationale: r.rationale,
      citations: CitationSchema.array().parse(JSON.parse(r.citations)),
    })),
    members,
    myBallot: mine ? storedBallotToEngine(mine) : null,
    ballots: results.ballots,
    // Only what a what-if preview needs: the options, criteria and ratings, never a ballot.
    table: { options: input.options, criteria: input.criteria, ratings: input.ratings },
    report: results.report,
    /** `{ hidden: "blind", message }` while the report is withheld; null otherwise */
    reportHidden: results.reportHidden,
    weightSpread: results.weightSpread,
    suggestedWeights: evaluation.suggestedWeights ? JSON.parse(evaluation.suggestedWeights) : null,
  };
}
export type EvaluationView = Awaited<ReturnType<typeof getEvaluationView>>;

/**
 * The API's report: `{ evaluation: { id, title, status }, report }`, with `report` null while the
 * ballots are blind (and `reportHidden` saying so) or before the first ballot.
 */
export async function getEvaluationReport(actor: Actor, evaluationId: string) {
  await readEvaluation(actor, evaluationId, "team:read");
  const evaluation = await loadEvaluation(evaluationId);
  const status = evaluation.status as EvaluationStatus;
  const visibility = visibilityOf(evaluation.visibility);
  const results = visibleReport(
    { status, visibility },
    { report: () => teamReport(toEngineInput(evaluation), status), weightSpread: () => null, ballots: () => null },
  );
  return {
    evaluation: { id: evaluation.id, title: evaluation.title, status, visibility },
    report: results.report,
    reportHidden: results.reportHidden,
  };
}
