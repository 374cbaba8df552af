import "server-only";
import { sql, type SqlTx } from "@/lib/db/sql";
import { CHANGE_CHANNEL, USER_CHANNEL, changeChannel } from "@/lib/live/channel";

/**
 * Announces a change to an evaluation from inside the transaction that makes it (lockEvaluation
 * calls this right after bumping the revision). The event carries the evaluation's id and new
 * revision only: never ballot data.
 * - PostgreSQL: pg_notify in the same transaction; PostgreSQL delivers it to every instance's
 *   listener at commit and drops it on rollback, so no acknowledged change is missed and none is
 *   announced before it is visible. The payload is built by SQL from the row the transaction just
 *   bumped; the id is a bound parameter.
 * - SQLite: the in-process channel reads the committed revision once the transaction has ended.
 */
export async function publishChange(tx: SqlTx, evaluationId: string, options: { revision?: number } = {}): Promise<void> {
  if (tx.engine === "postgresql") {
    // Deferred (SqlTx.defer): it reads the revision the lock just bumped, and nothing reads it back;
    // a deferred write that moves the revision passes the one it sets (deferred writes share a snapshot).
    await tx.defer(
      options.revision === undefined
        ? sql`SELECT pg_notify(${CHANGE_CHANNEL}, "id" || ':' || "revision") FROM "Evaluation" WHERE "id" = ${evaluationId}`
        : sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${`${evaluationId}:${options.revision}`})`,
    );
    return;
  }
  changeChannel().announceAfterCommit(evaluationId);
}

/**
 * Tells the user's open streams (the header's bell, on every page) that something was created for
 * them, from inside the transaction that creates it; like publishChange: pg_notify at commit on
 * PostgreSQL, in-process after the transaction on SQLite. The event carries the user id only.
 */
export async function publishUserEvent(tx: SqlTx, userId: string): Promise<void> {
  if (tx.engine === "postgresql") {
    await tx.run(sql`SELECT pg_notify(${USER_CHANNEL}, ${userId})`);
    return;
  }
  changeChannel().announceUserAfterCommit(userId);
}
