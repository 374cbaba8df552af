import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles, createUser } from "../support/factories";
import { leaveTeam, removeMember } from "@/lib/domain/teams";
import { endAllSessions, getSessionUser } from "@/lib/domain/users";
import { actorFromApiToken, createApiToken, createApiTokenForEmail, revokeApiToken } from "@/lib/domain/api-tokens";

describe("sessions and API tokens", () => {
  it("a session issued before sign-out no longer resolves to its user", async () => {
    const user = await createUser("sessions");
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(await getSessionUser(user.userId, sessionVersion)).toMatchObject({ id: user.userId });
    await endAllSessions(user.userId);
    expect(await getSessionUser(user.userId, sessionVersion)).toBeNull();
    // A cookie from before session versions existed carries none and is refused.
    expect(await getSessionUser(user.userId, -1)).toBeNull();
    expect(await getSessionUser(user.userId, sessionVersion + 1)).toMatchObject({ id: user.userId });
  });

  it("a deleted account's session and tokens stop working", async () => {
    const user = await createUser("deleted");
    const { token } = await createApiToken(user, { name: "CI" });
    await db.user.update({ where: { id: user.userId }, data: { deletedAt: new Date() } });
    expect(await getSessionUser(user.userId, 0)).toBeNull();
    expect(await actorFromApiToken(token)).toBeNull();
  });

  it("a revoked token is refused on its next use, and an expired one too", async () => {
    const user = await createUser("tokens");
    const { token, id } = await createApiToken(user, { name: "CI", expiresInDays: "30" });
    expect(await actorFromApiToken(token)).toEqual({ userId: user.userId });
    await revokeApiToken(user, id);
    expect(await actorFromApiToken(token)).toBeNull();

    const short = await createApiToken(user, { name: "short", expiresInDays: "7" });
    await db.apiToken.update({ where: { id: short.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorFromApiToken(short.token)).toBeNull();
  });

  it("the CLI mints tokens through the domain, for existing accounts only", async () => {
    const user = await createUser("cli");
    const created = await createApiTokenForEmail(user.email.toUpperCase(), { name: "CLI" });
    expect(await actorFromApiToken(created.token)).toEqual({ userId: user.userId });
    await expect(createApiTokenForEmail("nobody@test.local", { name: "CLI" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("being removed from one's last team ends every session; removal from one of several, or leaving, does not", async () => {
    const team = await createTeamWithRoles();
    const versionOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;

    // The member also belongs to a second team: removal from the first leaves their sessions alone.
    const second = await db.team.create({ data: { name: "Second" } });
    await db.membership.create({ data: { teamId: second.id, userId: team.member.userId, role: "member" } });
    const memberVersion = await versionOf(team.member.userId);
    await removeMember(team.admin, team.teamId, team.member.userId);
    expect(await getSessionUser(team.member.userId, memberVersion)).toMatchObject({ id: team.member.userId });

    // Removed from the last one: the old session no longer resolves.
    await db.membership.create({ data: { teamId: team.teamId, userId: team.member.userId, role: "member" } });
    await db.membership.delete({ where: { teamId_userId: { teamId: second.id, userId: team.member.userId } } });
    await removeMember(team.admin, team.teamId, team.member.userId);
    expect(await getSessionUser(team.member.userId, memberVersion)).toBeNull();

    // Leaving one's own last team is a choice, not a removal: the person stays signed in, teamless.
    const viewerVersion = await versionOf(team.viewer.userId);
    await leaveTeam(team.viewer, team.teamId);
    expect(await getSessionUser(team.viewer.userId, viewerVersion)).toMatchObject({ id: team.viewer.userId });
  });
});
