import { describe, expect, it } from "vitest";
import type { RecordSource } from "@/lib/export/build-record";
import { buildDecisionRecord } from "@/lib/export/build-record";
import { NOT_CARRIED_OVER, parseImportedRecord, toEvaluationDraft, type EvaluationDraft } from "@/lib/export/import";
import { formatRecordJson } from "@/lib/export/integrity";
import { AppError } from "@/lib/errors";
import { decidedRecord, djangoFlaskSource, REPORT } from "./fixtures";

/**
 * What the domain layer does with a draft, reduced to rows: new ids everywhere, users matched by
 * email in the importing team, the report recomputed (the same, as the ballots are the same).
 */
function recreate(draft: EvaluationDraft, team: RecordSource): RecordSource {
  const userByEmail = new Map(team.members.map((m) => [m.email, m.userId]));
  const optionId = (key: string) => `new-opt-${key}`;
  const criterionId = (key: string) => `new-crit-${key}`;
  return {
    ...team,
    evaluation: {
      id: "eval-imported",
      title: draft.title,
      problem: draft.problem,
      status: draft.status,
      aggregation: draft.aggregation,
      round: draft.round,
      createdAt: new Date("2026-04-01T08:00:00.000Z"),
      decidedAt: draft.decision?.decidedAt ?? null,
      decidedOptionId: draft.decision ? optionId(draft.decision.optionKey) : null,
      decisionRationale: draft.decision?.rationale ?? null,
      decisionOverride: draft.decision?.overrideReason ?? null,
      decidedById: draft.decision?.decidedByEmail ? userByEmail.get(draft.decision.decidedByEmail)! : null,
    },
    options: draft.options.map((o) => ({ id: optionId(o.key), key: o.key, name: o.name, summary: o.summary, position: o.position })),
    criteria: draft.criteria.map((c) => ({ id: criterionId(c.key), key: c.key, name: c.name, description: c.description, position: c.position })),
    ratings: draft.ratings.map((r) => ({
      optionId: optionId(r.optionKey),
      criterionId: criterionId(r.criterionKey),
      score: r.score,
      rationale: r.rationale,
      citations: JSON.stringify(r.citations),
    })),
    ballots: draft.ballots.map((b) => ({
      userId: userByEmail.get(b.voterEmail!)!,
      round: b.round,
      method: b.method,
      payload: JSON.stringify(b.payload),
      createdAt: b.castAt,
    })),
    auditEntries: [],
    revisions: [],
    report: REPORT,
    url: undefined,
  };
}

/** The record with the fields an import does not carry over removed. */
function carriedContent(json: Record<string, unknown>): unknown {
  const copy = structuredClone(json);
  delete copy.integrity;
  for (const path of NOT_CARRIED_OVER) {
    const parts = path.split(".");
    const parent = parts.slice(0, -1).reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, copy);
    delete parent[parts.at(-1)!];
  }
  return copy;
}

describe("import", () => {
  it("round-trips: export, import, re-create and export give the same content", () => {
    const firstExport = formatRecordJson(decidedRecord());
    const draft = toEvaluationDraft(parseImportedRecord(JSON.parse(firstExport)));
    const secondExport = formatRecordJson(buildDecisionRecord(recreate(draft, djangoFlaskSource())));
    const first = JSON.parse(firstExport);
    const second = JSON.parse(secondExport);
    expect(second.evaluation.id).toBe("eval-imported");
    expect(second.ballotChain.headHash).not.toBe(first.ballotChain.headHash);
    expect(carriedContent(second)).toEqual(carriedContent(first));
  });

  it("maps the record to rows in the record's order, with ballots attributed by email", () => {
    const draft = toEvaluationDraft(decidedRecord());
    expect(draft.options.map((o) => [o.key, o.position])).toEqual([["django", 0], ["flask", 1]]);
    expect(draft.ballots[2]).toMatchObject({ voterEmail: "linus@example.com", method: "pairwise", payload: { comparisons: expect.any(Array) } });
    expect(draft.ballots[0].payload).toEqual({ weights: { security: 40, learning: 20, flexibility: 10, admin: 30 } });
    expect(draft.decision).toMatchObject({ optionKey: "django", decidedByEmail: "ada@example.com", overrideReason: null });
  });

  it("leaves anonymised ballots unattributed", () => {
    const draft = toEvaluationDraft(decidedRecord({ anonymiseBallots: true }));
    expect(draft.ballots.map((b) => [b.voterLabel, b.voterEmail])[0]).toEqual(["Voter 1", null]);
  });

  it("names each invalid field of an uploaded record", () => {
    const json = JSON.parse(formatRecordJson(decidedRecord()));
    json.ballots[1].method = "ranked";
    json.options[0].name = "";
    let error: AppError | undefined;
    try {
      parseImportedRecord(json);
    } catch (caught) {
      error = caught as AppError;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe("invalid");
    expect(Object.keys(error!.fields!)).toEqual(expect.arrayContaining(["ballots.1.method", "options.0.name"]));
    expect(error!.message).toMatch(/^Invalid decision record: /);
  });
});
