import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, nextRevisionLink, revisionHash, verifyChain, type StoredRevision } from "@/lib/export/ballot-chain";
import { ballotRevisions } from "./fixtures";

const head = (revisions: StoredRevision[]) => ({ length: revisions.length, headHash: revisions.at(-1)!.hash });

describe("ballot revision chain", () => {
  it("starts from the genesis hash and accepts an untouched chain", () => {
    const revisions = ballotRevisions();
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(revisions[0]).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(nextRevisionLink(revisions[0])).toEqual({ seq: 2, prevHash: revisions[0].hash });
    expect(verifyChain(revisions, head(revisions))).toEqual({ valid: true });
    expect(verifyChain([])).toEqual({ valid: true });
  });

  it("hashes the time the same whether given as a Date or an ISO string", () => {
    const [first] = ballotRevisions();
    expect(revisionHash({ ...first, createdAt: new Date(first.createdAt).toISOString() })).toBe(first.hash);
  });

  it("hashes every field of a revision", () => {
    const [first] = ballotRevisions();
    const changed = {
      prevHash: "f".repeat(64),
      evaluationId: "another-evaluation",
      userId: "u-someone-else",
      round: 2,
      seq: 7,
      method: "likert",
      payload: first.payload.replace("40", "41"),
      createdAt: new Date(new Date(first.createdAt).getTime() + 1),
    };
    for (const [field, value] of Object.entries(changed)) {
      expect(revisionHash({ ...first, [field]: value }), field).not.toBe(first.hash);
    }
  });

  it("detects an edited payload", () => {
    const revisions = ballotRevisions();
    revisions[2] = { ...revisions[2], payload: revisions[2].payload.replace('"security":25', '"security":26') };
    expect(verifyChain(revisions)).toMatchObject({ valid: false, brokenAt: 3, reason: expect.stringMatching(/changed/) });
  });

  it("detects an edited row even when its own hash is recomputed", () => {
    const revisions = ballotRevisions();
    const edited = { ...revisions[1], round: 2 };
    revisions[1] = { ...edited, hash: revisionHash(edited) };
    expect(verifyChain(revisions)).toMatchObject({ valid: false, brokenAt: 3, reason: expect.stringMatching(/link/) });
  });

  it("detects a deleted row, also when the later rows are renumbered", () => {
    const revisions = ballotRevisions();
    const withGap = revisions.filter((r) => r.seq !== 2);
    expect(verifyChain(withGap)).toMatchObject({ valid: false, brokenAt: 2, reason: expect.stringMatching(/missing/) });
    const renumbered = withGap.map((r, i) => ({ ...r, seq: i + 1 }));
    expect(verifyChain(renumbered)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it("detects rows deleted from the end against the record's chain head", () => {
    const revisions = ballotRevisions();
    expect(verifyChain(revisions.slice(0, -1))).toEqual({ valid: true });
    expect(verifyChain(revisions.slice(0, -1), head(revisions))).toMatchObject({ valid: false, brokenAt: 5 });
  });

  it("detects reordered rows, whether moved or with their seq swapped", () => {
    const revisions = ballotRevisions();
    const moved = [revisions[0], revisions[2], revisions[1], ...revisions.slice(3)];
    expect(verifyChain(moved)).toMatchObject({ valid: false, brokenAt: 2, reason: expect.stringMatching(/out of order/) });
    const swapped = [revisions[0], { ...revisions[2], seq: 2 }, { ...revisions[1], seq: 3 }, ...revisions.slice(3)];
    expect(verifyChain(swapped)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it("detects a change to any field of any row", () => {
    const fields = ["prevHash", "evaluationId", "userId", "round", "seq", "method", "payload", "createdAt", "hash"] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...fields), (index, field) => {
        const revisions = ballotRevisions();
        const row = revisions[index] as unknown as Record<string, unknown>;
        const value = row[field];
        row[field] = typeof value === "number" ? value + 10 : value instanceof Date ? new Date(value.getTime() + 1) : `${value}x`;
        expect(verifyChain(revisions, head(ballotRevisions())).valid).toBe(false);
      }),
    );
  });
});
