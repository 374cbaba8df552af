import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/security/password";
import { createEvaluation } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import type { Role } from "@/lib/permissions";

export const DEMO_PASSWORD = "tradeoff-demo-2026";
export const DEMO_TEAM_NAME = "Demo team";

const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "ada@demo.tradeoff.dev", name: "Ada Lovelace", role: "owner" },
  { email: "grace@demo.tradeoff.dev", name: "Grace Hopper", role: "admin" },
  { email: "linus@demo.tradeoff.dev", name: "Linus Torvalds", role: "member" },
  { email: "barbara@demo.tradeoff.dev", name: "Barbara Liskov", role: "viewer" },
];

// Each voter's 100 points, spread over the template's criteria by key; the rest are 0.
const DECIDED_BALLOTS: Record<string, Record<string, number>> = {
  "ada@demo.tradeoff.dev": {
    "built-in-security": 25,
    "admin-interface": 20,
    "orm-database": 20,
    "auth-permissions": 15,
    scalability: 10,
    documentation: 10,
  },
  "grace@demo.tradeoff.dev": {
    "built-in-security": 30,
    "orm-database": 15,
    "admin-interface": 15,
    "maintenance-cost": 20,
    "ecosystem-community": 20,
  },
  "linus@demo.tradeoff.dev": {
    flexibility: 30,
    "performance-footprint": 25,
    "learning-curve": 15,
    "built-in-security": 15,
    "api-microservices": 15,
  },
};

export interface DemoResult {
  teamId: string;
  evaluationId: string;
  votingEvaluationId: string;
  users: { email: string; password: string }[];
}

/** Keeps only the criteria an evaluation has, so the demo survives catalog edits. */
function pointsFor(keys: Set<string>, wanted: Record<string, number>): Record<string, number> {
  const kept = Object.entries(wanted).filter(([k]) => keys.has(k));
  const total = kept.reduce((a, [, v]) => a + v, 0);
  const weights = Object.fromEntries([...keys].map((k) => [k, 0]));
  if (total === 0) {
    weights[[...keys][0]] = 100;
    return weights;
  }
  let given = 0;
  kept.forEach(([k, v], i) => {
    const points = i === kept.length - 1 ? 100 - given : Math.round((v * 100) / total);
    weights[k] = points;
    given += points;
  });
  return weights;
}

/**
 * Creates the demo team, its members, a decided "Django or Flask" evaluation and a second one open
 * for voting, through the same domain operations the app uses. Running it again changes nothing.
 */
export async function seedDemo(): Promise<DemoResult> {
  const users: { id: string }[] = [];
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    users.push(
      existing ??
        (await db.user.create({
          data: { email: u.email, name: u.name, passwordHash: await hashPassword(DEMO_PASSWORD), emailVerifiedAt: new Date() },
        })),
    );
  }
  const credentials = DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD }));
  const owner = users[0];
  const existingTeam = await db.team.findFirst({
    where: { name: DEMO_TEAM_NAME, memberships: { some: { userId: owner.id, role: "owner" } } },
    include: { evaluations: { orderBy: { createdAt: "asc" }, select: { id: true } } },
  });
  if (existingTeam && existingTeam.evaluations.length >= 2) {
    return {
      teamId: existingTeam.id,
      evaluationId: existingTeam.evaluations[0].id,
      votingEvaluationId: existingTeam.evaluations[1].id,
      users: credentials,
    };
  }
  if (existingTeam) await db.team.delete({ where: { id: existingTeam.id } }); // a half-made demo from an interrupted run

  const team = await db.$transaction(async (tx) => {
    const created = await tx.team.create({ data: { name: DEMO_TEAM_NAME } });
    await tx.membership.createMany({
      data: users.map((u, i) => ({ teamId: created.id, userId: u.id, role: DEMO_USERS[i].role })),
    });
    return created;
  });
  const actorOf = (email: string) => ({ userId: users[DEMO_USERS.findIndex((u) => u.email === email)].id });
  const ownerActor = { userId: owner.id };

  const decided = await createEvaluation(ownerActor, team.id, {
    title: "Django or Flask for the customer portal",
    problem:
      "The customer portal needs accounts, an admin back office and payments within two quarters. Which web framework do we build it on?",
    template: "django-flask",
    profile: {
      projectSize: "large",
      timeline: "normal",
      teamExperience: "intermediate",
      teamSize: 4,
      needs: ["admin-panel", "user-accounts", "ecommerce", "security-compliance"],
    },
  });
  const keys = new Set((await db.criterion.findMany({ where: { evaluationId: decided.id }, select: { key: true } })).map((c) => c.key));
  await transitionEvaluation(ownerActor, decided.id, { action: "open-voting", quorum: 3 });
  for (const [email, wanted] of Object.entries(DECIDED_BALLOTS)) {
    await castBallot(actorOf(email), decided.id, { method: "points", weights: pointsFor(keys, wanted) });
  }
  await transitionEvaluation(ownerActor, decided.id, { action: "reveal" });
  const django = await db.option.findFirstOrThrow({ where: { evaluationId: decided.id, key: "django" } });
  await transitionEvaluation(ownerActor, decided.id, {
    action: "decide",
    optionId: django.id,
    rationale:
      "Accounts, admin and payments are core to the portal; Django ships them with security defaults we would otherwise build and audit ourselves.",
  });

  const voting = await createEvaluation(ownerActor, team.id, {
    title: "Framework for the ML inference service",
    problem: "A small internal service that serves our recommendation model over a JSON API. Django or Flask?",
    template: "django-flask",
    profile: {
      projectSize: "small",
      timeline: "tight",
      teamExperience: "expert",
      teamSize: 3,
      needs: ["ml-serving", "rest-api", "microservices"],
    },
  });
  await transitionEvaluation(ownerActor, voting.id, { action: "open-voting" });
  await castBallot(actorOf("linus@demo.tradeoff.dev"), voting.id, {
    method: "points",
    weights: pointsFor(keys, { "performance-footprint": 30, flexibility: 30, "ml-data-tools": 25, "learning-curve": 15 }),
  });

  return { teamId: team.id, evaluationId: decided.id, votingEvaluationId: voting.id, users: credentials };
}

/**
 * The seeded demo's decided evaluation and its owner's published sign-in, when the demo is seeded
 * on this database; null otherwise (the landing page then offers no demo). The password is not
 * checked here (hashing on every visit of the landing page costs too much): sign-in checks it.
 */
export async function findDemo(): Promise<{ email: string; password: string; evaluationId: string } | null> {
  const owner = await db.user.findUnique({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
  if (!owner) return null;
  const team = await db.team.findFirst({
    where: { name: DEMO_TEAM_NAME, memberships: { some: { userId: owner.id, role: "owner" } } },
    include: { evaluations: { orderBy: { createdAt: "asc" }, select: { id: true }, take: 1 } },
  });
  const evaluation = team?.evaluations[0];
  if (!evaluation) return null;
  return { email: DEMO_USERS[0].email, password: DEMO_PASSWORD, evaluationId: evaluation.id };
}
