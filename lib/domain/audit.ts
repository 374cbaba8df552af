import "server-only";
import type { Tx } from "@/lib/db/client";

/** Appends to the audit log inside the caller's transaction, so a change and its record land together. */
export function recordAudit(
  tx: Tx,
  entry: { teamId: string; evaluationId?: string; actorId?: string | null; action: string; detail?: unknown },
) {
  return tx.auditEntry.create({
    data: {
      teamId: entry.teamId,
      evaluationId: entry.evaluationId,
      actorId: entry.actorId ?? null,
      action: entry.action,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  });
}
