import { describe, expect, it } from "vitest";
import { voterKey } from "@/lib/ballots/voter";
import type { RecordSource } from "@/lib/export/build-record";
import { buildDecisionRecord } from "@/lib/export/build-record";
import { NOT_CARRIED_OVER, parseImportedRecord, toEvaluationDraft, type EvaluationDraft } from "@/lib/export/import";
import { formatRecordJson } from "@/lib/export/integrity";
import { AppError } from "@/lib/errors";
import { decidedRecord, djangoFlaskSource, REPORT } from "./fixtures";

/**
 * What the domain layer does with an archive, reduced to rows: new ids everywhere, ballots and
 * the decision named as the record names them (no accounts), the import marked, the report
 * recomputed (the same, as the ballots are the same; the engine keys voters by voterKey).
 */
function recreate(draft: EvaluationDraft, team: RecordSource): RecordSource {
  const optionId = (key: string) => `new-opt-${key}`;
  const criterionId = (key: string) => `new-crit-${key}`;
  const keyOf = new Map(team.members.map((m) => [m.userId, voterKey({ userId: null, voterName: m.name })]));
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
      decidedById: null,
      decidedByName: draft.decision?.decidedBy ?? null,
      imported: { sha256: "f".repeat(64), at: new Date("2026-04-01T08:00:00.000Z"), byId: "u-grace" },
    },
    options: draft.options.map((o) => ({ id: optionId(o.key), key: o.key, name: o.name, summary: o.summary, position: o.position })),
    criteria: draft.criteria.map((c) => ({
      id: criterionId(c.key),
      key: c.key,
      name: c.name,
      description: c.description,
      position: c.position,
    })),
    ratings: draft.ratings.map((r) => ({
      optionId: optionId(r.optionKey),
      criterionId: criterionId(r.criterionKey),
      score: r.score,
      rationale: r.rationale,
      citations: JSON.stringify(r.citations),
    })),
    ballots: draft.ballots.map((b) => ({
      userId: null,
      voterName: b.voterName,
      round: b.round,
      method: b.method,
      payload: JSON.stringify(b.payload),
      createdAt: b.castAt,
    })),
    auditEntries: [],
    revisions: [],
    report: { ...REPORT, consistency: Object.fromEntries(Object.entries(REPORT.consistency).map(([id, v]) => [keyOf.get(id) ?? id, v])) },
    url: undefined,
  };
}

/** The record with the fields an import does not carry over removed ("a.*.b": b in each element of a). */
function carriedContent(json: Record<string, unknown>): unknown {
  const copy = structuredClone(json);
  delete copy.integrity;
  const drop = (node: unknown, [head, ...rest]: string[]): void => {
    if (!node || typeof node !== "object") return;
    if (head === "*") (node as unknown[]).forEach((item) => drop(item, rest));
    else if (rest.length === 0) delete (node as Record<string, unknown>)[head];
    else drop((node as Record<string, unknown>)[head], rest);
  };
  for (const path of NOT_CARRIED_OVER) drop(copy, path.split("."));
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
    expect(second.imported).toEqual({ sha256: "f".repeat(64), importedAt: "2026-04-01T08:00:00.000Z", importedBy: "Grace Okafor" });
    expect(second.ballots.every((b: { email?: string }) => b.email === undefined)).toBe(true);
  });

  it("maps the record to rows in the record's order, naming voters and the decider as the record does", () => {
    const draft = toEvaluationDraft(decidedRecord());
    expect(draft.options.map((o) => [o.key, o.position])).toEqual([
      ["django", 0],
      ["flask", 1],
    ]);
    expect(draft.ballots[2]).toEqual(
      expect.objectContaining({ voterName: "Linus Berg", method: "pairwise", payload: { comparisons: expect.any(Array) } }),
    );
    // An email in the file says nothing about who cast the ballot: the draft does not even keep it.
    expect(draft.ballots[2]).not.toHaveProperty("voterEmail");
    expect(draft.ballots[0].payload).toEqual({ weights: { security: 40, learning: 20, flexibility: 10, admin: 30 } });
    expect(draft.decision).toMatchObject({ optionKey: "django", decidedBy: "Ada Park", overrideReason: null });
  });

  it("keeps an anonymised record's Voter labels", () => {
    const draft = toEvaluationDraft(decidedRecord({ anonymiseBallots: true }));
    expect(draft.ballots.map((b) => b.voterName)).toEqual(["Voter 1", "Voter 2", "Voter 3", "Voter 4"]);
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
