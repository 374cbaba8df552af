import { db } from "./db";
import type { Role } from "@/lib/permissions";
import type { Actor } from "@/lib/domain/authorize";
import { castBallot } from "@/lib/domain/ballots";

let counter = 0;

/** A user with a throwaway password hash (tests that sign in use signUp instead). */
export async function createUser(name = "Test User"): Promise<Actor & { email: string; name: string }> {
  counter += 1;
  const email = `user${counter}-${Date.now()}@test.local`;
  const user = await db.user.create({ data: { email, name: `${name} ${counter}`, passwordHash: "x" } });
  return { userId: user.id, email, name: user.name };
}

/** A team with one member per role (plus an outsider who belongs to another team). */
export async function createTeamWithRoles() {
  const team = await db.team.create({ data: { name: `Team ${++counter}` } });
  const roles: Role[] = ["owner", "admin", "member", "viewer"];
  const members = {} as Record<Role, Actor & { email: string; name: string }>;
  for (const role of roles) {
    const user = await createUser(role);
    await db.membership.create({ data: { teamId: team.id, userId: user.userId, role } });
    members[role] = user;
  }
  const outsider = await createUser("outsider");
  const otherTeam = await db.team.create({ data: { name: `Other ${counter}` } });
  await db.membership.create({ data: { teamId: otherTeam.id, userId: outsider.userId, role: "owner" } });
  return { teamId: team.id, ...members, outsider };
}

/**
 * Two ballots on a voting evaluation with the django-flask template: the member compares the first
 * three criteria pairwise, inconsistently on purpose (a > b > c but c > a: a high consistency
 * ratio), and the admin splits 100 points 37 / 63 between the first two. Returns the three keys.
 */
export async function castPairwiseAndPointsBallots(team: { member: Actor; admin: Actor }, evaluationId: string) {
  const [a, b, c] = (await db.criterion.findMany({ where: { evaluationId }, orderBy: { position: "asc" } })).map((x) => x.key);
  await castBallot(team.member, evaluationId, {
    method: "pairwise",
    comparisons: [
      { a, b, value: 7 },
      { a: b, b: c, value: 5 },
      { a, b: c, value: 1 / 3 },
    ],
  });
  await castBallot(team.admin, evaluationId, { method: "points", weights: { [a]: 37, [b]: 63 } });
  return { a, b, c };
}
