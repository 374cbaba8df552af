import "server-only";
import { admitWriteTransaction, clientEngine, db, newRowId, sqlOf, type Tx } from "@/lib/db/client";
import { driverRows, driverTransaction } from "@/lib/db/driver";
import { joinSql, jsonRowsSubquery, sql, sqlIn, type SqlTx } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";
import { can, type Permission, type Role } from "@/lib/permissions";
import type { Actor } from "@/lib/domain/authorize";
import type { EvaluationStatus } from "@/lib/validation/evaluation";
import type { DatabaseEngine } from "@/lib/db/engine";
import { appendBallotRevisions, type ChainHead, type RevisionInput } from "@/lib/domain/ballot-revisions";

// Every operation on an evaluation has one shape: authorize, load once, and, for writes, take the
// evaluation's write lock inside the transaction that acts. The lock is a conditional bump of the
// evaluation's revision ("UPDATE … SET revision = revision + 1 WHERE id = ? AND status IN (…)"):
// SQLite serialises writers on it, PostgreSQL holds a row lock until commit, and a status that
// moved on (Reveal, Decide) makes the bump match no row, which becomes a 409 instead of a write
// after the fact. A rule about current state is therefore always checked where it is acted on.
// (A batch of ballots, withEvaluationBatch, takes the lock with a bump of nothing and moves the
// revision by one per write it stored.)

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

/** The evaluation's own fields every operation's context carries (read by raw SQL below: keep the column lists in step). */
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
  const refused = refusalOf(row !== null, role, permission);
  if (refused) throw refused;
  return { ...evaluationFields(row!), role: role as Role };
}

/** not_found or forbidden for an actor with `role` (if any) in the evaluation's team, or null. */
function refusalOf(exists: boolean, role: string | undefined, permission: Permission): AppError | null {
  // A missing evaluation and another team's look alike: a team's existence is itself its data.
  if (!exists || !role) return NOT_FOUND();
  if (!can(role as Role, permission)) return new AppError("forbidden", `Your role (${role}) does not allow this.`);
  return null;
}

/** The context's fields of the evaluation itself. */
function evaluationFields(row: ContextRow): Omit<EvaluationContext, "role"> {
  return {
    evaluationId: row.id,
    teamId: row.teamId,
    status: row.status as EvaluationStatus,
    round: row.round,
    revision: row.revision,
    visibility: row.visibility,
    votingDeadline: row.votingDeadline,
    quorum: row.quorum,
  };
}

// One statement: the evaluation by primary key and the actor's role by the membership's unique key,
// as a subquery. Raw SQL, because Prisma compiles every ORM statement (~0.3 ms of CPU; the two ORM
// statements this replaces were ~0.8 ms, most of a cached report's cost) and the ORM cannot fetch a
// row of another model in the same statement; the SQL is the same on SQLite and PostgreSQL. Reads
// send it on the driver itself (lib/db/driver.ts), which skips Prisma altogether.
async function loadContext(
  client: Pick<SqlTx, "rows">,
  actor: Actor,
  evaluationId: string,
  permission: Permission,
): Promise<EvaluationContext> {
  const [row] = await client.rows<ContextRow & { role: string | null }>(sql`
    SELECT "id", "teamId", "status", "round", "revision", "visibility", "votingDeadline", "quorum",
      (SELECT "role" FROM "Membership" WHERE "Membership"."teamId" = "Evaluation"."teamId" AND "Membership"."userId" = ${actor.userId}) AS "role"
    FROM "Evaluation" WHERE "id" = ${evaluationId}`);
  return authorize(row ?? null, row?.role ?? undefined, permission);
}

/** The gate for reads: membership, role and the evaluation's state (its revision included). */
export function readEvaluation(actor: Actor, evaluationId: string, permission: Permission): Promise<EvaluationContext> {
  return loadContext({ rows: driverRows }, actor, evaluationId, permission);
}

interface ContextWithTeamRow extends ContextRow {
  teamName: string;
  /** the team's members as JSON text, `[[userId, name, role], …]` in user id order */
  members: string | null;
}

/**
 * readEvaluation for a reader who is shown the team too (the evaluation's view): the gate, the
 * team's name and every member with their name, in one statement and one row, the members as one
 * JSON array built by the database (the ORM's nested select took four statements and ~2 ms of CPU
 * at 200 members; a join's 200 rows, parsed by the driver, were most of a cached view's cost on
 * PostgreSQL). Members come in the order of the membership's (team, user) key. `membersJson` is
 * that array's text, a key for what is computed from the members (the view's serialised copy).
 */
export async function readEvaluationWithTeam(actor: Actor, evaluationId: string, permission: Permission) {
  const members = jsonRowsSubquery(
    clientEngine(),
    `u."id", u."name", m."role"`,
    sql`FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."teamId" = e."teamId"`,
    `m."userId"`,
  );
  const [row] = await driverRows<ContextWithTeamRow>(
    joinSql([
      `SELECT e."id", e."teamId", e."status", e."round", e."revision", e."visibility", e."votingDeadline", e."quorum", t."name" AS "teamName", `,
      members,
      sql` AS "members" FROM "Evaluation" e JOIN "Team" t ON t."id" = e."teamId" WHERE e."id" = ${evaluationId}`,
    ]),
  );
  const memberships = row
    ? (JSON.parse(row.members ?? "[]") as [string, string, string][]).map(([id, name, role]) => ({ role, user: { id, name } }))
    : [];
  const own = memberships.find((m) => m.user.id === actor.userId);
  const context = authorize(row ?? null, own?.role, permission);
  return { ...context, teamName: row.teamName, memberships, membersJson: row.members ?? "[]" };
}

/** How long a write transaction may wait for its turn (Prisma's maxWait; beyond it, P2028 → 503). */
export const WRITE_MAX_WAIT_MS = 10_000;

export interface WriteRule {
  /** the statuses this operation may act in; checked under the evaluation's write lock */
  statuses: readonly EvaluationStatus[];
  /** the message when the evaluation is in another status */
  conflict: (status: EvaluationStatus) => string;
  /** milliseconds the transaction may take (Prisma's default is 5 s); deciding scores the record */
  timeout?: number;
}

/** What a write sees once it holds the evaluation's write lock. */
export interface WriteScope extends EvaluationContext {
  tx: Tx;
  sql: SqlTx;
  /** appends to the audit log in this transaction, stamped with the evaluation's new revision */
  audit(action: string, detail?: Record<string, unknown>): Promise<unknown>;
  /** when the evaluation was archived (null if it is not), as the write lock read it */
  archivedAt: Date | null;
  /**
   * Appends ballot revisions, in order, to this evaluation's hash chain in one insert and moves the
   * head on the evaluation row, linking from the head the lock returned (then from its own last
   * append): no read of the chain. Returns the new head.
   */
  appendBallotRevisions(revisions: readonly Omit<RevisionInput, "evaluationId">[]): Promise<ChainHead>;
}

/**
 * The one way to change an evaluation: authorizes `actor` for `permission`, locks the evaluation
 * in `rule.statuses`, runs `action` in the same transaction and bumps the revision live reports
 * watch. Throws not_found / forbidden / conflict without writing anything. (Ballots, many at a
 * time, take the same gate through withEvaluationBatch.)
 */
export async function withEvaluation<T>(
  actor: Actor,
  evaluationId: string,
  permission: Permission,
  rule: WriteRule,
  action: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  // On SQLite, a write that could not start within its maxWait is refused now (503), not queued.
  admitWriteTransaction();
  return db.$transaction(
    async (tx) => {
      const sqlTx = sqlOf(tx);
      const { chainHead, archivedAt, ...context } = await lockAndAuthorize(sqlTx, actor, evaluationId, permission, rule);
      let head = chainHead;
      return action({
        ...context,
        tx,
        sql: sqlTx,
        archivedAt,
        appendBallotRevisions: async (revisions) => (head = await appendBallotRevisions(tx, evaluationId, revisions, { head })),
        audit: (actionName, detail = {}) =>
          insertAuditEntries(sqlTx, [
            {
              teamId: context.teamId,
              evaluationId,
              actorId: actor.userId,
              action: actionName,
              detail: { ...detail, revision: context.revision },
            },
          ]),
      });
    },
    { timeout: rule.timeout ?? 10_000, maxWait: WRITE_MAX_WAIT_MS },
  );
}

/** What a batch of writes by several actors sees once it holds the evaluation's write lock. */
export interface BatchWriteScope {
  sql: SqlTx;
  /** the evaluation as the lock read it; null when the lock refused (every actor then has a refusal) */
  locked: (Omit<EvaluationContext, "role"> & { archivedAt: Date | null; chainHead: ChainHead }) | null;
  /** what a write by `actor` alone would be refused with (not found, forbidden, then conflict), or null */
  refusal(actor: Actor): AppError | null;
  /**
   * Records the writes the batch stored, in order: each gets the next revision and its audit entry,
   * the chain's head moves to `head`, and live readers hear of it. Nothing moves unless it is called.
   */
  recordWrites(writes: readonly { actor: Actor; action: string; detail: Record<string, unknown> }[], head: ChainHead): Promise<void>;
}

/**
 * withEvaluation for many actors' writes of one kind at once (a burst of ballots to one
 * evaluation, lib/domain/ballots.ts): one write lock for all of them, taken in the same shape,
 * and each actor authorized as withEvaluation would authorize them alone. `action` decides, actor
 * by actor, what to store; the revision then moves by one per stored write, as if each had been
 * its own transaction. It runs in a driver-level transaction (lib/db/driver.ts): three or four
 * round trips for the whole batch while the evaluation's lock is held, where one transaction per
 * write took four each.
 */
export async function withEvaluationBatch<T>(
  evaluationId: string,
  permission: Permission,
  rule: WriteRule,
  actors: readonly Actor[],
  action: (scope: BatchWriteScope) => Promise<T>,
): Promise<T> {
  return driverTransaction(
    async (sqlTx) => {
      // The lock, and every actor's role in the same statement (a JSON array, as the single gate's
      // role is a subquery of its lock); when the lock refuses, the status and roles, to say why.
      const roles = rolesJson(sqlTx.engine, actors);
      const [row] = await sqlTx.rows<LockedRow & { roles: string | null }>(
        joinSql([
          sql`UPDATE "Evaluation" SET "revision" = "revision" WHERE "id" = ${evaluationId} AND "status" IN (${sqlIn(rule.statuses)})
            RETURNING "id", "teamId", "status", "round", "revision", "visibility", "votingDeadline", "quorum", "chainSeq", "chainHash", "archivedAt", `,
          roles,
          ` AS "roles"`,
        ]),
      );
      const [refused] = row
        ? [undefined]
        : await sqlTx.rows<{ status: string; roles: string | null }>(
            joinSql([`SELECT "status", `, roles, sql` AS "roles" FROM "Evaluation" WHERE "id" = ${evaluationId}`]),
          );
      const status = row?.status ?? refused?.status ?? null;
      const roleOf = new Map(JSON.parse(row?.roles ?? refused?.roles ?? "[]") as [string, string][]);
      const locked = row
        ? { ...evaluationFields(row), archivedAt: row.archivedAt, chainHead: { seq: row.chainSeq, hash: row.chainHash } }
        : null;
      return action({
        sql: sqlTx,
        locked,
        refusal: (actor) =>
          refusalOf(status !== null, roleOf.get(actor.userId), permission) ??
          (locked ? null : new AppError("conflict", rule.conflict(status as EvaluationStatus))),
        recordWrites: async (writes, head) => {
          if (!locked || writes.length === 0) return;
          const revision = locked.revision + writes.length;
          await insertAuditEntries(
            sqlTx,
            writes.map((w, i) => ({
              teamId: locked.teamId,
              evaluationId,
              actorId: w.actor.userId,
              action: w.action,
              detail: { ...w.detail, revision: locked.revision + i + 1 },
            })),
          );
          await sqlTx.defer(
            sql`UPDATE "Evaluation" SET "revision" = ${revision}, "updatedAt" = ${new Date()}, "chainSeq" = ${head.seq}, "chainHash" = ${head.hash}
              WHERE "id" = ${evaluationId} AND "chainSeq" = ${locked.chainHead.seq}`,
            (moved) => {
              if (moved !== 1)
                throw new Error(`The ballot chain of evaluation ${evaluationId} moved during a batch holding its write lock.`);
            },
          );
          await publishChange(sqlTx, evaluationId, { revision });
        },
      });
    },
    { contends: `evaluation:${evaluationId}` },
  );
}

/** The actors' roles in the team of the "Evaluation" row in scope, as a JSON array of [userId, role]: a subquery. */
function rolesJson(engine: DatabaseEngine, actors: readonly Actor[]) {
  const userIds = sqlIn([...new Set(actors.map((a) => a.userId))]);
  return jsonRowsSubquery(
    engine,
    `m."userId", m."role"`,
    sql`FROM "Membership" m WHERE m."teamId" = "Evaluation"."teamId" AND m."userId" IN (${userIds})`,
  );
}

interface AuditRow {
  teamId: string;
  evaluationId: string;
  actorId: string;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * recordAudit (lib/domain/audit.ts) for evaluation writes, as one raw INSERT: every ballot writes
 * one, and an ORM create costs about three times as much in Prisma's query compiler. The same
 * columns and JSON text as recordAudit writes.
 */
function insertAuditEntries(tx: SqlTx, entries: readonly AuditRow[]) {
  const at = new Date();
  return tx.defer(
    joinSql([
      `INSERT INTO "AuditEntry" ("id", "teamId", "evaluationId", "actorId", "action", "detail", "createdAt") VALUES `,
      ...entries.flatMap((e, i) => [
        i ? ", " : "",
        sql`(${newRowId()}, ${e.teamId}, ${e.evaluationId}, ${e.actorId}, ${e.action}, ${JSON.stringify(e.detail)}, ${at})`,
      ]),
    ]),
  );
}

/**
 * Takes the evaluation's write lock in the caller's transaction: bumps its revision if it is in one
 * of `statuses`, and says whether it was. Live reports see the bump as a change.
 */
export async function lockEvaluation(tx: Tx | SqlTx, evaluationId: string, statuses: readonly EvaluationStatus[]): Promise<boolean> {
  return (await lockEvaluationReturning(sqlOf(tx), evaluationId, statuses)) !== null;
}

/** What the write lock's statement returns: the context fields, what writes extend or check, and the actor's role. */
interface LockedRow extends ContextRow {
  chainSeq: number;
  chainHash: string;
  archivedAt: Date | null;
  /** the actor's role in the evaluation's team, null when not a member (or no actor given) */
  role: string | null;
}

/**
 * lockEvaluation that also returns the locked row's context fields and the actor's role in its
 * team, read by the same statement (`UPDATE … RETURNING`, with the membership as a subquery): the
 * write path's gate is then one statement instead of four. Raw SQL, because the ORM cannot return
 * a related row from an update, and because Prisma compiles every ORM statement (~0.3 ms of CPU,
 * a raw one ~0.1 ms); the same SQL runs on SQLite (3.35+) and PostgreSQL. Null when the
 * evaluation is not in one of `statuses` (or does not exist).
 */
async function lockEvaluationReturning(
  tx: SqlTx,
  evaluationId: string,
  statuses: readonly EvaluationStatus[],
  userId: string | null = null,
): Promise<LockedRow | null> {
  const [locked] = await tx.rows<LockedRow>(sql`UPDATE "Evaluation" SET "revision" = "revision" + 1, "updatedAt" = ${new Date()}
    WHERE "id" = ${evaluationId} AND "status" IN (${sqlIn(statuses)})
    RETURNING "id", "teamId", "status", "round", "revision", "visibility", "votingDeadline", "quorum", "chainSeq", "chainHash", "archivedAt",
      (SELECT "role" FROM "Membership" WHERE "Membership"."teamId" = "Evaluation"."teamId" AND "Membership"."userId" = ${userId}) AS "role"`);
  if (locked) await publishChange(tx, evaluationId);
  return locked ?? null;
}

/**
 * withEvaluation's gate: locks, then checks the actor's membership and role in the locked
 * evaluation's team. Refusals come in the order a read gives them (not found, forbidden, then
 * conflict), and the caller's transaction rolls the bump back.
 */
async function lockAndAuthorize(
  tx: SqlTx,
  actor: Actor,
  evaluationId: string,
  permission: Permission,
  rule: WriteRule,
): Promise<EvaluationContext & { chainHead: ChainHead; archivedAt: Date | null }> {
  const locked = await lockEvaluationReturning(tx, evaluationId, rule.statuses, actor.userId);
  if (!locked) {
    const context = await loadContext(tx, actor, evaluationId, permission);
    throw new AppError("conflict", rule.conflict(context.status));
  }
  return {
    ...authorize(locked, locked.role ?? undefined, permission),
    chainHead: { seq: locked.chainSeq, hash: locked.chainHash },
    archivedAt: locked.archivedAt,
  };
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
