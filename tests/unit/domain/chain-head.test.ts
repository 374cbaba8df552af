import { describe, expect, it } from "vitest";
import { GENESIS_HASH, verifyChainAndHead } from "@/lib/export/ballot-chain";
import { ballotRevisions } from "../export/fixtures";

// The evaluation row keeps the ballot chain's head so a ballot links without reading the chain; the
// integrity check must notice when that head is not the chain's last revision.

describe("the chain head kept on the evaluation", () => {
  it("is valid when it is the last revision, or the genesis of an empty chain", () => {
    const revisions = ballotRevisions();
    const last = revisions.at(-1)!;
    expect(verifyChainAndHead(revisions, { seq: last.seq, hash: last.hash })).toEqual({ valid: true });
    expect(verifyChainAndHead([], { seq: 0, hash: GENESIS_HASH })).toEqual({ valid: true });
  });

  it("is reported when it lags behind the chain (the next ballot would fork it)", () => {
    const revisions = ballotRevisions();
    const behind = revisions.at(-2)!;
    const verdict = verifyChainAndHead(revisions, { seq: behind.seq, hash: behind.hash });
    expect(verdict).toMatchObject({ valid: false, brokenAt: behind.seq + 1 });
    expect(verdict.reason).toContain(`chain head is revision ${behind.seq}`);
    // an imported chain whose head was never moved
    expect(verifyChainAndHead(revisions, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ valid: false, brokenAt: 1 });
  });

  it("is reported when it is ahead of the chain or names another hash", () => {
    const revisions = ballotRevisions();
    const last = revisions.at(-1)!;
    expect(verifyChainAndHead(revisions.slice(0, -1), { seq: last.seq, hash: last.hash })).toMatchObject({
      valid: false,
      brokenAt: last.seq,
    });
    expect(verifyChainAndHead(revisions, { seq: last.seq, hash: GENESIS_HASH })).toMatchObject({ valid: false });
  });

  it("leaves a broken chain's own verdict first", () => {
    const revisions = ballotRevisions();
    const tampered = revisions.map((r, i) => (i === 0 ? { ...r, payload: "{}" } : r));
    const last = revisions.at(-1)!;
    expect(verifyChainAndHead(tampered, { seq: last.seq, hash: last.hash })).toMatchObject({
      valid: false,
      brokenAt: 1,
      reason: expect.stringContaining("changed"),
    });
  });
});
