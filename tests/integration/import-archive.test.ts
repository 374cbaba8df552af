import { db } from "../support/db";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createUser } from "../support/factories";
import { AppError } from "@/lib/errors";
import { LIMITS } from "@/lib/limits";
import { seedDemo, type DemoResult } from "@/lib/domain/demo";
import { checkEvaluationIntegrity, exportDecisionRecord } from "@/lib/domain/records";
import { importDecisionRecord } from "@/lib/domain/import-record";
import { listTeamEvaluations } from "@/lib/domain/evaluations";
import { createApiToken } from "@/lib/domain/api-tokens";
import { canonicalJson, sha256Hex, verifyRecord } from "@/lib/export";
import { POST as importRoute } from "@/app/api/v1/teams/[teamId]/evaluations/import/route";

// Issue 10: an import must not launder a record. Only owners and admins import; a decided archive
// must be the record exactly as exported (its sha256 matches); its ballots are named as in the
// record and never attributed to accounts; it is marked "Imported from a record" wherever it shows;
// and the file is held to the sizes and the ballot rules the app itself keeps.

vi.mock("@/lib/auth/auth", () => ({ auth: async () => null }));

type Json = Record<string, any>;

async function rejects(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError "${code}"`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

let demo: DemoResult;
const actors = {} as Record<"owner" | "admin" | "member" | "viewer", { userId: string; email: string; name: string }>;
let original: Json;

beforeAll(async () => {
  demo = await seedDemo();
  const emails = { owner: "ada", admin: "grace", member: "linus", viewer: "barbara" } as const;
  for (const [role, name] of Object.entries(emails)) {
    const user = await db.user.findUniqueOrThrow({ where: { email: `${name}@demo.tradeoff.dev` } });
    actors[role as keyof typeof emails] = { userId: user.id, email: user.email, name: user.name };
  }
  original = JSON.parse((await exportDecisionRecord(actors.owner, demo.evaluationId, "json")).body);
});

/** The record with its sha256 recomputed, as anyone editing a file can do: the hash is not a signature. */
function reseal(record: Json): Json {
  const { integrity: _integrity, ...content } = record;
  return { ...content, integrity: { algorithm: "sha256", sha256: sha256Hex(canonicalJson(content)) } };
}

const edited = (edit: (record: Json) => void, { seal = true } = {}) => {
  const copy = structuredClone(original);
  edit(copy);
  return seal ? reseal(copy) : copy;
};

const archive = (record: Json, actor: { userId: string } = actors.owner) =>
  importDecisionRecord(actor, demo.teamId, { mode: "archive", record });

describe("who may import", () => {
  it("lets owners and admins import, but not members, viewers or outsiders", async () => {
    await rejects(importDecisionRecord(actors.member, demo.teamId, { mode: "archive", record: original }), "forbidden");
    await rejects(importDecisionRecord(actors.member, demo.teamId, { mode: "draft", record: original }), "forbidden");
    await rejects(importDecisionRecord(actors.viewer, demo.teamId, { mode: "draft", record: original }), "forbidden");
    await rejects(importDecisionRecord(await createUser("outsider"), demo.teamId, { mode: "draft", record: original }), "not_found");
    await expect(archive(original, actors.admin)).resolves.toMatchObject({ status: "decided" });
  });
});

describe("a decided archive is the record as exported, or nothing", () => {
  it("refuses an edited record whose sha256 no longer matches, naming record.integrity.sha256; a draft is still fine", async () => {
    // The forgery of the issue: decision rewritten, ballot handed to the viewer, hash zeroed.
    const forged = edited(
      (record) => {
        record.decision.rationale = "Someone rewrote history.";
        record.ballots[0].email = actors.viewer.email;
        record.integrity.sha256 = "0".repeat(64);
      },
      { seal: false },
    );
    const before = await db.evaluation.count();
    const error = await rejects(archive(forged), "invalid");
    expect(error.message).toMatch(/sha256/);
    expect(error.message).toMatch(/draft/);
    expect(error.fields).toHaveProperty(["record.integrity.sha256"]);
    expect(await db.evaluation.count()).toBe(before);

    const draft = await importDecisionRecord(actors.owner, demo.teamId, { mode: "draft", record: forged });
    expect(draft).toMatchObject({ status: "draft", ballots: { imported: 0 } });
    expect(await db.ballot.count({ where: { evaluationId: draft.evaluationId } })).toBe(0);
  });

  it("refuses an archive that carries no sha256 at all", async () => {
    const { integrity: _integrity, ...bare } = structuredClone(original);
    const error = await rejects(archive(bare), "invalid");
    expect(error.fields).toHaveProperty(["record.integrity.sha256"]);
  });
});

describe("an imported archive names voters as text and says it was imported", () => {
  it("never attributes ballots or the decision to accounts of this team, even when the record names them", async () => {
    const handedToViewer = edited((record) => {
      record.ballots[0].email = actors.viewer.email;
    });
    expect(verifyRecord(handedToViewer).valid).toBe(true);
    const { evaluationId, ballots } = await archive(handedToViewer);
    expect(ballots).toEqual({ imported: 3, skipped: [] });

    const rows = await db.ballot.findMany({ where: { evaluationId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((b) => [b.userId, b.voterName])).toEqual([
      [null, "Ada Lovelace"],
      [null, "Grace Hopper"],
      [null, "Linus Torvalds"],
    ]);
    const revisions = await db.ballotRevision.findMany({ where: { evaluationId } });
    expect(revisions.every((r) => r.userId === null && r.voterName)).toBe(true);
    const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(evaluation.decidedById).toBeNull();

    // The records name them as the original did, and no account is behind any ballot.
    const record = JSON.parse((await exportDecisionRecord(actors.owner, evaluationId, "json")).body);
    expect(record.ballots.map((b: Json) => [b.voter, b.email])).toEqual([
      ["Ada Lovelace", undefined],
      ["Grace Hopper", undefined],
      ["Linus Torvalds", undefined],
    ]);
    expect(record.decision.decidedBy).toBe("Ada Lovelace");
    expect(record.participants.some((p: Json) => p.voted)).toBe(false);
    expect(record.report.consistency).toEqual(original.report.consistency);
  });

  it("keeps the record's hash and who imported it, and marks it in the list, the integrity check and every export", async () => {
    const sha256 = original.integrity.sha256;
    const { evaluationId } = await archive(original, actors.admin);
    const row = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(row).toMatchObject({ importedFromSha256: sha256, importedById: actors.admin.userId });
    expect(row.importedAt).toBeInstanceOf(Date);

    const listed = (await listTeamEvaluations(actors.viewer, demo.teamId)) as Json[];
    expect(listed.find((e) => e.id === evaluationId)?.imported).toMatchObject({ sha256, importedBy: actors.admin.name });
    expect(listed.find((e) => e.id === demo.evaluationId)?.imported).toBeNull();

    const integrity = (await checkEvaluationIntegrity(actors.viewer, evaluationId)) as Json;
    expect(integrity.valid).toBe(true);
    expect(integrity.imported).toMatchObject({ sha256, importedBy: actors.admin.name });
    expect(integrity.checked).toContain(`matches the record it was imported from (sha256 ${sha256.slice(0, 12)}`);
    expect(integrity.checked).not.toMatch(/since (it was|they were) written/);
    const native = (await checkEvaluationIntegrity(actors.viewer, demo.evaluationId)) as Json;
    expect(native.imported).toBeNull();
    expect(native.checked).toMatch(/since they were written/);

    const json = JSON.parse((await exportDecisionRecord(actors.owner, evaluationId, "json")).body);
    expect(json.imported).toMatchObject({ sha256, importedBy: actors.admin.name });
    expect(verifyRecord(json).valid).toBe(true);
    expect((await exportDecisionRecord(actors.owner, evaluationId, "md")).body).toContain(`Imported from a record`);
    expect((await exportDecisionRecord(actors.owner, evaluationId, "md")).body).toContain(sha256);
    expect((await exportDecisionRecord(actors.owner, evaluationId, "csv")).body).toMatch(new RegExp(`^imported,.*${sha256}`, "m"));
    const anonymised = JSON.parse((await exportDecisionRecord(actors.owner, evaluationId, "json", { anonymise: true })).body);
    expect(anonymised.imported.sha256).toBe(sha256);
    expect(JSON.stringify(anonymised)).not.toContain(actors.admin.name);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { evaluationId, action: "evaluation.imported" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ mode: "archive", sha256 });
  });

  it("imports an anonymised record's ballots under its Voter labels", async () => {
    const anonymised = JSON.parse((await exportDecisionRecord(actors.owner, demo.evaluationId, "json", { anonymise: true })).body);
    const { evaluationId } = await archive(anonymised);
    const rows = await db.ballot.findMany({ where: { evaluationId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((b) => [b.userId, b.voterName])).toEqual([
      [null, "Voter 1"],
      [null, "Voter 2"],
      [null, "Voter 3"],
    ]);
  });
});

describe("sizes", () => {
  it("answers 413 to a body over the import limit, before reading it all", async () => {
    const { token } = await createApiToken(actors.owner, { name: "import size test" });
    const huge = edited((record) => {
      record.evaluation.problem = "x".repeat(LIMITS.bodyBytes.import);
    });
    const response = await importRoute(
      new NextRequest(`http://localhost/api/v1/teams/${demo.teamId}/evaluations/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ mode: "draft", record: huge }),
      }),
      { params: Promise.resolve({ teamId: demo.teamId }) },
    );
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "too_large", message: expect.stringMatching(/larger than .*2 MiB/) });
  });

  it.each<[string, string, (record: Json) => void]>([
    [
      "too many options",
      "options",
      (r) => {
        r.options = Array.from({ length: LIMITS.optionsPerEvaluation + 1 }, (_, i) => ({ key: `o${i}`, name: `Option ${i}`, summary: "" }));
        r.ratings = [];
        r.report.ranking = [];
        r.decision = null;
        r.evaluation.status = "revealed";
        r.evaluation.decidedAt = null;
      },
    ],
    [
      "too many criteria",
      "criteria",
      (r) => {
        r.criteria.push(
          ...Array.from({ length: LIMITS.criteriaPerEvaluation }, (_, i) => ({ key: `extra-${i}`, name: `Extra ${i}`, description: "" })),
        );
      },
    ],
    [
      "a name too long",
      "options.0.name",
      (r) => {
        r.options[0].name = "n".repeat(LIMITS.nameLength + 1);
      },
    ],
    [
      "a rationale too long",
      "ratings.0.rationale",
      (r) => {
        r.ratings[0].rationale = "r".repeat(LIMITS.descriptionLength + 1);
      },
    ],
    [
      "too many rounds",
      "evaluation.round",
      (r) => {
        r.evaluation.round = LIMITS.roundsPerImport + 1;
      },
    ],
    [
      "too many ballots",
      "ballots",
      (r) => {
        const first = r.ballots[0];
        r.ballots = Array.from({ length: LIMITS.ballotsPerImport + 1 }, (_, i) => ({ ...first, voter: `Voter ${i + 1}` }));
      },
    ],
  ])("refuses a record with %s, naming %s", async (_what, field, edit) => {
    const error = await rejects(importDecisionRecord(actors.owner, demo.teamId, { mode: "draft", record: edited(edit) }), "invalid");
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(error.fields![field]).toMatch(/at most|too (big|long|many)/i);
  });
});

describe("imported ballots pass the rules cast ballots pass", () => {
  const criterionKeys = () => (original.criteria as Json[]).map((c) => c.key as string);

  it.each<[string, (record: Json) => void, RegExp]>([
    [
      "points that add up to 7",
      (r) => {
        r.ballots[0].weights = { [criterionKeys()[0]]: 7 };
      },
      /^ballots\.0\.weights/,
    ],
    [
      "a likert importance of 0",
      (r) => {
        r.ballots[1] = {
          ...r.ballots[1],
          method: "likert",
          weights: Object.fromEntries(criterionKeys().map((k, i) => [k, i === 0 ? 0 : 3])),
        };
      },
      /^ballots\.1\.weights/,
    ],
    [
      "a ballot of round 99 in a round 1 record",
      (r) => {
        r.ballots[2].round = 99;
      },
      /^ballots\.2\.round$/,
    ],
    [
      "a ballot cast in the year 9999",
      (r) => {
        r.ballots[0].castAt = "9999-01-01T00:00:00.000Z";
      },
      /^ballots\.0\.castAt$/,
    ],
    [
      "a decision dated in the future",
      (r) => {
        r.decision.decidedAt = "9999-01-01T00:00:00.000Z";
        r.evaluation.decidedAt = "9999-01-01T00:00:00.000Z";
        r.generatedAt = "9999-01-01T00:00:00.000Z";
      },
      /^decision\.decidedAt$/,
    ],
    [
      "contradictory judgments of one pair",
      (r) => {
        const [a, b] = criterionKeys();
        r.ballots[2] = {
          voter: r.ballots[2].voter,
          round: 1,
          castAt: r.ballots[2].castAt,
          method: "pairwise",
          comparisons: [
            { a, b, value: 9 },
            { a: b, b: a, value: 9 },
          ],
        };
      },
      /^ballots\.2\.comparisons/,
    ],
    [
      "two ballots by one voter in one round",
      (r) => {
        r.ballots[1].voter = r.ballots[0].voter;
      },
      /^ballots\.1\.voter$/,
    ],
  ])("refuses %s", async (_what, edit, field) => {
    const before = await db.evaluation.count();
    const error = await rejects(archive(edited(edit)), "invalid");
    expect(
      Object.keys(error.fields ?? {}).some((key) => field.test(key)),
      JSON.stringify(error.fields),
    ).toBe(true);
    expect(await db.evaluation.count()).toBe(before);
  });
});
