// A realistic decided "Django or Flask" evaluation, as rows the database would hold, and the
// decision record built from it. The engine report is written by hand (the engine is not under
// test here); its numbers agree with the ratings and weights below.
import type { EngineReport } from "@/lib/engine/types";
import { nextRevisionLink, revisionHash, type StoredRevision } from "@/lib/export/ballot-chain";
import { buildDecisionRecord, type RecordSource } from "@/lib/export/build-record";
import type { DecisionRecord } from "@/lib/export/record-schema";

const SECURITY_SOURCE = "001_65b7caba0eee45b3.txt";
const PHILOSOPHY_SOURCE = "002_338165f8a9af4819.txt";

export const EVALUATION_ID = "eval-django-flask";

export const MEMBERS: RecordSource["members"] = [
  { userId: "u-ada", name: "Ada Park", email: "ada@example.com", role: "owner" },
  { userId: "u-grace", name: "Grace Okafor", email: "grace@example.com", role: "admin" },
  { userId: "u-linus", name: "Linus Berg", email: "linus@example.com", role: "member" },
  { userId: "u-maria", name: "Maria Santos", email: "maria@example.com", role: "member" },
  { userId: "u-bea", name: "Bea Novak", email: "bea@example.com", role: "member" },
  { userId: "u-ken", name: "Ken Ito", email: "ken@example.com", role: "viewer" },
];

const at = (time: string) => new Date(`2026-03-${time}Z`);

/** Ballots as (userId, method, payload, time); Maria revised hers, so she has two revisions. */
const BALLOT_HISTORY: { userId: string; method: string; payload: object; createdAt: Date }[] = [
  {
    userId: "u-ada",
    method: "points",
    payload: { weights: { security: 40, learning: 20, flexibility: 10, admin: 30 } },
    createdAt: at("10T09:15:00.000"),
  },
  {
    userId: "u-grace",
    method: "likert",
    payload: { weights: { security: 5, learning: 3, flexibility: 2, admin: 4 } },
    createdAt: at("10T10:02:31.250"),
  },
  {
    userId: "u-maria",
    method: "points",
    payload: { weights: { security: 25, learning: 35, flexibility: 20, admin: 20 } },
    createdAt: at("10T11:40:00.000"),
  },
  {
    userId: "u-linus",
    method: "pairwise",
    payload: {
      comparisons: [
        { a: "security", b: "learning", value: 2 },
        { a: "security", b: "flexibility", value: 3 },
        { a: "security", b: "admin", value: 1 },
        { a: "learning", b: "flexibility", value: 2 },
        { a: "learning", b: "admin", value: 0.5 },
        { a: "flexibility", b: "admin", value: 1 / 3 },
      ],
    },
    createdAt: at("11T08:05:12.000"),
  },
  {
    userId: "u-maria",
    method: "points",
    payload: { weights: { security: 30, learning: 30, flexibility: 20, admin: 20 } },
    createdAt: at("11T16:20:00.000"),
  },
];

/** The hash-chained BallotRevision rows for BALLOT_HISTORY. */
export function ballotRevisions(evaluationId = EVALUATION_ID): StoredRevision[] {
  const revisions: StoredRevision[] = [];
  for (const ballot of BALLOT_HISTORY) {
    const fields = {
      ...nextRevisionLink(revisions.at(-1) ?? null),
      evaluationId,
      userId: ballot.userId,
      round: 1,
      method: ballot.method,
      payload: JSON.stringify(ballot.payload),
      createdAt: ballot.createdAt,
    };
    revisions.push({ ...fields, hash: revisionHash(fields) });
  }
  return revisions;
}

/** The current Ballot rows: each voter's latest revision. */
function currentBallots(): RecordSource["ballots"] {
  const latest = new Map(BALLOT_HISTORY.map((b) => [b.userId, b]));
  return [...latest.values()].map((b) => ({
    userId: b.userId,
    round: 1,
    method: b.method,
    payload: JSON.stringify(b.payload),
    createdAt: b.createdAt,
  }));
}

export const REPORT: EngineReport = {
  weights: { security: 0.35, learning: 0.25, flexibility: 0.15, admin: 0.25 },
  ranking: [
    { option: "django", score: 7, rank: 1, winProbability: 0.91 },
    { option: "flask", score: 5.75, rank: 2, winProbability: 0.09 },
  ],
  consensus: {
    overall: 0.74,
    byCriterion: { security: 0.86, learning: 0.61, flexibility: 0.79, admin: 0.7 },
    mostContested: ["learning", "admin"],
  },
  sensitivity: [
    { criterion: "security", weight: 0.35, flipAt: 0.13, newLeader: "flask" },
    { criterion: "learning", weight: 0.25, flipAt: 0.4, newLeader: "flask" },
    { criterion: "flexibility", weight: 0.15, flipAt: 0.32, newLeader: "flask" },
    { criterion: "admin", weight: 0.25, flipAt: 0.05, newLeader: "flask" },
  ],
  consistency: { "u-linus": 0.04 },
};

function rating(optionId: string, criterionId: string, score: number, rationale: string, citations: object[] = []) {
  return { optionId, criterionId, score, rationale, citations: JSON.stringify(citations) };
}

/** The evaluation's rows; `overrides` replace top-level parts (e.g. an undecided evaluation). */
export function djangoFlaskSource(overrides: Partial<RecordSource> = {}): RecordSource {
  const revisions = ballotRevisions();
  return {
    evaluation: {
      id: EVALUATION_ID,
      title: "Django or Flask for the customer portal",
      problem:
        "We are rebuilding the customer portal: accounts, an internal admin for the support team, and a small REST API.\n\n" +
        "Four developers, two of them new to Python; the first release is due in three months.",
      status: "decided",
      aggregation: "mean",
      round: 1,
      createdAt: at("09T14:00:00.000"),
      decidedAt: at("12T10:30:00.000"),
      decidedOptionId: "opt-django",
      decisionRationale: "its built-in security and admin cover what the portal needs on day one.",
      decisionOverride: null,
      decidedById: "u-ada",
    },
    teamName: "Portal team",
    options: [
      {
        id: "opt-flask",
        key: "flask",
        name: "Flask",
        summary: "A lightweight WSGI microframework you assemble from extensions.",
        position: 1,
      },
      { id: "opt-django", key: "django", name: "Django", summary: "A batteries-included framework with ORM, auth and admin.", position: 0 },
    ],
    criteria: [
      {
        id: "crit-security",
        key: "security",
        name: "Built-in security",
        description: "Protection against common attacks without extra work.",
        position: 0,
      },
      {
        id: "crit-learning",
        key: "learning",
        name: "Learning curve",
        description: "How quickly newcomers become productive.",
        position: 1,
      },
      {
        id: "crit-flexibility",
        key: "flexibility",
        name: "Flexibility",
        description: "Freedom to choose components and architecture.",
        position: 2,
      },
      {
        id: "crit-admin",
        key: "admin",
        name: "Admin and ORM",
        description: "An admin interface and database layer out of the box.",
        position: 3,
      },
    ],
    ratings: [
      rating("opt-django", "crit-security", 9, "CSRF, XSS, SQL-injection and click-jacking protection are built in.", [
        {
          source: SECURITY_SOURCE,
          quote:
            "Django includes many built‑in security features such as CSRF protection, XSS protection, SQL‑injection protection, and click‑jacking protection.",
        },
      ]),
      rating("opt-django", "crit-learning", 4, "Steeper for newcomers, productive once learned.", [
        {
          source: SECURITY_SOURCE,
          quote:
            "Django’s learning curve is steeper, but once mastered it offers very high development efficiency thanks to its extensive built‑in features.",
        },
      ]),
      rating("opt-django", "crit-flexibility", 4, "Conventions decide much of the architecture."),
      rating("opt-django", "crit-admin", 9, "Ships an ORM and an admin panel.", [
        {
          source: PHILOSOPHY_SOURCE,
          quote:
            "Django ships with an ORM, authentication, an admin panel, and dozens of batteries included; Flask hands you a lean microframework and trusts you to assemble what you need.",
        },
        {
          source: PHILOSOPHY_SOURCE,
          quote: "The auto-generated admin panel saves significant time on internal tooling and content management.",
        },
      ]),
      rating("opt-flask", "crit-security", 4, "Protections such as CSRF must be added by hand.", [
        {
          source: PHILOSOPHY_SOURCE,
          quote: "Security features like CSRF protection must be added manually, increasing misconfiguration risk.",
        },
      ]),
      rating("opt-flask", "crit-learning", 9, "Small core, gentle for Python beginners.", [
        {
          source: SECURITY_SOURCE,
          quote:
            "Flask has a relatively gentle learning curve, making it ideal for Python beginners, but it requires developers to make more architectural decisions.",
        },
      ]),
      rating("opt-flask", "crit-flexibility", 9, "Every component is the team's choice."),
      rating("opt-flask", "crit-admin", 3, "No ORM or admin built in; extensions fill the gap.", [
        {
          source: PHILOSOPHY_SOURCE,
          quote:
            "There is no ORM, admin panel, or authentication built in developers wire those in via extensions like Flask-SQLAlchemy, Flask-Login, and Flask-Migrate.",
        },
      ]),
    ],
    ballots: currentBallots(),
    members: MEMBERS,
    auditEntries: [
      {
        createdAt: at("09T14:00:00.000"),
        actorId: "u-ada",
        action: "evaluation.created",
        detail: JSON.stringify({ title: "Django or Flask for the customer portal" }),
      },
      { createdAt: at("09T14:30:00.000"), actorId: "u-ada", action: "evaluation.voting-opened", detail: "{}" },
      ...BALLOT_HISTORY.map((b) => ({
        createdAt: b.createdAt,
        actorId: b.userId,
        action: "ballot.cast",
        detail: JSON.stringify({ method: b.method }),
      })),
      { createdAt: at("12T09:00:00.000"), actorId: "u-grace", action: "evaluation.revealed", detail: "{}" },
      { createdAt: at("12T10:30:00.000"), actorId: "u-ada", action: "evaluation.decided", detail: JSON.stringify({ option: "django" }) },
    ],
    revisions,
    report: REPORT,
    anonymiseBallots: false,
    now: at("20T12:00:00.000"),
    url: "https://tradeoff.example.com/evaluations/eval-django-flask",
    ...overrides,
  };
}

export function decidedRecord(overrides: Partial<RecordSource> = {}): DecisionRecord {
  return buildDecisionRecord(djangoFlaskSource(overrides));
}

/** The same evaluation while ballots are still open: no decision yet. */
export function votingRecord(): DecisionRecord {
  const source = djangoFlaskSource();
  return buildDecisionRecord({
    ...source,
    evaluation: {
      ...source.evaluation,
      status: "voting",
      decidedAt: null,
      decidedOptionId: null,
      decisionRationale: null,
      decidedById: null,
    },
  });
}
