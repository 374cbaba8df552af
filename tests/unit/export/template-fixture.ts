// The template evaluation ("Django or Flask", all 24 criteria of the built-in catalog with their
// ratings and citations) as the demo decides it: three voters, one viewer, ballots that put
// weight on most criteria, the engine's real report. The record a team would export and commit.
import { djangoOrFlaskTemplate } from "@/lib/catalog/template";
import { computeReport } from "@/lib/engine";
import type { Ballot } from "@/lib/engine/types";
import { buildDecisionRecord, type RecordSource } from "@/lib/export/build-record";
import type { DecisionRecord } from "@/lib/export/record-schema";

const MEMBERS: RecordSource["members"] = [
  { userId: "u-ada", name: "Ada Lovelace", email: "ada@demo.tradeoff.dev", role: "owner" },
  { userId: "u-grace", name: "Grace Hopper", email: "grace@demo.tradeoff.dev", role: "admin" },
  { userId: "u-linus", name: "Linus Torvalds", email: "linus@demo.tradeoff.dev", role: "member" },
  { userId: "u-barbara", name: "Barbara Liskov", email: "barbara@demo.tradeoff.dev", role: "viewer" },
];

/** Every criterion gets a little weight (as a likert ballot gives it), a few get most of it. */
function ballots(criteria: string[]): Ballot[] {
  const spread = (heavy: Record<string, number>) => Object.fromEntries(criteria.map((key) => [key, heavy[key] ?? 1]));
  return [
    {
      voter: "u-ada",
      method: "likert",
      weights: spread({ "admin-interface": 5, "auth-permissions": 5, "built-in-security": 5, "orm-database": 4 }),
    },
    {
      voter: "u-grace",
      method: "likert",
      weights: spread({ "built-in-security": 5, "auth-permissions": 4, "maintenance-cost": 4, "admin-interface": 3 }),
    },
    {
      voter: "u-linus",
      method: "likert",
      weights: spread({ flexibility: 5, "performance-footprint": 5, "learning-curve": 4, "admin-interface": 2 }),
    },
  ];
}

export function templateRecordSource(): RecordSource {
  const template = djangoOrFlaskTemplate();
  const criteria = template.criteria.map((c) => c.key);
  const cast = ballots(criteria);
  const report = computeReport({
    options: template.options.map((o) => ({ id: o.key, name: o.name })),
    criteria: template.criteria.map((c) => ({ id: c.key, name: c.name })),
    ratings: Object.fromEntries(
      template.options.map((o) => [o.key, Object.fromEntries(criteria.map((c) => [c, template.ratings[o.key]?.[c]?.score ?? 0]))]),
    ),
    ballots: cast,
    aggregation: "mean",
    samples: 2000,
    seed: 42,
  });
  const at = new Date("2026-05-04T10:00:00.000Z");
  return {
    evaluation: {
      id: "eval-template",
      title: "Django or Flask for the customer portal",
      problem:
        "The customer portal needs accounts, an admin back office and payments within two quarters. Which web framework do we build it on?",
      status: "decided",
      aggregation: "mean",
      round: 1,
      createdAt: new Date("2026-05-01T09:00:00.000Z"),
      decidedAt: at,
      decidedOptionId: "opt-django",
      decisionRationale:
        "Accounts, admin and payments are core to the portal; Django ships them with security defaults we would otherwise build and audit ourselves.",
      decisionOverride: null,
      decidedById: "u-ada",
    },
    teamName: "Demo team",
    options: template.options.map((o, i) => ({ id: `opt-${o.key}`, key: o.key, name: o.name, summary: o.summary, position: i })),
    criteria: template.criteria.map((c, i) => ({ id: `crit-${c.key}`, key: c.key, name: c.name, description: c.description, position: i })),
    ratings: template.options.flatMap((o) =>
      Object.entries(template.ratings[o.key] ?? {}).map(([criterion, rating]) => ({
        optionId: `opt-${o.key}`,
        criterionId: `crit-${criterion}`,
        score: rating.score,
        rationale: rating.rationale,
        citations: JSON.stringify(rating.citations),
      })),
    ),
    ballots: cast.map((b, i) => ({
      userId: b.voter,
      round: 1,
      method: b.method,
      payload: JSON.stringify(b.method === "pairwise" ? { comparisons: b.comparisons } : { weights: b.weights }),
      createdAt: new Date(Date.UTC(2026, 4, 2, 9, i)),
    })),
    members: MEMBERS,
    auditEntries: [],
    revisions: [],
    report,
    anonymiseBallots: false,
    now: at,
    url: "https://tradeoff.example.com/evaluations/eval-template",
  };
}

export function templateRecord(): DecisionRecord {
  return buildDecisionRecord(templateRecordSource());
}
