import { canonicalJson, sha256Hex } from "./canonical";

// Ballot revisions are append-only and hash-chained per evaluation: each row's hash covers its own
// fields and the previous row's hash, so editing, deleting or reordering rows breaks the chain.
// The record's ballotChain { length, headHash } pins the end of the chain, which also catches
// rows removed from the end.

/** prevHash of an evaluation's first revision. */
export const GENESIS_HASH = "0".repeat(64);

export interface RevisionFields {
  prevHash: string;
  evaluationId: string;
  userId: string | null;
  /** an imported ballot's voter, named by the record it came from (no account); hashed only when set */
  voterName?: string | null;
  round: number;
  /** 1 for an evaluation's first revision, then consecutive */
  seq: number;
  method: string;
  /**
   * The payload exactly as stored (BallotRevision.payload, JSON text). Hashing the stored text
   * rather than a re-serialisation means any byte changed in the row is caught.
   */
  payload: string;
  /** hashed as ISO 8601 in UTC (toISOString), whichever form is passed */
  createdAt: Date | string;
}

export interface StoredRevision extends RevisionFields {
  hash: string;
}

export function revisionHash(fields: RevisionFields): string {
  return sha256Hex(
    canonicalJson({
      prevHash: fields.prevHash,
      evaluationId: fields.evaluationId,
      userId: fields.userId,
      voterName: fields.voterName ?? undefined,
      round: fields.round,
      seq: fields.seq,
      method: fields.method,
      payload: fields.payload,
      createdAt: new Date(fields.createdAt).toISOString(),
    }),
  );
}

/** seq and prevHash for the revision appended after `last` (null for the first). */
export function nextRevisionLink(last: { seq: number; hash: string } | null): { seq: number; prevHash: string } {
  return last ? { seq: last.seq + 1, prevHash: last.hash } : { seq: 1, prevHash: GENESIS_HASH };
}

/**
 * Links several revisions at once, after `last` (null for an evaluation's first): the same seq,
 * prevHash and hash appending them one by one would give. For writing many in one statement
 * (an imported archive's ballots), where reading the chain's end before each would cost a query.
 */
export function chainRevisions<T extends Omit<RevisionFields, "prevHash" | "seq">>(
  last: { seq: number; hash: string } | null,
  revisions: readonly T[],
): (T & { seq: number; prevHash: string; hash: string })[] {
  let previous = last;
  return revisions.map((revision) => {
    const link = nextRevisionLink(previous);
    const hash = revisionHash({ ...revision, ...link });
    previous = { seq: link.seq, hash };
    return { ...revision, ...link, hash };
  });
}

export interface ChainVerdict {
  valid: boolean;
  /** seq of the first revision found wrong (or missing) */
  brokenAt?: number;
  reason?: string;
}

/**
 * Verifies an evaluation's revisions in the order read (callers read them ordered by seq).
 * `expectedHead`, from a record's ballotChain, also catches rows removed from the end.
 */
export function verifyChain(revisions: readonly StoredRevision[], expectedHead?: { length: number; headHash: string }): ChainVerdict {
  const presentSeqs = new Set(revisions.map((revision) => revision.seq));
  let prevHash = GENESIS_HASH;
  for (const [i, revision] of revisions.entries()) {
    const expectedSeq = i + 1;
    if (revision.seq !== expectedSeq) {
      const why = presentSeqs.has(expectedSeq) ? "revisions are out of order" : `revision ${expectedSeq} is missing`;
      return { valid: false, brokenAt: expectedSeq, reason: `found seq ${revision.seq} where ${expectedSeq} belongs: ${why}` };
    }
    if (revision.prevHash !== prevHash) {
      return { valid: false, brokenAt: revision.seq, reason: `revision ${revision.seq} does not link to the revision before it` };
    }
    if (revisionHash(revision) !== revision.hash) {
      return { valid: false, brokenAt: revision.seq, reason: `revision ${revision.seq} was changed after it was written` };
    }
    prevHash = revision.hash;
  }
  if (expectedHead && (expectedHead.length !== revisions.length || expectedHead.headHash !== prevHash)) {
    return {
      valid: false,
      brokenAt: Math.min(expectedHead.length, revisions.length) + 1,
      reason: `the chain has ${revisions.length} revisions ending in ${prevHash}, the record expects ${expectedHead.length} ending in ${expectedHead.headHash}`,
    };
  }
  return { valid: true };
}

/**
 * verifyChain, plus the head the evaluation row keeps (Evaluation.chainSeq / chainHash, from which
 * the next revision links without reading the chain): it must be the chain's last revision, or the
 * genesis (seq 0) while the chain is empty. A head behind the chain would make the next ballot fork
 * it; one ahead means revisions were removed from the end.
 */
export function verifyChainAndHead(
  revisions: readonly StoredRevision[],
  head: { seq: number; hash: string },
  expectedHead?: { length: number; headHash: string },
): ChainVerdict {
  const verdict = verifyChain(revisions, expectedHead);
  if (!verdict.valid) return verdict;
  const last = revisions.at(-1) ?? { seq: 0, hash: GENESIS_HASH };
  if (head.seq === last.seq && head.hash === last.hash) return verdict;
  return {
    valid: false,
    brokenAt: Math.min(head.seq, last.seq) + 1,
    reason: `the evaluation's chain head is revision ${head.seq} (${head.hash}), but the chain ends at revision ${last.seq} (${last.hash})`,
  };
}
