import "server-only";
import { db } from "@/lib/db/client";

/**
 * The evaluation's change counter (bumped by every ballot, rating, comment and status change).
 * Live streams poll it: one indexed read a second per open report, and it works the same
 * across several server processes and on any database.
 */
export async function evaluationRevision(evaluationId: string): Promise<number | null> {
  const row = await db.evaluation.findUnique({ where: { id: evaluationId }, select: { revision: true } });
  return row?.revision ?? null;
}
