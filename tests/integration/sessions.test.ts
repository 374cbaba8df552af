import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles, createUser } from "../support/factories";
import { leaveTeam, removeMember } from "@/lib/domain/teams";
import { endAllSessions } from "@/lib/domain/users";
import { listSessions, resolveSession, revokeSession, startSession } from "@/lib/domain/sessions";
import { actorFromApiToken, createApiToken, createApiTokenForEmail, revokeApiToken } from "@/lib/domain/api-tokens";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

/** Signs the user in as Auth.js does (a session row, the account's version in the cookie); returns the cookie's claims. */
async function signIn(userId: string, userAgent = CHROME_LINUX, address = "192.0.2.10") {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const { sessionId } = await startSession({ userId, userAgent, address });
  return { userId, sessionId, sessionVersion };
}

describe("sessions and API tokens", () => {
  it("a session issued before sign-out no longer resolves to its user", async () => {
    const user = await createUser("sessions");
    const cookie = await signIn(user.userId);
    expect(await resolveSession(cookie)).toMatchObject({ id: user.userId, sessionId: cookie.sessionId });
    await endAllSessions(user.userId);
    expect(await resolveSession(cookie)).toBeNull();
    // A cookie from before session versions existed carries none and is refused, even on a live row.
    const fresh = await signIn(user.userId);
    expect(await resolveSession({ ...fresh, sessionVersion: -1 })).toBeNull();
    expect(await resolveSession(fresh)).toMatchObject({ id: user.userId });
    // Another user's id with this row is refused too: the row names its user.
    const other = await createUser("other");
    expect(await resolveSession({ ...fresh, userId: other.userId })).toBeNull();
  });

  it("a deleted account's session and tokens stop working", async () => {
    const user = await createUser("deleted");
    const { token } = await createApiToken(user, { name: "CI" });
    const cookie = await signIn(user.userId);
    await db.user.update({ where: { id: user.userId }, data: { deletedAt: new Date() } });
    expect(await resolveSession(cookie)).toBeNull();
    expect(await actorFromApiToken(token)).toBeNull();
  });

  it("signing out ends every session of the account: the other browser's too, and Settings lists none", async () => {
    const user = await createUser("two-browsers");
    const laptop = await signIn(user.userId);
    const phone = await signIn(user.userId, SAFARI_IPHONE, "198.51.100.7");
    await endAllSessions(user.userId);
    expect(await resolveSession(laptop)).toBeNull();
    expect(await resolveSession(phone)).toBeNull();
    expect(await db.userSession.count({ where: { userId: user.userId, revokedAt: null } })).toBe(0);
    expect(await listSessions({ userId: user.userId, sessionId: laptop.sessionId })).toEqual([]);
  });

  it("a session revoked from Settings is refused on its next request; nobody else can revoke it", async () => {
    const user = await createUser("revoker");
    const mine = await signIn(user.userId);
    const stolen = await signIn(user.userId);
    const stranger = await createUser("stranger");
    await expect(revokeSession(stranger, stolen.sessionId)).rejects.toMatchObject({ code: "not_found" });
    expect(await resolveSession(stolen)).toMatchObject({ id: user.userId });
    await revokeSession(user, stolen.sessionId);
    expect(await resolveSession(stolen)).toBeNull();
    expect(await resolveSession(mine)).toMatchObject({ id: user.userId });
    await expect(revokeSession(user, stolen.sessionId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("an expired session is refused", async () => {
    const user = await createUser("expired");
    const cookie = await signIn(user.userId);
    await db.userSession.update({ where: { id: cookie.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(cookie)).toBeNull();
  });

  it("lists the live sessions with device, address and the current one marked first", async () => {
    const user = await createUser("lister");
    const laptop = await signIn(user.userId);
    const phone = await signIn(user.userId, SAFARI_IPHONE, "198.51.100.7");
    const gone = await signIn(user.userId, "curl/8.5.0");
    await revokeSession(user, gone.sessionId);
    // The phone was seen more recently, but this request comes from the laptop.
    await db.userSession.update({ where: { id: laptop.sessionId }, data: { lastSeenAt: new Date(Date.now() - 3_600_000) } });
    const sessions = await listSessions({ userId: user.userId, sessionId: laptop.sessionId });
    expect(sessions.map((s) => [s.id, s.device, s.ipAddress, s.current])).toEqual([
      [laptop.sessionId, "Chrome on Linux", "192.0.2.10", true],
      [phone.sessionId, "Safari on iOS", "198.51.100.7", false],
    ]);
    expect(await listSessions(await createUser("nobody"))).toEqual([]);
  });

  it("records the last visit at most once a minute, with a conditional write", async () => {
    const user = await createUser("seen");
    const cookie = await signIn(user.userId);
    const lastSeenAt = async () => (await db.userSession.findUniqueOrThrow({ where: { id: cookie.sessionId } })).lastSeenAt.getTime();
    const recent = new Date(Date.now() - 30_000);
    await db.userSession.update({ where: { id: cookie.sessionId }, data: { lastSeenAt: recent } });
    await resolveSession(cookie);
    expect(await lastSeenAt()).toBe(recent.getTime());
    const stale = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id: cookie.sessionId }, data: { lastSeenAt: stale } });
    await Promise.all([resolveSession(cookie), resolveSession(cookie), resolveSession(cookie)]);
    expect(await lastSeenAt()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("prunes the user's rows that ended more than 30 days ago when they sign in", async () => {
    const user = await createUser("pruned");
    const old = await signIn(user.userId);
    const recent = await signIn(user.userId);
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    await db.userSession.update({ where: { id: old.sessionId }, data: { revokedAt: longAgo } });
    await db.userSession.update({ where: { id: recent.sessionId }, data: { revokedAt: new Date() } });
    await signIn(user.userId);
    expect(await db.userSession.findUnique({ where: { id: old.sessionId } })).toBeNull();
    expect(await db.userSession.findUnique({ where: { id: recent.sessionId } })).not.toBeNull();
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

  it("a token's use is recorded at most once a minute, and a deleted account's token is refused", async () => {
    const user = await createUser("token-use");
    const { token, id } = await createApiToken(user, { name: "CI", expiresInDays: "30" });
    const lastUsedAt = async () => (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt?.getTime();
    expect(await actorFromApiToken(token)).toEqual({ userId: user.userId });
    const first = await lastUsedAt();
    expect(first).toBeGreaterThan(Date.now() - 10_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await actorFromApiToken(token);
    expect(await lastUsedAt()).toBe(first);

    await db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 5 * 60_000) } });
    await actorFromApiToken(token);
    expect(await lastUsedAt()).toBeGreaterThan(Date.now() - 10_000);

    await db.user.update({ where: { id: user.userId }, data: { deletedAt: new Date() } });
    expect(await actorFromApiToken(token)).toBeNull();
  });

  it("the CLI mints tokens through the domain, for existing accounts only", async () => {
    const user = await createUser("cli");
    const created = await createApiTokenForEmail(user.email.toUpperCase(), { name: "CLI" });
    expect(await actorFromApiToken(created.token)).toEqual({ userId: user.userId });
    await expect(createApiTokenForEmail("nobody@test.local", { name: "CLI" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("being removed from one's last team ends every session; removal from one of several, or leaving, does not", async () => {
    const team = await createTeamWithRoles();

    // The member also belongs to a second team: removal from the first leaves their sessions alone.
    const second = await db.team.create({ data: { name: "Second" } });
    await db.membership.create({ data: { teamId: second.id, userId: team.member.userId, role: "member" } });
    const memberCookie = await signIn(team.member.userId);
    await removeMember(team.admin, team.teamId, team.member.userId);
    expect(await resolveSession(memberCookie)).toMatchObject({ id: team.member.userId });

    // Removed from the last one: the old session no longer resolves, and Settings lists none.
    await db.membership.create({ data: { teamId: team.teamId, userId: team.member.userId, role: "member" } });
    await db.membership.delete({ where: { teamId_userId: { teamId: second.id, userId: team.member.userId } } });
    await removeMember(team.admin, team.teamId, team.member.userId);
    expect(await resolveSession(memberCookie)).toBeNull();
    expect(await listSessions(team.member)).toEqual([]);

    // Leaving one's own last team is a choice, not a removal: the person stays signed in, teamless.
    const viewerCookie = await signIn(team.viewer.userId);
    await leaveTeam(team.viewer, team.teamId);
    expect(await resolveSession(viewerCookie)).toMatchObject({ id: team.viewer.userId });
  });
});
