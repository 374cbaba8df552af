import { db } from "./db";
import type { Role } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/domain/authorize";

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
