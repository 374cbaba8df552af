import { describe, expect, it } from "vitest";
import { GENESIS_HASH } from "@/lib/export/ballot-chain";
import { buildDecisionRecord } from "@/lib/export/build-record";
import { AppError } from "@/lib/errors";
import { ballotRevisions, decidedRecord, djangoFlaskSource, votingRecord } from "./fixtures";

describe("buildDecisionRecord", () => {
  it("orders options, criteria and ratings by position, and refers to them by key", () => {
    const record = decidedRecord();
    expect(record.options.map((o) => o.key)).toEqual(["django", "flask"]);
    expect(record.ratings.slice(0, 2).map((r) => [r.option, r.criterion])).toEqual([
      ["django", "security"],
      ["django", "learning"],
    ]);
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

  it("anonymises: Voter N for voters and Participant N for anyone else, the same everywhere, with no name, email or id left", () => {
    const source = djangoFlaskSource();
    const record = decidedRecord({
      anonymiseBallots: true,
      auditEntries: [
        ...source.auditEntries,
        // A comment mentioning a viewer, and an entry by someone who has since left the team.
        {
          createdAt: new Date("2026-03-12T11:00:00.000Z"),
          actorId: "u-grace",
          action: "comment.added",
          detail: JSON.stringify({ mentions: ["u-ken"], note: "Ken Ito agrees" }),
        },
        {
          createdAt: new Date("2026-03-12T12:00:00.000Z"),
          actorId: "u-gone",
          action: "rating.set",
          detail: JSON.stringify({ by: "gone@example.com" }),
        },
      ],
      otherUsers: [{ userId: "u-gone", name: "Gone Person", email: "gone@example.com" }],
    });
    expect(record.ballotsAnonymised).toBe(true);
    expect(record.ballots.map((b) => b.voter)).toEqual(["Voter 1", "Voter 2", "Voter 3", "Voter 4"]);
    expect(record.ballots.every((b) => b.email === undefined)).toBe(true);
    // Linus cast the third first ballot, so he is Voter 3.
    expect(record.report.consistency).toEqual({ "Voter 3": 0.04 });
    // Names, emails, roles and who voted are what a participant entry is made of.
    expect(record.participants).toEqual([]);
    // Ada voted first and decided; Grace voted second and revealed.
    expect(record.decision!.decidedBy).toBe("Voter 1");
    const actors = record.audit.map((entry) => [entry.action, entry.actor]);
    expect(actors).toContainEqual(["evaluation.decided", "Voter 1"]);
    expect(actors).toContainEqual(["evaluation.revealed", "Voter 2"]);
    expect(actors.filter(([action]) => action === "ballot.cast").map(([, actor]) => actor)).toEqual([
      "Voter 1",
      "Voter 2",
      "Voter 4",
      "Voter 3",
      "Voter 4",
    ]);
    const comment = record.audit.find((entry) => entry.action === "comment.added")!;
    expect(comment.detail).toEqual({ mentions: ["Participant 1"], note: "Participant 1 agrees" });
    const gone = record.audit.find((entry) => entry.action === "rating.set")!;
    expect([gone.actor, gone.detail]).toEqual(["Participant 2", { by: "Participant 2" }]);

    const text = JSON.stringify(record);
    for (const m of [...source.members, { userId: "u-gone", name: "Gone Person", email: "gone@example.com" }]) {
      for (const secret of [m.userId, m.name, m.email]) expect(text).not.toContain(secret);
    }
  });

  it("names an imported ballot's voter and decider by the record's names, and marks the import", () => {
    const source = djangoFlaskSource();
    const record = decidedRecord({
      evaluation: {
        ...source.evaluation,
        decidedById: null,
        decidedByName: "Ada from the record",
        imported: { sha256: "c".repeat(64), at: new Date("2026-04-01T00:00:00.000Z"), byId: "u-grace" },
      },
      ballots: source.ballots.map((b) => ({ ...b, userId: null, voterName: `${b.userId} from the record` })),
      report: { ...source.report, consistency: { "record:u-linus from the record": 0.04 } },
    });
    expect(record.ballots.map((b) => [b.voter, b.email])).toEqual([
      ["u-ada from the record", undefined],
      ["u-grace from the record", undefined],
      ["u-linus from the record", undefined],
      ["u-maria from the record", undefined],
    ]);
    expect(record.report.consistency).toEqual({ "u-linus from the record": 0.04 });
    expect(record.decision!.decidedBy).toBe("Ada from the record");
    expect(record.participants.some((p) => p.voted)).toBe(false);
    expect(record.imported).toEqual({ sha256: "c".repeat(64), importedAt: "2026-04-01T00:00:00.000Z", importedBy: "Grace Okafor" });
  });

  it("tells apart two voters with one name, so their ballots never read as one person voting twice", () => {
    const members = djangoFlaskSource().members.map((m) => (m.userId === "u-grace" ? { ...m, name: "Ada Park" } : m));
    expect(
      decidedRecord({ members })
        .ballots.map((b) => b.voter)
        .slice(0, 2),
    ).toEqual(["Ada Park", "Ada Park (2)"]);
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
