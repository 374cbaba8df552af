import "server-only";
import { db } from "@/lib/db/client";

/**
 * The evaluation's change counter (bumped by every ballot, rating, comment and status change) as
 * committed. Read inside a transaction: on SQLite the process has one connection, and a plain read
 * while another request's transaction is open would see its uncommitted bump; a transaction waits
 * for that one to end. On PostgreSQL it is an ordinary read-committed read.
 */
export async function committedRevision(evaluationId: string, onStart?: () => void): Promise<number | null> {
  const row = await db.$transaction((tx) => {
    // From here on, any later write to the evaluation commits after this read (SQLite runs one
    // transaction at a time), so it needs an announcement of its own.
    onStart?.();
    return tx.evaluation.findUnique({ where: { id: evaluationId }, select: { revision: true } });
  });
  return row?.revision ?? null;
}

/** The committed revisions of several evaluations in one query (a resync after the listener reconnects). */
export async function committedRevisions(evaluationIds: string[]): Promise<Map<string, number>> {
  if (evaluationIds.length === 0) return new Map();
  const rows = await db.$transaction((tx) =>
    tx.evaluation.findMany({ where: { id: { in: evaluationIds } }, select: { id: true, revision: true } }),
  );
  return new Map(rows.map((row) => [row.id, row.revision]));
}

/**
 * Resolves once the transaction open in this process (if any) has ended: on SQLite a new
 * transaction starts only after the one writing has committed or rolled back.
 */
export async function afterCommit(): Promise<void> {
  await db.$transaction((tx) => tx.$queryRaw`SELECT 1`);
}
