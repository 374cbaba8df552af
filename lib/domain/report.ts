import "server-only";
import { readBallotPayload, readRatingCitations, readSuggestedWeights } from "@/lib/json-columns";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/authorize";
import { readEvaluation, readEvaluationWithTeam } from "@/lib/domain/evaluation-access";
import { computeReport } from "@/lib/engine";
import { weightSpread, type WeightSpread } from "@/lib/engine/spread";
import { ballotWeights, weightChanges } from "@/lib/engine/ballot-weights";
import type { Aggregation, Ballot, BallotMethod, EngineInput, EngineReport, PairwiseComparison } from "@/lib/engine/types";
import type { Role } from "@/lib/permissions";
import type { EvaluationStatus } from "@/lib/validation/evaluation";
import type { Citation } from "@/lib/catalog/schema";
import { createRevisionCache } from "@/lib/domain/report-cache";
import { voterDisplayName, voterKey, type BallotOwner } from "@/lib/ballots/voter";
import { ballotsRevealed, visibilityOf, visibleReport } from "@/lib/ballots/visibility";
import type { EvaluationView } from "@/lib/api/evaluation-view";

/** Reports are seeded so the same evaluation state always gives the same report. */
export const REPORT_SEED = 42;
export const REPORT_SAMPLES = 10_000;

// ---------------------------------------------------------------------------------------------
// What every reader of one revision shares, loaded once per revision (lib/domain/report-cache.ts).
// Only what a write through the evaluation's lock can change belongs here; what changes without a
// new revision (the team's name, its members and their names, the title of the evaluation that
// superseded this one) is read per request.

async function loadSnapshotRows(evaluationId: string) {
  return db.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    include: {
      options: { orderBy: { position: "asc" } },
      criteria: { orderBy: { position: "asc" } },
      ratings: true,
      ballots: {
        select: { userId: true, voterName: true, round: true, method: true, payload: true },
        orderBy: { createdAt: "asc" },
      },
      // a superseded evaluation's title no longer changes: its details are draft-only
      supersedes: { select: { id: true, title: true } },
    },
  });
}
type SnapshotRows = Awaited<ReturnType<typeof loadSnapshotRows>>;

/** An evaluation as of one revision, with what is computed from it, each part computed when first asked for. */
class EvaluationSnapshot {
  readonly input: EngineInput;
  private memo: {
    report?: EngineReport | null;
    spread?: Record<string, WeightSpread> | null;
    ballots?: RevealedBallotWeights[];
    ratings?: ViewRating[];
    sharedViewJson?: { namesKey: string; bytes: Buffer };
  } = {};

  constructor(readonly rows: SnapshotRows) {
    this.input = toEngineInput(rows);
  }

  get revision() {
    return this.rows.revision;
  }

  /** The engine's report for every reader (the Monte Carlo included); per-reader visibility comes after. */
  report(): EngineReport | null {
    if (this.memo.report === undefined) this.memo.report = reportFor(this.input);
    return this.memo.report;
  }

  weightSpread(): Record<string, WeightSpread> | null {
    if (this.memo.spread === undefined) this.memo.spread = this.input.ballots.length > 1 ? weightSpread(this.input) : null;
    return this.memo.spread;
  }

  revealedBallotWeights(): RevealedBallotWeights[] {
    this.memo.ballots ??= revealedBallotWeights(
      this.rows,
      this.input.criteria.map((c) => c.id),
    );
    return this.memo.ballots;
  }

  ratings(): ViewRating[] {
    this.memo.ratings ??= this.rows.ratings.map((r) => ({
      optionId: r.optionId,
      criterionId: r.criterionId,
      score: r.score,
      rationale: r.rationale,
      citations: readRatingCitations(r.citations),
    }));
    return this.memo.ratings;
  }

  /** The shared part of the view as UTF-8 JSON, kept for the last set of names it was made with. */
  sharedViewJson(namesKey: string, serialise: () => string): Buffer {
    const kept = this.memo.sharedViewJson;
    if (kept?.namesKey === namesKey) return kept.bytes;
    const bytes = Buffer.from(serialise());
    this.memo.sharedViewJson = { namesKey, bytes };
    return bytes;
  }

  /** A rough size in bytes, for the cache's bound: the rows' text and the parts computed from them. */
  estimatedBytes(): number {
    const text = (xs: readonly object[]) => xs.reduce((n, x) => n + JSON.stringify(x).length, 0);
    const { options, criteria, ratings, ballots } = this.rows;
    // ×4: the rows, the engine input, the view's copies and its serialised JSON; plus the report, whose size grows with options × criteria and voters
    return (
      4 * (text(options) + text(criteria) + text(ratings) + text(ballots) + (this.rows.problem?.length ?? 0)) +
      200 * ballots.length +
      64 * 1024
    );
  }
}

/**
 * Per server instance: the last revisions of the evaluations being read. Bounded by count and by
 * estimated memory (a 1,000-voter evaluation is about 1-2 MB); least recently used go first.
 */
const snapshots = createRevisionCache<EvaluationSnapshot>({
  max: 200,
  maxBytes: 64 * 1024 * 1024,
  sizeOf: (snapshot) => snapshot.estimatedBytes(),
});

/** For tests and the bench: how many times a snapshot was loaded, and how many are held. */
export const snapshotCacheStats = () => ({ loads: snapshots.loads, size: snapshots.size });

/** The evaluation as of `revision` (or newer, if a write landed since the reader's access check). */
function snapshotAt(evaluationId: string, revision: number): Promise<EvaluationSnapshot> {
  return snapshots.get(evaluationId, revision, async () => {
    const snapshot = new EvaluationSnapshot(await loadSnapshotRows(evaluationId));
    return { revision: snapshot.revision, value: snapshot };
  });
}

/** Typed as the engine's Ballot, checked as unknown by it (usableBallots): a bad one is left out, with why. */
function storedBallotToEngine(ballot: BallotOwner & { method: string; payload: string }): Ballot {
  const payload = readBallotPayload(ballot.payload);
  const voter = voterKey(ballot);
  return ballot.method === "pairwise"
    ? { voter, method: "pairwise", comparisons: payload.comparisons as PairwiseComparison[] }
    : { voter, method: ballot.method as "points" | "likert", weights: payload.weights as Record<string, number> };
}

/** What the engine needs of an evaluation, as loaded with its options, criteria, ratings and ballots. */
interface EngineSource {
  round: number;
  aggregation: string;
  options: readonly { id: string; key: string; name: string }[];
  criteria: readonly { id: string; key: string; name: string }[];
  ratings: readonly { optionId: string; criterionId: string; score: number }[];
  ballots: readonly (BallotOwner & { round: number; method: string; payload: string })[];
}

/** The engine's input for an evaluation's current round, keyed by option and criterion keys. */
export function toEngineInput(evaluation: EngineSource, round = evaluation.round): EngineInput {
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
 * reveal, so until then they are dropped and excluded ballots are counted, not named. Applied to
 * the shared, cached report per reader: the cached one is never handed out as it is.
 */
function teamReport(report: EngineReport | null, status: EvaluationStatus): EngineReport | null {
  if (!report || ballotsRevealed(status)) return report;
  return {
    ...report,
    consistency: {},
    inconsistentJudgments: {},
    excludedBallots: report.excludedBallots?.map((excluded, i) => ({ ...excluded, voter: `ballot ${i + 1}` })),
  };
}

type ViewRating = { optionId: string; criterionId: string; score: number; rationale: string; citations: Citation[] };

interface RevealedBallotWeights {
  voter: string;
  userId: string | null;
  voterName: string | null;
  method: BallotMethod;
  weights: Record<string, number>;
  changes: ReturnType<typeof weightChanges> | null;
}

/**
 * Each member's ballot as criterion weights; from round 2 on, with what they changed since their
 * ballot of the round before. Names are added per request (`withVoterNames`): they change without
 * a new revision.
 */
function revealedBallotWeights(evaluation: SnapshotRows, criterionIds: string[]): RevealedBallotWeights[] {
  const inRound = (round: number) => evaluation.ballots.filter((b) => b.round === round);
  const previous = new Map(inRound(evaluation.round - 1).map((b) => [voterKey(b), b]));
  return inRound(evaluation.round).map((b) => {
    const ballot = storedBallotToEngine(b);
    const weights = ballotWeights(ballot, criterionIds);
    const before = previous.get(voterKey(b));
    return {
      voter: voterKey(b),
      userId: b.userId,
      voterName: b.voterName ?? null,
      method: ballot.method,
      weights: shownWeights(weights),
      changes: before ? weightChanges(ballotWeights(storedBallotToEngine(before), criterionIds), weights) : null,
    };
  });
}

/**
 * A revealed ballot's weights as the page shows them (percentages to one decimal): rounded to four
 * decimals, and the criteria it gives no weight to left out (readers take a missing one as 0). With
 * points ballots most criteria get nothing, and the view of a large team is mostly these tables.
 */
function shownWeights(weights: Record<string, number>): Record<string, number> {
  // Entries, not assignments: a criterion called "__proto__" must stay a key.
  return Object.fromEntries(
    Object.entries(weights)
      .map(([criterion, weight]): [string, number] => [criterion, Math.round(weight * 10_000) / 10_000])
      .filter(([, weight]) => weight !== 0),
  );
}

/**
 * Names that change without a new revision and that the team's member list (read with the access
 * check) lacks: voters and the decider who have left the team since, and the title of the
 * evaluation that superseded this one (a draft, which its own edits change).
 */
async function loadFormerNames(snapshot: EvaluationSnapshot, names: Map<string, string>, ballotsShown: boolean) {
  const { decidedById, supersededById } = snapshot.rows;
  const wanted = new Set<string>();
  if (decidedById && !names.has(decidedById)) wanted.add(decidedById);
  if (ballotsShown)
    for (const b of snapshot.rows.ballots) if (b.userId && b.round === snapshot.rows.round && !names.has(b.userId)) wanted.add(b.userId);
  // In chunks: SQLite binds at most 999 parameters per statement.
  const ids = [...wanted];
  const chunks = Array.from({ length: Math.ceil(ids.length / 500) }, (_, i) => ids.slice(i * 500, (i + 1) * 500));
  const [former, supersededBy] = await Promise.all([
    Promise.all(chunks.map((chunk) => db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }))),
    supersededById ? db.evaluation.findUnique({ where: { id: supersededById }, select: { id: true, title: true } }) : null,
  ]);
  for (const u of former.flat()) names.set(u.id, u.name);
  return { supersededBy };
}

/** What one reader's view is built from: the access check, the revision's snapshot and the names read now. */
interface ViewContext {
  access: Awaited<ReturnType<typeof readEvaluationWithTeam>>;
  snapshot: EvaluationSnapshot;
  people: { names: Map<string, string>; teamName: string; supersededBy: { id: string; title: string } | null };
}

async function viewContext(actor: Actor, evaluationId: string): Promise<ViewContext> {
  const access = await readEvaluationWithTeam(actor, evaluationId, "team:read");
  const snapshot = await snapshotAt(evaluationId, access.revision);
  const names = new Map(access.memberships.map((m) => [m.user.id, m.user.name]));
  const revealed = ballotsRevealed(snapshot.rows.status as EvaluationStatus);
  const people = { names, teamName: access.teamName, ...(await loadFormerNames(snapshot, names, revealed)) };
  return { access, snapshot, people };
}

/** The parts of the view that are the reader's own: their role and their ballot. */
type OwnViewParts = Pick<EvaluationView, "myRole" | "myBallot">;

function ownViewParts({ access, snapshot }: ViewContext, actor: Actor): OwnViewParts {
  const evaluation = snapshot.rows;
  const mine = evaluation.ballots.find((b) => b.round === evaluation.round && b.userId === actor.userId);
  return { myRole: access.role, myBallot: mine ? storedBallotToEngine(mine) : null };
}

/**
 * The view every reader of this revision shares. Figures computed from the ballots pass through
 * `visibleReport`, which decides by status and visibility alone: while blind voting is open the
 * report, the spread and the ballots are null (`reportHidden` says why) for every role, the owner
 * included, and are not even computed.
 */
function sharedView({ access, snapshot, people }: ViewContext): Omit<EvaluationView, keyof OwnViewParts> {
  const evaluation = snapshot.rows;
  const input = snapshot.input;
  // The snapshot decides, with the ballots loaded beside it: the round and status belong together.
  const status = evaluation.status as EvaluationStatus;
  const visibility = visibilityOf(evaluation.visibility);
  const voted = new Set(evaluation.ballots.filter((b) => b.round === evaluation.round).map((b) => b.userId));
  const members = access.memberships.map((m) => ({
    id: m.user.id,
    name: m.user.name,
    role: m.role as Role,
    voted: voted.has(m.user.id),
  }));
  const results = visibleReport(
    { status, visibility },
    {
      report: () => teamReport(snapshot.report(), status),
      // How far apart the members' weights are, per criterion: an aggregate that names no voter.
      weightSpread: () => snapshot.weightSpread(),
      ballots: () =>
        snapshot.revealedBallotWeights().map(({ voter, userId, voterName, method, weights, changes }) => ({
          voter,
          voterName: voterDisplayName({
            userId,
            voterName,
            user: userId && people.names.has(userId) ? { name: people.names.get(userId)! } : null,
          }),
          method,
          weights,
          changes,
        })),
    },
  );
  return {
    id: evaluation.id,
    teamId: evaluation.teamId,
    teamName: people.teamName,
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
          decidedBy: evaluation.decidedById ? (people.names.get(evaluation.decidedById) ?? null) : null,
        }
      : null,
    supersededBy: people.supersededBy,
    supersedes: evaluation.supersedes,
    options: evaluation.options.map((o) => ({ id: o.id, key: o.key, name: o.name, summary: o.summary })),
    criteria: evaluation.criteria.map((c) => ({ id: c.id, key: c.key, name: c.name, description: c.description })),
    ratings: snapshot.ratings(),
    members,
    ballots: results.ballots,
    // Only what a what-if preview needs: the options, criteria and ratings, never a ballot.
    table: { options: input.options, criteria: input.criteria, ratings: input.ratings },
    report: results.report,
    /** `{ hidden: "blind", message }` while the report is withheld; null otherwise */
    reportHidden: results.reportHidden,
    weightSpread: results.weightSpread,
    suggestedWeights: evaluation.suggestedWeights ? readSuggestedWeights(evaluation.suggestedWeights) : null,
  };
}

/** Everything a member may see of an evaluation, with the engine's report computed on the server. */
export async function getEvaluationView(actor: Actor, evaluationId: string): Promise<EvaluationView> {
  const context = await viewContext(actor, evaluationId);
  return { ...sharedView(context), ...ownViewParts(context, actor) };
}

/**
 * getEvaluationView as the API sends it: UTF-8 JSON. The shared part is serialised once per revision
 * and set of names (the team's name, its members' names and roles, former voters' names and the
 * superseding draft's title change without a new revision, so they key the serialised copy), and
 * each request adds only its reader's role and ballot: a 200-voter view is ~100 KB of JSON, whose
 * serialisation was most of a cached view's cost.
 */
export async function getEvaluationViewJson(actor: Actor, evaluationId: string): Promise<Uint8Array<ArrayBuffer>> {
  const context = await viewContext(actor, evaluationId);
  const { access, people } = context;
  // The members' names are in membersJson; `names` adds former voters' after them.
  const formerNames = [...people.names].slice(access.memberships.length);
  const namesKey = JSON.stringify([people.teamName, access.membersJson, formerNames, people.supersededBy]);
  const shared = context.snapshot.sharedViewJson(namesKey, () => JSON.stringify(sharedView(context)));
  const own = JSON.stringify(ownViewParts(context, actor));
  // '{"myRole":…,"myBallot":…}' + '{"id":…}' → '{"myRole":…,"myBallot":…,"id":…}'
  return Buffer.concat([Buffer.from(own.slice(0, -1) + ","), shared.subarray(1)]);
}

/**
 * The API's report: `{ evaluation: { id, title, status }, report }`, with `report` null while the
 * ballots are blind (and `reportHidden` saying so) or before the first ballot. Served from the
 * revision's cached report: one query (the access check) per request once the revision is loaded.
 */
export async function getEvaluationReport(actor: Actor, evaluationId: string) {
  const access = await readEvaluation(actor, evaluationId, "team:read");
  const snapshot = await snapshotAt(evaluationId, access.revision);
  const evaluation = snapshot.rows;
  const status = evaluation.status as EvaluationStatus;
  const visibility = visibilityOf(evaluation.visibility);
  const results = visibleReport(
    { status, visibility },
    { report: () => teamReport(snapshot.report(), status), weightSpread: () => null, ballots: () => null },
  );
  return {
    evaluation: { id: evaluation.id, title: evaluation.title, status, visibility },
    report: results.report,
    reportHidden: results.reportHidden,
  };
}
