import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/domain/audit";
import { publishChange } from "@/lib/live/publish";
import { can, type Permission, type Role } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/authorize";
import type { EvaluationStatus } from "@/lib/validation/evaluation";

// Every operation on an evaluation has one shape: authorize, load once, and, for writes, take the
// evaluation's write lock inside the transaction that acts. The lock is a conditional bump of the
// evaluation's revision ("UPDATE … SET revision = revision + 1 WHERE id = ? AND status IN (…)"):
// SQLite serialises writers on it, PostgreSQL holds a row lock until commit, and a status that
// moved on (Reveal, Decide) makes the bump match no row, which becomes a 409 instead of a write
// after the fact. A rule about current state is therefore always checked where it is acted on.

/** What every evaluation operation knows after the gate: who may do what, and the state it acts on. */
export interface EvaluationContext {
  evaluationId: string;
  teamId: string;
  role: Role;
  status: EvaluationStatus;
  round: number;
  /** the revision after this operation's bump (writes) or as read (reads) */
  revision: number;
  visibility: string;
  votingDeadline: Date | null;
  quorum: number | null;
}

const NOT_FOUND = () => new AppError("not_found", "Not found");

/** The evaluation's own fields every operation's context carries. */
const CONTEXT_FIELDS = {
  id: true,
  teamId: true,
  status: true,
  round: true,
  revision: true,
  visibility: true,
  votingDeadline: true,
  quorum: true,
} as const;

interface ContextRow {
  id: string;
  teamId: string;
  status: string;
  round: number;
  revision: number;
  visibility: string;
  votingDeadline: Date | null;
  quorum: number | null;
}

/** The context, or not_found / forbidden. `role` is the actor's in the evaluation's team, if any. */
function authorize(row: ContextRow | null, role: string | undefined, permission: Permission): EvaluationContext {
  // A missing evaluation and another team's look alike: a team's existence is itself its data.
  if (!row || !role) throw NOT_FOUND();
  if (!can(role as Role, permission)) throw new AppError("forbidden", `Your role (${role}) does not allow this.`);
  return {
    evaluationId: row.id,
    teamId: row.teamId,
    role: role as Role,
    status: row.status as EvaluationStatus,
    round: row.round,
    revision: row.revision,
    visibility: row.visibility,
    votingDeadline: row.votingDeadline,
    quorum: row.quorum,
  };
}

// Two statements by primary and unique key: a nested select (evaluation → team → memberships)
// takes three, and each statement costs ~0.5-1 ms of Prisma's query engine, the database's
// share being tens of microseconds.
async function loadContext(client: Tx | typeof db, actor: Actor, evaluationId: string, permission: Permission): Promise<EvaluationContext> {
  const row = await client.evaluation.findUnique({ where: { id: evaluationId }, select: CONTEXT_FIELDS });
  const membership = row
    ? await client.membership.findUnique({ where: { teamId_userId: { teamId: row.teamId, userId: actor.userId } }, select: { role: true } })
    : null;
  return authorize(row, membership?.role, permission);
}

/** The gate for reads: membership, role and the evaluation's state (its revision included). */
export function readEvaluation(actor: Actor, evaluationId: string, permission: Permission): Promise<EvaluationContext> {
  return loadContext(db, actor, evaluationId, permission);
}

/**
 * readEvaluation for a reader who is shown the team too (the evaluation's view): the gate, the
 * team's name and every member with their name, in one query (four statements, where the gate and
 * a separate member list took five). The actor's role is taken from the member list it returns.
 */
export async function readEvaluationWithTeam(actor: Actor, evaluationId: string, permission: Permission) {
  const row = await db.evaluation.findUnique({
    where: { id: evaluationId },
    select: { ...CONTEXT_FIELDS, team: { select: { name: true, memberships: { select: { role: true, user: { select: { id: true, name: true } } } } } } },
  });
  const own = row?.team.memberships.find((m) => m.user.id === actor.userId);
  const context = authorize(row, own?.role, permission);
  return { ...context, teamName: row!.team.name, memberships: row!.team.memberships };
}

export interface WriteRule {
  /** the statuses this operation may act in; checked under the evaluation's write lock */
  statuses: readonly EvaluationStatus[];
  /** the message when the evaluation is in another status */
  conflict: (status: EvaluationStatus) => string;
  /** milliseconds the transaction may take (Prisma's default is 5 s); deciding scores the record */
  timeout?: number;
}

export interface WriteScope extends EvaluationContext {
  tx: Tx;
  /** appends to the audit log in this transaction, stamped with the evaluation's new revision */
  audit(action: string, detail?: Record<string, unknown>): Promise<unknown>;
}

/**
 * The one way to change an evaluation: authorizes `actor` for `permission`, locks the evaluation
 * in `rule.statuses`, runs `action` in the same transaction and bumps the revision live reports
 * watch. Throws not_found / forbidden / conflict without writing anything.
 */
export async function withEvaluation<T>(
  actor: Actor,
  evaluationId: string,
  permission: Permission,
  rule: WriteRule,
  action: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const context = await lockAndAuthorize(tx, actor, evaluationId, permission, rule);
      const scope: WriteScope = {
        ...context,
        tx,
        audit: (actionName, detail = {}) =>
          recordAudit(tx, {
            teamId: context.teamId,
            evaluationId,
            actorId: actor.userId,
            action: actionName,
            detail: { ...detail, revision: context.revision },
          }),
      };
      return action(scope);
    },
    { timeout: rule.timeout ?? 10_000, maxWait: 10_000 },
  );
}

/**
 * Takes the evaluation's write lock in the caller's transaction: bumps its revision if it is in one
 * of `statuses`, and says whether it was. Live reports see the bump as a change.
 */
export async function lockEvaluation(tx: Tx, evaluationId: string, statuses: readonly EvaluationStatus[]): Promise<boolean> {
  return (await lockEvaluationReturning(tx, evaluationId, statuses)) !== null;
}

/**
 * lockEvaluation that also returns the locked row's context fields, read by the same statement
 * (`UPDATE … RETURNING`): the write path's gate then needs one more query (the membership) instead
 * of three. Null when the evaluation is not in one of `statuses` (or does not exist).
 */
async function lockEvaluationReturning(tx: Tx, evaluationId: string, statuses: readonly EvaluationStatus[]) {
  const [locked] = await tx.evaluation.updateManyAndReturn({
    where: { id: evaluationId, status: { in: [...statuses] } },
    data: { revision: { increment: 1 } },
    select: CONTEXT_FIELDS,
  });
  if (locked) await publishChange(tx, evaluationId);
  return locked ?? null;
}

/**
 * withEvaluation's gate: locks, then checks the actor's membership and role in the locked
 * evaluation's team. Refusals come in the order a read gives them (not found, forbidden, then
 * conflict), and the caller's transaction rolls the bump back.
 */
async function lockAndAuthorize(tx: Tx, actor: Actor, evaluationId: string, permission: Permission, rule: WriteRule): Promise<EvaluationContext> {
  const locked = await lockEvaluationReturning(tx, evaluationId, rule.statuses);
  if (!locked) {
    const context = await loadContext(tx, actor, evaluationId, permission);
    throw new AppError("conflict", rule.conflict(context.status));
  }
  const membership = await tx.membership.findUnique({
    where: { teamId_userId: { teamId: locked.teamId, userId: actor.userId } },
    select: { role: true },
  });
  return authorize(locked, membership?.role, permission);
}

/** The statuses in which options, criteria, ratings and details can change. */
export const DRAFT_ONLY: WriteRule = {
  statuses: ["draft"],
  conflict: () => "Options, criteria and ratings can only change while the evaluation is a draft.",
};

/** Discussion stays open whatever the evaluation's status. */
export const ANY_STATUS: WriteRule = {
  statuses: ["draft", "voting", "revealed", "decided", "superseded"],
  conflict: () => "This evaluation cannot change now.",
};
