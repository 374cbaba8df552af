import "server-only";
import { LRUCache } from "lru-cache";
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
export async function appendBallotRevision(
  tx: Tx,
  revision: RevisionInput,
  options: { lockedRevision?: number } = {},
): Promise<{ seq: number; hash: string }> {
  const last = knownHead(revision.evaluationId, options.lockedRevision) ??
    (await tx.ballotRevision.findFirst({
      where: { evaluationId: revision.evaluationId },
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true },
    }));
  const link = nextRevisionLink(last);
  const hash = revisionHash({ ...revision, ...link });
  await tx.ballotRevision.create({ data: { ...revision, ...link, hash } });
  return { seq: link.seq, hash };
}

// The chain's last link, as the last committed ballot of this process left it: saves reading it
// back on the next ballot. Correct across instances and restarts because it is keyed by the
// evaluation's revision: every transaction that appends to a chain holds the evaluation's write
// lock, which bumps the revision by one. A head remembered at revision R is therefore the chain's
// real head exactly when the next writer's lock brings the revision to R + 1; any other write in
// between (from this instance or another) moved the revision further, and the head is read again.
// Only committed heads are remembered (rememberChainHead runs after the commit): a rolled-back one
// would fork the chain.
const chainHeads = new LRUCache<string, { revision: number; seq: number; hash: string }>({ max: 2000 });

function knownHead(evaluationId: string, lockedRevision: number | undefined): { seq: number; hash: string } | null {
  if (lockedRevision === undefined) return null;
  const known = chainHeads.get(evaluationId);
  return known && known.revision === lockedRevision - 1 ? { seq: known.seq, hash: known.hash } : null;
}

/** After the transaction that appended `head` at evaluation revision `revision` has committed. */
export function rememberChainHead(evaluationId: string, revision: number, head: { seq: number; hash: string }) {
  const known = chainHeads.get(evaluationId);
  if (!known || known.revision < revision) chainHeads.set(evaluationId, { revision, ...head });
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
