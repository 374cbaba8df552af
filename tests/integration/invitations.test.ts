import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles, createUser } from "../support/factories";
import { AppError } from "@/lib/errors";
import {
  INVITE_MAX_SENDS,
  INVITE_RESEND_INTERVAL_MS,
  acceptAddressedInvitation,
  acceptInvitation,
  createInvitation,
  describeAddressedInvitation,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
} from "@/lib/domain/invitations";
import { listNotifications } from "@/lib/domain/notifications";
import { changeRole, removeMember } from "@/lib/domain/teams";

async function code(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("invitations", () => {
  it("lists pending invitations to owners and admins only, and a revoked link is refused", async () => {
    const t = await createTeamWithRoles();
    const { token } = await createInvitation(t.admin, t.teamId, { role: "member" });
    const pending = await listPendingInvitations(t.owner, t.teamId);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ role: "member", createdBy: t.admin.name });
    expect(await code(listPendingInvitations(t.member, t.teamId))).toBe("forbidden");
    expect(await code(revokeInvitation(t.member, t.teamId, pending[0].id))).toBe("forbidden");
    expect(await code(revokeInvitation(t.outsider, t.teamId, pending[0].id))).toBe("not_found");

    await revokeInvitation(t.owner, t.teamId, pending[0].id);
    expect(await listPendingInvitations(t.owner, t.teamId)).toHaveLength(0);
    const newcomer = await createUser("newcomer");
    expect(await code(acceptInvitation(newcomer, token))).toBe("not_found");
    expect(await db.membership.findFirst({ where: { teamId: t.teamId, userId: newcomer.userId } })).toBeNull();
  });

  it("an admin's invite stops working once the admin is demoted", async () => {
    const t = await createTeamWithRoles();
    const { token } = await createInvitation(t.admin, t.teamId, { role: "member" });
    await changeRole(t.owner, t.teamId, { userId: t.admin.userId, role: "member" });
    const newcomer = await createUser("newcomer");
    expect(await code(acceptInvitation(newcomer, token))).toBe("conflict");
    expect(await db.membership.findFirst({ where: { teamId: t.teamId, userId: newcomer.userId } })).toBeNull();
  });

  it("an admin's invite stops working once the admin is removed", async () => {
    const t = await createTeamWithRoles();
    const { token } = await createInvitation(t.admin, t.teamId, { role: "viewer" });
    await removeMember(t.owner, t.teamId, t.admin.userId);
    const newcomer = await createUser("newcomer");
    expect(await code(acceptInvitation(newcomer, token))).toBe("conflict");
  });

  it("a valid invite still works, once", async () => {
    const t = await createTeamWithRoles();
    const { token } = await createInvitation(t.admin, t.teamId, { role: "member" });
    const newcomer = await createUser("newcomer");
    await expect(acceptInvitation(newcomer, token)).resolves.toMatchObject({ alreadyMember: false });
    const second = await createUser("second");
    expect(await code(acceptInvitation(second, token))).toBe("conflict");
  });

  it("sends an invitation by email: the link arrives in the outbox, works once, and the pending list shows the address", async () => {
    const t = await createTeamWithRoles();
    const invited = await createInvitation(t.admin, t.teamId, { role: "member", email: "  New.Person@Example.com " });
    expect(invited.email).toBe("new.person@example.com");
    const [mail] = await db.outboxMessage.findMany({ where: { to: "new.person@example.com" } });
    expect(mail.subject).toContain("invited you");
    expect(mail.text).toContain(`/invite/${invited.token}`);
    expect(mail.html).toContain(`/invite/${invited.token}`);
    const [pending] = await listPendingInvitations(t.owner, t.teamId);
    expect(pending).toMatchObject({ email: "new.person@example.com", sendsLeft: INVITE_MAX_SENDS - 1 });
    expect(await code(createInvitation(t.admin, t.teamId, { role: "member", email: "not-an-email" }))).toBe("invalid");
    expect(await code(createInvitation(t.admin, t.teamId, { role: "member", email: t.member.email }))).toBe("conflict");
    const newcomer = await createUser("newcomer");
    await expect(acceptInvitation(newcomer, invited.token)).resolves.toMatchObject({ alreadyMember: false });
  });

  it("resends with a new link, at most once a minute and 5 times in all, atomically", async () => {
    const t = await createTeamWithRoles();
    const first = await createInvitation(t.owner, t.teamId, { role: "viewer", email: "resend@example.com" });
    const [{ id }] = await listPendingInvitations(t.owner, t.teamId);
    // Sent a moment ago: refused.
    expect(await code(resendInvitation(t.admin, t.teamId, id))).toBe("rate_limited");
    expect(await code(resendInvitation(t.member, t.teamId, id))).toBe("forbidden");
    expect(await code(resendInvitation(t.outsider, t.teamId, id))).toBe("not_found");

    const ago = () =>
      db.invitation.update({ where: { id }, data: { lastSentAt: new Date(Date.now() - INVITE_RESEND_INTERVAL_MS - 1_000) } });
    await ago();
    // Two resends at once: one email.
    const both = await Promise.allSettled([resendInvitation(t.admin, t.teamId, id), resendInvitation(t.owner, t.teamId, id)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { to: "resend@example.com" } })).toBe(2);
    // The old link stops working; the newest one works.
    expect(await code(acceptInvitation(await createUser("early"), first.token))).toBe("not_found");
    for (let send = 3; send <= INVITE_MAX_SENDS; send++) {
      await ago();
      await resendInvitation(t.admin, t.teamId, id);
    }
    await ago();
    const refused = await resendInvitation(t.admin, t.teamId, id).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "rate_limited", message: expect.stringContaining("5 times") });
    const row = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(row.sendCount).toBe(INVITE_MAX_SENDS);
    const mails = await db.outboxMessage.findMany({ where: { to: "resend@example.com" }, orderBy: { createdAt: "desc" } });
    expect(mails).toHaveLength(INVITE_MAX_SENDS);
    const newest = /\/invite\/(inv_[A-Za-z0-9_-]+)/.exec(mails[0].text)![1];
    await expect(acceptInvitation(await createUser("late"), newest)).resolves.toMatchObject({ alreadyMember: false });
    // A link-only invitation has no address to resend to.
    await createInvitation(t.owner, t.teamId, { role: "member" });
    const linkOnly = (await listPendingInvitations(t.owner, t.teamId)).find((i) => !i.email)!;
    expect(await code(resendInvitation(t.owner, t.teamId, linkOnly.id))).toBe("conflict");
  });

  it("an existing user with that verified address gets an `invited` notification and can accept from it", async () => {
    const t = await createTeamWithRoles();
    const invitee = await createUser("invitee");
    await db.user.update({ where: { id: invitee.userId }, data: { emailVerifiedAt: new Date() } });
    await createInvitation(t.admin, t.teamId, { role: "member", email: invitee.email.toUpperCase() });
    const [notification] = await listNotifications(invitee);
    expect(notification).toMatchObject({ kind: "invited", title: expect.stringContaining(t.admin.name) });
    const invitationId = notification.url.split("/").pop()!;
    expect(notification.url).toBe(`/invite/for-you/${invitationId}`);
    // The notification carries no token: only the addressee can use it.
    expect(notification.url).not.toContain("inv_");
    expect(await code(acceptAddressedInvitation(t.outsider, invitationId))).toBe("not_found");
    await expect(describeAddressedInvitation(invitee, invitationId)).resolves.toMatchObject({ role: "member" });
    await expect(acceptAddressedInvitation(invitee, invitationId)).resolves.toMatchObject({ alreadyMember: false });
    expect(await db.membership.findFirst({ where: { teamId: t.teamId, userId: invitee.userId } })).toMatchObject({ role: "member" });

    // An unverified account with the address is not told (anyone can sign up with any address).
    const unverified = await createUser("unverified");
    await createInvitation(t.admin, t.teamId, { role: "member", email: unverified.email });
    expect(await listNotifications(unverified)).toHaveLength(0);
  });

  it("accepting from the notification still re-checks the creator's rights", async () => {
    const t = await createTeamWithRoles();
    const invitee = await createUser("invitee");
    await db.user.update({ where: { id: invitee.userId }, data: { emailVerifiedAt: new Date() } });
    await createInvitation(t.admin, t.teamId, { role: "member", email: invitee.email });
    const invitationId = (await listNotifications(invitee))[0].url.split("/").pop()!;
    await changeRole(t.owner, t.teamId, { userId: t.admin.userId, role: "member" });
    expect(await code(acceptAddressedInvitation(invitee, invitationId))).toBe("conflict");
  });
});
