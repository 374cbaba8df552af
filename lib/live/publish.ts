import "server-only";
import type { Tx } from "@/lib/db/client";
import { databaseEngine } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { CHANGE_CHANNEL, USER_CHANNEL, changeChannel } from "@/lib/live/channel";

// Resolved once per process (the url does not change while it runs); resolving touches the file system.
let engineIsPostgres: boolean | undefined;
const onPostgres = () => (engineIsPostgres ??= databaseEngine(resolveDatabaseUrl(process.env.DATABASE_URL)) === "postgresql");

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
export async function publishChange(tx: Tx, evaluationId: string): Promise<void> {
  if (onPostgres()) {
    await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, "id" || ':' || "revision") FROM "Evaluation" WHERE "id" = ${evaluationId}`;
    return;
  }
  changeChannel().announceAfterCommit(evaluationId);
}

/**
 * Tells the user's open streams (the header's bell, on every page) that something was created for
 * them, from inside the transaction that creates it; like publishChange: pg_notify at commit on
 * PostgreSQL, in-process after the transaction on SQLite. The event carries the user id only.
 */
export async function publishUserEvent(tx: Tx, userId: string): Promise<void> {
  if (onPostgres()) {
    await tx.$executeRaw`SELECT pg_notify(${USER_CHANNEL}, ${userId})`;
    return;
  }
  changeChannel().announceUserAfterCommit(userId);
}
