import { describe, expect, it } from "vitest";
import { GENESIS_HASH } from "@/lib/export/ballot-chain";
import { buildDecisionRecord } from "@/lib/export/build-record";
import { AppError } from "@/lib/errors";
import { ballotRevisions, decidedRecord, djangoFlaskSource, votingRecord } from "./fixtures";

describe("buildDecisionRecord", () => {
  it("orders options, criteria and ratings by position, and refers to them by key", () => {
    const record = decidedRecord();
    expect(record.options.map((o) => o.key)).toEqual(["django", "flask"]);
    expect(record.ratings.slice(0, 2).map((r) => [r.option, r.criterion])).toEqual([["django", "security"], ["django", "learning"]]);
    expect(record.ratings[0].citations[0].source).toBe("001_65b7caba0eee45b3.txt");
  });

  it("names voters, marks who voted, and records the decision", () => {
    const record = decidedRecord();
    expect(record.ballots.map((b) => b.voter)).toEqual(["Ada Park", "Grace Okafor", "Linus Berg", "Maria Santos"]);
    expect(record.ballots[0].email).toBe("ada@example.com");
    expect(record.participants.map((p) => [p.name, p.role, p.voted])).toEqual([
      ["Ada Park", "owner", true],
      ["Grace Okafor", "admin", true],
      ["Bea Novak", "member", false],
      ["Linus Berg", "member", true],
      ["Maria Santos", "member", true],
      ["Ken Ito", "viewer", false],
    ]);
    expect(record.report.consistency).toEqual({ "Linus Berg": 0.04 });
    expect(record.decision).toEqual({
      option: "django",
      rationale: "its built-in security and admin cover what the portal needs on day one.",
      decidedBy: "Ada Park",
      decidedAt: "2026-03-12T10:30:00.000Z",
      overrideReason: undefined,
    });
    expect(record.ballotChain).toEqual({ length: 5, headHash: ballotRevisions().at(-1)!.hash });
  });

  it("anonymises ballots: numbered voters, no emails, and no ballot actors in the audit trail", () => {
    const record = decidedRecord({ anonymiseBallots: true });
    expect(record.ballotsAnonymised).toBe(true);
    expect(record.ballots.map((b) => b.voter)).toEqual(["Voter 1", "Voter 2", "Voter 3", "Voter 4"]);
    expect(record.ballots.every((b) => b.email === undefined)).toBe(true);
    // Linus cast the third first ballot, so he is Voter 3.
    expect(record.report.consistency).toEqual({ "Voter 3": 0.04 });
    const ballotEntries = record.audit.filter((entry) => entry.action.startsWith("ballot"));
    expect(ballotEntries.every((entry) => entry.actor === null && JSON.stringify(entry.detail) === "{}")).toBe(true);
    expect(JSON.stringify(record.ballots)).not.toMatch(/Ada|Grace|Linus|Maria/);
  });

  it("uses the export time only while undecided, and the genesis hash before any ballot", () => {
    expect(votingRecord().generatedAt).toBe("2026-03-20T12:00:00.000Z");
    expect(votingRecord().decision).toBeNull();
    const empty = decidedRecord({ ballots: [], revisions: [] });
    expect(empty.ballotChain).toEqual({ length: 0, headHash: GENESIS_HASH });
  });

  it("names a decider or voter who has left the team as a former member", () => {
    const record = decidedRecord({ members: djangoFlaskSource().members.filter((m) => m.userId !== "u-ada") });
    expect(record.decision!.decidedBy).toBe("Former member");
    expect(record.ballots[0].voter).toBe("Former member");
  });

  it("rejects rows that break the record's rules, naming the field", () => {
    const source = djangoFlaskSource();
    const broken = { ...source, evaluation: { ...source.evaluation, status: "archived" } };
    expect(() => buildDecisionRecord(broken)).toThrow(AppError);
    expect(() => buildDecisionRecord(broken)).toThrow(/evaluation\.status/);
  });
});
