import { db } from "../support/db";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTeamWithRoles, createUser } from "../support/factories";
import { addRatingCitation, createEvaluation } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { seedDemo, type DemoResult } from "@/lib/domain/demo";
import { checkEvaluationIntegrity, exportDecisionRecord } from "@/lib/domain/records";
import { importDecisionRecord } from "@/lib/domain/import-record";
import { createApiToken } from "@/lib/domain/api-tokens";
import { addComment } from "@/lib/domain/comments";
import { NOT_CARRIED_OVER, verifyRecord } from "@/lib/export";
import { IntegrityReportSchema } from "@/lib/api/schemas";
import { RECORD_FORMATS } from "@/lib/domain/record-formats";
import { GET as getRecordFile } from "@/app/api/v1/evaluations/[id]/[record]/route";

// next-auth's ESM build does not load outside Next; these requests use a Bearer token, which
// never reaches the session check, so a stub that finds no session is enough.
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null }));

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
let owner: { userId: string };

beforeAll(async () => {
  demo = await seedDemo();
  const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@demo.tradeoff.dev" } });
  owner = { userId: ada.id };
});

const exportJson = async (evaluationId: string) =>
  JSON.parse((await exportDecisionRecord(owner, evaluationId, "json")).body) as Record<string, unknown>;

/** The record without the fields an import does not carry over (NOT_CARRIED_OVER) or its hash. */
function comparable(record: Record<string, unknown>) {
  const copy = structuredClone(record);
  delete copy.integrity;
  // "a.b" deletes b in a; "a.*.b" deletes b in each element of the array a.
  const drop = (node: unknown, parts: string[]): void => {
    if (!node || typeof node !== "object") return;
    const [head, ...rest] = parts;
    if (head === "*") (node as unknown[]).forEach((item) => drop(item, rest));
    else if (rest.length === 0) delete (node as Record<string, unknown>)[head];
    else drop((node as Record<string, unknown>)[head], rest);
  };
  for (const path of NOT_CARRIED_OVER) drop(copy, path.split("."));
  return copy;
}

describe("decision record export", () => {
  it("gives byte-identical files when the same decision is exported twice", async () => {
    for (const format of RECORD_FORMATS) {
      const first = await exportDecisionRecord(owner, demo.evaluationId, format);
      const second = await exportDecisionRecord(owner, demo.evaluationId, format);
      expect(second.body, format).toBe(first.body);
      expect(first.body.length, format).toBeGreaterThan(500);
    }
    const anonymised = [0, 1].map(() => exportDecisionRecord(owner, demo.evaluationId, "json", { anonymise: true }));
    const [a, b] = await Promise.all(anonymised);
    expect(a.body).toBe(b.body);
    const ballots = JSON.parse(a.body).ballots as { voter: string; email?: string }[];
    expect(ballots.map((ballot) => [ballot.voter, ballot.email])).toEqual([
      ["Voter 1", undefined],
      ["Voter 2", undefined],
      ["Voter 3", undefined],
    ]);
    expect(verifyRecord(JSON.parse(a.body)).valid).toBe(true);
  });

  it("refuses the record while voting is blind, and hides the evaluation from non-members", async () => {
    await rejects(exportDecisionRecord(owner, demo.votingEvaluationId, "json"), "conflict");
    const outsider = await createUser("outsider");
    for (const format of RECORD_FORMATS) await rejects(exportDecisionRecord(outsider, demo.evaluationId, format), "not_found");
    await rejects(checkEvaluationIntegrity(outsider, demo.evaluationId), "not_found");
  });

  it("serves record.json to a Bearer token holder as an attachment, and 404s other names", async () => {
    const { token } = await createApiToken(owner, { name: "records test" });
    const call = (file: string, query = "") =>
      getRecordFile(
        new NextRequest(`http://localhost/api/v1/evaluations/${demo.evaluationId}/${file}${query}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ id: demo.evaluationId, record: file }) },
      );

    const response = await call("record.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="django-or-flask-for-the-customer-portal.json"');
    expect(await response.text()).toBe((await exportDecisionRecord(owner, demo.evaluationId, "json")).body);

    expect((await call("record.md", "?inline=1")).headers.get("content-disposition")).toMatch(/^inline;/);
    expect((await call("record.pdf")).status).toBe(404);
    expect((await call("record.json", "?anonymise=maybe")).status).toBe(422);
  });
});

describe("anonymised records", () => {
  it("name no participant anywhere: voters are Voter 1..n throughout, and nobody else is named either", async () => {
    const members = await db.membership.findMany({ where: { teamId: demo.teamId }, include: { user: true } });
    const grace = members.find((m) => m.user.email === "grace@demo.tradeoff.dev")!;
    // A comment after the decision: its audit entry holds the author and the mentioned viewer's user id.
    await addComment({ userId: grace.userId }, demo.evaluationId, { body: "Noted, @Barbara Liskov", targetType: "evaluation" });

    const files = await Promise.all(
      RECORD_FORMATS.map((format) => exportDecisionRecord(owner, demo.evaluationId, format, { anonymise: true })),
    );
    for (const [i, file] of files.entries()) {
      for (const { user } of members) {
        for (const secret of [user.name, user.email, user.id]) {
          expect(file.body, `${RECORD_FORMATS[i]} names ${secret}`).not.toContain(secret);
        }
        const first = new RegExp(`\\b${user.name.split(" ")[0]}\\b`);
        expect(file.body, `${RECORD_FORMATS[i]} names ${first}`).not.toMatch(first);
      }
    }

    const record = JSON.parse(files[RECORD_FORMATS.indexOf("json")].body);
    expect(verifyRecord(record).valid).toBe(true);
    // Names, emails, roles and who voted: a participant list says who took part, so it is left empty.
    expect(record.participants).toEqual([]);
    expect(record.ballots.map((b: { voter: string }) => b.voter)).toEqual(["Voter 1", "Voter 2", "Voter 3"]);
    // Ada cast the first ballot and decided: the same label in both places and in the audit trail.
    expect(record.decision.decidedBy).toBe("Voter 1");
    const actorsOf = (action: string) =>
      record.audit.filter((e: { action: string }) => e.action === action).map((e: { actor: string }) => e.actor);
    expect(actorsOf("evaluation.decide")).toEqual(["Voter 1"]);
    expect(actorsOf("ballot.cast")).toEqual(["Voter 1", "Voter 2", "Voter 3"]);
    expect(actorsOf("comment.added")).toEqual(["Voter 2"]);
    const comment = record.audit.find((e: { action: string }) => e.action === "comment.added");
    expect(comment.detail.mentions).toEqual(["Participant 1"]);
    for (const entry of record.audit) expect(entry.actor === null || /^(Voter|Participant) \d+$/.test(entry.actor), entry.actor).toBe(true);
  });
});

describe("integrity", () => {
  it("flags a ballot revision changed behind the application's back", async () => {
    const before = IntegrityReportSchema.parse(await checkEvaluationIntegrity(owner, demo.votingEvaluationId));
    expect(before.valid).toBe(true);
    const revision = await db.ballotRevision.findFirstOrThrow({ where: { evaluationId: demo.votingEvaluationId } });
    await db.ballotRevision.update({ where: { id: revision.id }, data: { payload: revision.payload.replace(/\d+/, "99") } });

    const after = IntegrityReportSchema.parse(await checkEvaluationIntegrity(owner, demo.votingEvaluationId));
    expect(after.valid).toBe(false);
    expect(after.chain).toMatchObject({ valid: false, brokenAt: revision.seq });
    await db.ballotRevision.update({ where: { id: revision.id }, data: { payload: revision.payload } });
  });

  it("flags a chain whose last revision was deleted: the evaluation's chain head still names it", async () => {
    const evaluationId = demo.votingEvaluationId;
    expect((await checkEvaluationIntegrity(owner, evaluationId)).valid).toBe(true);
    const last = await db.ballotRevision.findFirstOrThrow({ where: { evaluationId }, orderBy: { seq: "desc" } });
    // Deleting the newest revision leaves a chain that re-hashes cleanly from its start: only the
    // head kept on the evaluation row shows that a link is missing.
    await db.ballotRevision.delete({ where: { id: last.id } });
    const after = IntegrityReportSchema.parse(await checkEvaluationIntegrity(owner, evaluationId));
    expect(after.valid).toBe(false);
    expect(after.chain).toMatchObject({ valid: false, brokenAt: last.seq });
    const { id, ...row } = last;
    await db.ballotRevision.create({ data: { id, ...row } });
    expect((await checkEvaluationIntegrity(owner, evaluationId)).valid).toBe(true);
  });

  it("flags a frozen record whose content no longer matches its hash", async () => {
    const snapshot = await db.decisionSnapshot.findUniqueOrThrow({ where: { evaluationId: demo.evaluationId } });
    expect((await checkEvaluationIntegrity(owner, demo.evaluationId)).valid).toBe(true);
    await db.decisionSnapshot.update({
      where: { id: snapshot.id },
      data: { canonical: snapshot.canonical.replace('"option":"django"', '"option":"flask"') },
    });

    const after = IntegrityReportSchema.parse(await checkEvaluationIntegrity(owner, demo.evaluationId));
    expect(after).toMatchObject({ valid: false, snapshot: { sha256: snapshot.sha256, valid: false } });
    await db.decisionSnapshot.update({ where: { id: snapshot.id }, data: { canonical: snapshot.canonical } });
  });
});

describe("decision record import", () => {
  it("round-trips export → import as an archive → export, apart from the fields not carried over", async () => {
    const original = await exportJson(demo.evaluationId);
    const result = await importDecisionRecord(owner, demo.teamId, { mode: "archive", record: original });
    expect(result).toMatchObject({ mode: "archive", status: "decided", ballots: { imported: 3, skipped: [] } });

    const reExported = await exportJson(result.evaluationId);
    expect(comparable(reExported)).toEqual(comparable(original));
    expect(reExported.evaluation).toMatchObject({ id: result.evaluationId, status: "decided" });
    expect(reExported.imported).toMatchObject({ sha256: (original.integrity as { sha256: string }).sha256 });
    expect(verifyRecord(reExported).valid).toBe(true);
    expect((await checkEvaluationIntegrity(owner, result.evaluationId)).valid).toBe(true);
    const audit = await db.auditEntry.findMany({ where: { evaluationId: result.evaluationId } });
    expect(audit.map((a) => a.action)).toEqual(["evaluation.imported"]);
  });

  it("imports a draft with options, criteria and ratings but no ballots or decision", async () => {
    const original = await exportJson(demo.evaluationId);
    const { evaluationId } = await importDecisionRecord(owner, demo.teamId, { mode: "draft", record: original });
    const created = await db.evaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      include: { _count: { select: { options: true, criteria: true, ratings: true, ballots: true } } },
    });
    expect(created).toMatchObject({ status: "draft", round: 1, decidedOptionId: null, decidedAt: null });
    expect(created._count).toEqual({
      options: (original.options as unknown[]).length,
      criteria: (original.criteria as unknown[]).length,
      ratings: (original.ratings as unknown[]).length,
      ballots: 0,
    });
  });

  it("names the bad fields of a broken file, and writes nothing", async () => {
    const broken = structuredClone(await exportJson(demo.evaluationId)) as { ratings: { score: number }[] };
    broken.ratings[3].score = 11;
    const before = await db.evaluation.count();
    const error = await rejects(importDecisionRecord(owner, demo.teamId, { mode: "archive", record: broken }), "invalid");
    expect(error.fields).toHaveProperty(["ratings.3.score"]);
    expect(await db.evaluation.count()).toBe(before);
  });

  it("lets owners and admins import, but not members, viewers or outsiders", async () => {
    const record = await exportJson(demo.evaluationId);
    const user = (name: string) => db.user.findUniqueOrThrow({ where: { email: `${name}@demo.tradeoff.dev` } });
    for (const name of ["linus", "barbara"]) {
      await rejects(importDecisionRecord({ userId: (await user(name)).id }, demo.teamId, { mode: "draft", record }), "forbidden");
    }
    await expect(importDecisionRecord({ userId: (await user("grace")).id }, demo.teamId, { mode: "draft", record })).resolves.toMatchObject(
      {
        status: "draft",
      },
    );
    const outsider = await createUser("outsider");
    await rejects(importDecisionRecord(outsider, demo.teamId, { mode: "draft", record }), "not_found");
  });
});

// Issue 15: decision record numbers, and a team's own citations carried by the record.

/** A template evaluation in `teamId`, revealed with one ballot, ready to decide. */
async function readyToDecide(t: Awaited<ReturnType<typeof createTeamWithRoles>>, title: string) {
  const evaluation = await createEvaluation(t.member, t.teamId, { title, template: "django-flask" });
  await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
  const criteria = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
  await castBallot(t.member, evaluation.id, {
    method: "points",
    weights: Object.fromEntries(criteria.map((c, i) => [c.key, i === 0 ? 100 : 0])),
  });
  await transitionEvaluation(t.admin, evaluation.id, { action: "reveal" });
  const option = await db.option.findFirstOrThrow({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
  return {
    evaluationId: evaluation.id,
    decide: () =>
      transitionEvaluation(t.admin, evaluation.id, { action: "decide", optionId: option.id, rationale: "Agreed after the reveal." }),
  };
}

describe("decision record numbers", () => {
  it("numbers a team's decisions 1, 2, 3 even when they are decided at the same moment, and names the MADR file by it", async () => {
    const t = await createTeamWithRoles();
    const ready = await Promise.all(["Web framework", "Task queue", "Database"].map((title) => readyToDecide(t, title)));
    // A revealed, undecided record has no number yet.
    expect((await exportDecisionRecord(t.viewer, ready[0].evaluationId, "md")).filename).toBe("draft-web-framework.md");

    await Promise.all(ready.map((r) => r.decide()));
    const numbers = await db.evaluation.findMany({
      where: { id: { in: ready.map((r) => r.evaluationId) } },
      select: { recordNumber: true },
    });
    expect(numbers.map((n) => n.recordNumber).sort()).toEqual([1, 2, 3]);
    expect((await db.team.findUniqueOrThrow({ where: { id: t.teamId } })).lastRecordNumber).toBe(3);

    for (const { evaluationId } of ready) {
      const { recordNumber, title } = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
      const md = await exportDecisionRecord(t.viewer, evaluationId, "md");
      expect(md.filename).toBe(`000${recordNumber}-${title.toLowerCase().replace(/ /g, "-")}.md`);
      expect(md.recordNumber).toBe(recordNumber);
    }
    // Another team counts on its own.
    const other = await createTeamWithRoles();
    const first = await readyToDecide(other, "Web framework");
    await first.decide();
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: first.evaluationId } })).recordNumber).toBe(1);
  });

  it("gives an imported decided archive the team's next number, and keeps the frozen record byte-identical", async () => {
    const t = await createTeamWithRoles();
    const decided = await readyToDecide(t, "Web framework");
    await decided.decide();
    const original = await exportDecisionRecord(t.owner, decided.evaluationId, "json");
    const { evaluationId } = await importDecisionRecord(t.owner, t.teamId, { mode: "archive", record: JSON.parse(original.body) });
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } })).recordNumber).toBe(2);
    expect((await exportDecisionRecord(t.owner, evaluationId, "md")).filename).toBe("0002-web-framework.md");
    // The number names the file; it is not in the frozen JSON, whose bytes stay as they were.
    const again = await exportDecisionRecord(t.owner, decided.evaluationId, "json");
    expect(again.body).toBe(original.body);
    expect(again.body).not.toContain("recordNumber");
    expect(verifyRecord(JSON.parse(again.body)).valid).toBe(true);
    // A draft import is no decision and takes no number.
    const draft = await importDecisionRecord(t.owner, t.teamId, { mode: "draft", record: JSON.parse(original.body) });
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: draft.evaluationId } })).recordNumber).toBeNull();
  });
});

describe("a team's own citations in the record", () => {
  it("round-trip export → import (archive and draft) with title and https address", async () => {
    const t = await createTeamWithRoles();
    const evaluation = await createEvaluation(t.member, t.teamId, { title: "Cited decision", template: "django-flask" });
    const rating = await db.rating.findFirstOrThrow({
      where: { evaluationId: evaluation.id, option: { key: "flask" } },
      include: { criterion: true },
    });
    const citation = {
      title: "Our load test, March",
      url: "https://wiki.example.com/load-test",
      quote: "p95 stayed under 80 ms at 2,000 rps.",
    };
    await addRatingCitation(t.member, evaluation.id, { optionId: rating.optionId, criterionId: rating.criterionId, ...citation });
    await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
    const criteria = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
    await castBallot(t.member, evaluation.id, {
      method: "points",
      weights: Object.fromEntries(criteria.map((c) => [c.key, c.key === rating.criterion.key ? 100 : 0])),
    });
    await transitionEvaluation(t.admin, evaluation.id, { action: "reveal" });
    const option = await db.option.findFirstOrThrow({ where: { evaluationId: evaluation.id, key: "flask" } });
    await transitionEvaluation(t.admin, evaluation.id, { action: "decide", optionId: option.id, rationale: "Flask, on our own numbers." });

    const json = JSON.parse((await exportDecisionRecord(t.owner, evaluation.id, "json")).body);
    const exported = json.ratings.find(
      (r: { option: string; criterion: string }) => r.option === "flask" && r.criterion === rating.criterion.key,
    );
    expect(exported.citations.at(-1)).toEqual({ source: citation.url, ...citation });
    expect(verifyRecord(json).valid).toBe(true);
    const md = (await exportDecisionRecord(t.owner, evaluation.id, "md")).body;
    expect(md).toContain(`[“${citation.title}”](${citation.url})`);

    for (const mode of ["archive", "draft"] as const) {
      const { evaluationId } = await importDecisionRecord(t.owner, t.teamId, { mode, record: json });
      const imported = await db.rating.findFirstOrThrow({
        where: { evaluationId, option: { key: "flask" }, criterion: { key: rating.criterion.key } },
      });
      expect(JSON.parse(imported.citations).at(-1), mode).toEqual({ source: citation.url, ...citation });
    }

    // A record whose citation links to javascript: is refused, naming the field, and nothing is written.
    const hostile = structuredClone(json);
    const index = hostile.ratings.indexOf(
      hostile.ratings.find((r: { option: string; criterion: string }) => r.option === "flask" && r.criterion === rating.criterion.key),
    );
    hostile.ratings[index].citations.at(-1).url = "javascript:alert(document.cookie)";
    const before = await db.evaluation.count();
    const error = await rejects(importDecisionRecord(t.owner, t.teamId, { mode: "draft", record: hostile }), "invalid");
    const field = `ratings.${index}.citations.${hostile.ratings[index].citations.length - 1}.url`;
    expect(error.fields).toHaveProperty([field]);
    expect(error.message).toContain(field);
    expect(await db.evaluation.count()).toBe(before);
  });
});
