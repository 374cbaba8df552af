import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/domain/audit";
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

const CONTEXT_SELECT = (userId: string) =>
  ({
    id: true,
    teamId: true,
    status: true,
    round: true,
    revision: true,
    visibility: true,
    votingDeadline: true,
    quorum: true,
    team: { select: { memberships: { where: { userId }, select: { role: true } } } },
  }) as const;

async function loadContext(client: Tx | typeof db, actor: Actor, evaluationId: string, permission: Permission): Promise<EvaluationContext> {
  const row = await client.evaluation.findUnique({ where: { id: evaluationId }, select: CONTEXT_SELECT(actor.userId) });
  // A missing evaluation and another team's look alike: a team's existence is itself its data.
  const membership = row?.team.memberships[0];
  if (!row || !membership) throw NOT_FOUND();
  const role = membership.role as Role;
  if (!can(role, permission)) throw new AppError("forbidden", `Your role (${role}) does not allow this.`);
  return {
    evaluationId: row.id,
    teamId: row.teamId,
    role,
    status: row.status as EvaluationStatus,
    round: row.round,
    revision: row.revision,
    visibility: row.visibility,
    votingDeadline: row.votingDeadline,
    quorum: row.quorum,
  };
}

/** The gate for reads: membership, role and the evaluation's state in one query. */
export function readEvaluation(actor: Actor, evaluationId: string, permission: Permission): Promise<EvaluationContext> {
  return loadContext(db, actor, evaluationId, permission);
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
      const locked = await lockEvaluation(tx, evaluationId, rule.statuses);
      const context = await loadContext(tx, actor, evaluationId, permission);
      if (!locked) throw new AppError("conflict", rule.conflict(context.status));
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
  const locked = await tx.evaluation.updateMany({
    where: { id: evaluationId, status: { in: [...statuses] } },
    data: { revision: { increment: 1 } },
  });
  return locked.count === 1;
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
