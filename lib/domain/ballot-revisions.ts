import "server-only";
import type { Tx } from "@/lib/db/client";
import { nextRevisionLink, revisionHash } from "@/lib/export/ballot-chain";
import { voterKey } from "@/lib/ballots/voter";

export interface RevisionInput {
  evaluationId: string;
  userId: string | null;
  voterName?: string | null;
  round: number;
  method: string;
  /** the payload exactly as the Ballot row stores it */
  payload: string;
  createdAt: Date;
}

/**
 * Appends a ballot to the evaluation's hash chain, in the caller's transaction. Every write of a
 * Ballot row goes through here (casting, carrying ballots into a second round, importing), so the
 * current ballots can always be checked against the last revision of each.
 */
export async function appendBallotRevision(tx: Tx, revision: RevisionInput): Promise<{ seq: number; hash: string }> {
  const last = await tx.ballotRevision.findFirst({
    where: { evaluationId: revision.evaluationId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const link = nextRevisionLink(last);
  const hash = revisionHash({ ...revision, ...link });
  await tx.ballotRevision.create({ data: { ...revision, ...link, hash } });
  return { seq: link.seq, hash };
}

/**
 * Ballot rows that differ from the last revision recorded for the same member and round: the
 * tally reads Ballot rows, so an edit there must show up even though the chain itself is intact.
 */
export function ballotsOffTheChain(
  ballots: readonly { userId: string | null; voterName?: string | null; round: number; method: string; payload: string }[],
  revisions: readonly { userId: string | null; voterName?: string | null; round: number; method: string; payload: string; seq: number }[],
): { userId: string | null; voterName?: string | null; round: number }[] {
  const latest = new Map<string, { method: string; payload: string; seq: number }>();
  for (const r of revisions) {
    const key = `${voterKey(r)}:${r.round}`;
    if ((latest.get(key)?.seq ?? 0) < r.seq) latest.set(key, r);
  }
  return ballots
    .filter((b) => {
      const recorded = latest.get(`${voterKey(b)}:${b.round}`);
      return !recorded || recorded.method !== b.method || recorded.payload !== b.payload;
    })
    .map(({ userId, voterName, round }) => ({ userId, voterName, round }));
}
