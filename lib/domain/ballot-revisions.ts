import "server-only";
import { newRowId, sqlOf, type Tx } from "@/lib/db/client";
import { joinSql, sql, type SqlTx } from "@/lib/db/sql";
import { GENESIS_HASH, chainRevisions, nextRevisionLink, revisionHash } from "@/lib/export/ballot-chain";
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
 * The last link of an evaluation's hash chain, as the evaluation row keeps it (Evaluation.chainSeq
 * and chainHash): seq 0 and the genesis hash while the chain is empty, so the next link is always
 * nextRevisionLink(head).
 */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH };

/** The head as the evaluation row holds it: read under the caller's write lock, so it is current. */
export async function readChainHead(tx: Tx | SqlTx, evaluationId: string): Promise<ChainHead> {
  const [row] = await sqlOf(tx).rows<{ chainSeq: number; chainHash: string }>(
    sql`SELECT "chainSeq", "chainHash" FROM "Evaluation" WHERE "id" = ${evaluationId}`,
  );
  if (!row) throw new Error(`No evaluation ${evaluationId} to read the ballot chain of.`);
  return { seq: row.chainSeq, hash: row.chainHash };
}

/**
 * Appends a ballot to the evaluation's hash chain, in the caller's transaction, and moves the head
 * kept on the evaluation row. Every write of a Ballot row goes through here or appendBallotRevisions
 * (casting, carrying ballots into a second round, importing), so the current ballots can always be
 * checked against the last revision of each.
 *
 * `head` is the chain's head as the caller's write lock returned it (withEvaluation's
 * `chainHead`); without it the head is read from the evaluation row. The caller must hold the
 * evaluation's write lock (withEvaluation, lockEvaluation): the head is then the chain's end, and
 * no other transaction can append before this one commits. The head moves only if it is still the
 * one this link was made from (a compare-and-set on chainSeq), so a writer that skipped the lock
 * fails loudly instead of forking the chain; the unique (evaluationId, seq) index is the last guard.
 */
export async function appendBallotRevision(
  client: Tx | SqlTx,
  revision: RevisionInput,
  options: { head?: ChainHead } = {},
): Promise<ChainHead> {
  const tx = sqlOf(client);
  const head = options.head ?? (await readChainHead(tx, revision.evaluationId));
  const link = nextRevisionLink(head);
  const hash = revisionHash({ ...revision, ...link });
  await insertBallotRevisions(tx, [{ ...revision, ...link, hash }]);
  const next = { seq: link.seq, hash };
  await moveChainHead(tx, revision.evaluationId, head, next);
  return next;
}

/**
 * Appends several revisions at once, in order, after `head` (read from the evaluation row if not
 * given): one insert and one head update, with exactly the links appending them one by one would
 * give. For an imported archive's ballots and a second round's carried-over ballots.
 */
export async function appendBallotRevisions(
  tx: Tx,
  evaluationId: string,
  revisions: readonly Omit<RevisionInput, "evaluationId">[],
  options: { head?: ChainHead } = {},
): Promise<ChainHead> {
  const head = options.head ?? (await readChainHead(tx, evaluationId));
  if (revisions.length === 0) return head;
  const linked = chainRevisions(
    head.seq === 0 ? null : head,
    revisions.map((r) => ({ ...r, evaluationId })),
  );
  await tx.ballotRevision.createMany({ data: linked });
  const last = linked[linked.length - 1];
  const next = { seq: last.seq, hash: last.hash };
  await moveChainHead(sqlOf(tx), evaluationId, head, next);
  return next;
}

/**
 * Stores revisions already linked (chainRevisions) in one statement, deferred (SqlTx.defer):
 * nothing in the transaction reads the chain back. The caller moves the head.
 */
export async function insertBallotRevisions(
  tx: SqlTx,
  linked: readonly (RevisionInput & { seq: number; prevHash: string; hash: string })[],
) {
  await tx.defer(
    joinSql([
      `INSERT INTO "BallotRevision" ("id", "evaluationId", "userId", "voterName", "round", "seq", "method", "payload", "createdAt", "prevHash", "hash") VALUES `,
      ...linked.flatMap((r, i) => [
        i ? ", " : "",
        sql`(${newRowId()}, ${r.evaluationId}, ${r.userId}, ${r.voterName ?? null}, ${r.round}, ${r.seq}, ${r.method}, ${r.payload}, ${r.createdAt}, ${r.prevHash}, ${r.hash})`,
      ]),
    ]),
  );
}

async function moveChainHead(tx: SqlTx, evaluationId: string, from: ChainHead, to: ChainHead) {
  // Evaluation.updatedAt is left alone: the write lock that every append holds already set it.
  await tx.defer(
    sql`UPDATE "Evaluation" SET "chainSeq" = ${to.seq}, "chainHash" = ${to.hash} WHERE "id" = ${evaluationId} AND "chainSeq" = ${from.seq}`,
    (moved) => {
      if (moved !== 1) {
        throw new Error(
          `The ballot chain of evaluation ${evaluationId} moved past seq ${from.seq} during an append: appends must hold the evaluation's write lock.`,
        );
      }
    },
  );
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
