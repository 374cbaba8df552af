import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { canAssignRole, ROLE_LABELS, type Role } from "@/lib/permissions";
import { notifyUsers } from "@/lib/domain/notifications";
import { deliverOutbox, enqueueMail } from "@/lib/mail/outbox";
import { appUrl } from "@/lib/mail/app-url";
import { invitationMail } from "@/lib/mail/templates";
import { hashSecret, newSecret } from "@/lib/security/tokens";
import { CreateInvitationSchema } from "@/lib/validation/team";

/** Sending (and resending) one invitation by email: at most this often, and this many times in all. */
export const INVITE_RESEND_INTERVAL_MS = 60_000;
export const INVITE_MAX_SENDS = 5;

/**
 * Creates an expiring invite link; the token is returned once and stored only as a hash. With an
 * email address, the link is also mailed there (through the outbox, in the same transaction), and
 * an existing account with that verified address gets an `invited` notification that opens the
 * invitation in the app.
 */
export async function createInvitation(actor: Actor, teamId: string, input: unknown) {
  const access = await requireTeamAccess(actor, teamId, "members:manage");
  const { role, email } = parseOrThrow(CreateInvitationSchema, input, "invitation");
  if (!canAssignRole(access.role, "viewer", role)) {
    throw new AppError("forbidden", "Only an owner can invite another owner.", { role: "Only an owner can invite an owner" });
  }
  const { secret, hash } = newSecret("inv");
  const expiresAt = new Date(Date.now() + env.INVITE_TTL_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    const invitee = email
      ? await tx.user.findFirst({
          where: { email, deletedAt: null },
          select: { id: true, emailVerifiedAt: true, memberships: { where: { teamId }, select: { id: true } } },
        })
      : null;
    if (invitee && invitee.memberships.length > 0) {
      throw new AppError("conflict", "That person is already a member of this team.", { email: "Already a member of this team" });
    }
    const invitation = await tx.invitation.create({
      data: {
        teamId,
        role,
        tokenHash: hash,
        expiresAt,
        createdById: actor.userId,
        email,
        lastSentAt: email ? new Date() : null,
        sendCount: email ? 1 : 0,
      },
    });
    await recordAudit(tx, {
      teamId,
      actorId: actor.userId,
      action: "invitation.created",
      detail: { invitationId: invitation.id, role, byEmail: !!email },
    });
    if (email) {
      await mailInvitation(tx, { invitationId: invitation.id, token: secret, email, expiresAt });
      // Only a verified address proves the account is the addressee's: anyone can sign up with any address.
      if (invitee?.emailVerifiedAt) {
        const names = await inviteNames(tx, invitation.id);
        await notifyUsers(tx, [invitee.id], {
          kind: "invited",
          title: `${names.inviterName} invited you to join “${names.teamName}” as ${ROLE_LABELS[role].toLowerCase()}`,
          url: `/invite/for-you/${invitation.id}`,
          teamId,
          actorId: actor.userId,
          ownEmail: true,
        });
      }
    }
  });
  if (email) void deliverOutbox({ announce: true });
  return { token: secret, role, expiresAt, email: email ?? null };
}

async function inviteNames(tx: Tx, invitationId: string) {
  const row = await tx.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { role: true, team: { select: { name: true } }, createdBy: { select: { name: true } } },
  });
  return { teamName: row.team.name, inviterName: row.createdBy.name, role: ROLE_LABELS[row.role as Role].toLowerCase() };
}

async function mailInvitation(tx: Tx, input: { invitationId: string; token: string; email: string; expiresAt: Date }) {
  const names = await inviteNames(tx, input.invitationId);
  await enqueueMail(tx, input.email, invitationMail({ ...names, url: appUrl(`/invite/${input.token}`), expiresAt: input.expiresAt }));
}

/**
 * Emails a pending invitation again, with a new link (the token is stored only as a hash, so the
 * old link cannot be re-sent; it stops working) and a fresh expiry. Limited per invitation to once
 * a minute and INVITE_MAX_SENDS sends in all, checked in the conditional update that records the
 * send, so two clicks at once send one email.
 */
export async function resendInvitation(actor: Actor, teamId: string, invitationId: string) {
  const access = await requireTeamAccess(actor, teamId, "members:manage");
  const { secret, hash } = newSecret("inv");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + env.INVITE_TTL_HOURS * 3_600_000);
  const email = await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, teamId },
      select: { role: true, email: true, acceptedAt: true, revokedAt: true, expiresAt: true, sendCount: true, lastSentAt: true },
    });
    if (!invitation) throw new AppError("not_found", "Invitation not found.");
    if (!canAssignRole(access.role, "viewer", invitation.role as Role)) {
      throw new AppError("forbidden", "Only an owner can resend an invitation for an owner.");
    }
    if (!invitation.email)
      throw new AppError("conflict", "This invitation was created as a link, not sent by email: create a new one with an address.");
    const sent = await tx.invitation.updateMany({
      where: {
        id: invitationId,
        teamId,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
        sendCount: { lt: INVITE_MAX_SENDS },
        OR: [{ lastSentAt: null }, { lastSentAt: { lte: new Date(now.getTime() - INVITE_RESEND_INTERVAL_MS) } }],
      },
      data: { tokenHash: hash, expiresAt, lastSentAt: now, sendCount: { increment: 1 } },
    });
    if (sent.count !== 1) {
      if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) {
        throw new AppError("conflict", "This invitation was already used, revoked or has expired.");
      }
      if (invitation.sendCount >= INVITE_MAX_SENDS) {
        throw new AppError(
          "rate_limited",
          `This invitation was already sent ${INVITE_MAX_SENDS} times. Revoke it and create a new one if needed.`,
        );
      }
      throw new AppError("rate_limited", "This invitation was sent less than a minute ago. Try again in a minute.");
    }
    await recordAudit(tx, { teamId, actorId: actor.userId, action: "invitation.resent", detail: { invitationId, role: invitation.role } });
    await mailInvitation(tx, { invitationId, token: secret, email: invitation.email, expiresAt });
    return invitation.email;
  });
  void deliverOutbox({ announce: true });
  return { email, expiresAt };
}

async function findUsableInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { team: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
  });
  if (!invitation || invitation.revokedAt) throw new AppError("not_found", "This invite link is not valid.");
  if (invitation.acceptedAt) throw new AppError("conflict", "This invite link has already been used.");
  if (invitation.expiresAt < new Date()) {
    throw new AppError("conflict", "This invite link has expired. Ask for a new one.");
  }
  return invitation;
}

/** What the invite page shows before the visitor accepts (no membership needed: the token is the key). */
export async function describeInvitation(token: string) {
  const invitation = await findUsableInvitation(token);
  return {
    teamName: invitation.team.name,
    role: invitation.role as Role,
    invitedBy: invitation.createdBy.name,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Joins the team through an invite link. Everything that decides whether the link still works is
 * read inside the transaction that claims it: not revoked, not used, not expired, and its creator
 * still a member who may grant this role today (an admin demoted or removed since creating the
 * link no longer lends their rights to it).
 */
export async function acceptInvitation(actor: Actor, token: string) {
  return joinThrough(actor, await findUsableInvitation(token));
}

/**
 * An invitation sent to the signed-in user's verified address, opened from their `invited`
 * notification rather than the emailed link. Anyone else gets "not found".
 */
async function findAddressedInvitation(actor: Actor, invitationId: string) {
  const [user, invitation] = await Promise.all([
    db.user.findUnique({ where: { id: actor.userId }, select: { email: true, emailVerifiedAt: true } }),
    db.invitation.findUnique({
      where: { id: invitationId },
      include: { team: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
    }),
  ]);
  if (!invitation || !user?.emailVerifiedAt || !invitation.email || invitation.email !== user.email.toLowerCase() || invitation.revokedAt) {
    throw new AppError("not_found", "This invitation is not valid.");
  }
  if (invitation.acceptedAt) throw new AppError("conflict", "This invitation has already been used.");
  if (invitation.expiresAt < new Date()) throw new AppError("conflict", "This invitation has expired. Ask for a new one.");
  return invitation;
}

export async function describeAddressedInvitation(actor: Actor, invitationId: string) {
  const invitation = await findAddressedInvitation(actor, invitationId);
  return {
    teamName: invitation.team.name,
    role: invitation.role as Role,
    invitedBy: invitation.createdBy.name,
    expiresAt: invitation.expiresAt,
  };
}

export async function acceptAddressedInvitation(actor: Actor, invitationId: string) {
  return joinThrough(actor, await findAddressedInvitation(actor, invitationId));
}

async function joinThrough(actor: Actor, invitation: { id: string; teamId: string; createdById: string; role: string }) {
  const teamId = invitation.teamId;
  const existing = await db.membership.findUnique({ where: { teamId_userId: { teamId, userId: actor.userId } } });
  if (existing) return { teamId, alreadyMember: true };
  await db.$transaction(async (tx) => {
    const creator = await tx.membership.findUnique({
      where: { teamId_userId: { teamId, userId: invitation.createdById } },
      select: { role: true },
    });
    if (!creator || !canAssignRole(creator.role as Role, "viewer", invitation.role as Role)) {
      throw new AppError(
        "conflict",
        "This invite link is no longer valid: the person who created it can no longer invite. Ask for a new one.",
      );
    }
    // Claiming the link and joining in one transaction: a link is used once, even under a race,
    // and a revocation that commits first wins.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This invite link has already been used or was revoked.");
    await tx.membership.create({ data: { teamId, userId: actor.userId, role: invitation.role } });
    await recordAudit(tx, {
      teamId,
      actorId: actor.userId,
      action: "member.joined",
      detail: { role: invitation.role, invitationId: invitation.id },
    });
  });
  return { teamId, alreadyMember: false };
}

/** Invitations not yet used, revoked or expired, newest first: for owners and admins. */
export async function listPendingInvitations(actor: Actor, teamId: string) {
  await requireTeamAccess(actor, teamId, "members:manage");
  const rows = await db.invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      role: true,
      email: true,
      createdAt: true,
      expiresAt: true,
      lastSentAt: true,
      sendCount: true,
      createdBy: { select: { name: true, deletedAt: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    email: r.email,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastSentAt: r.lastSentAt,
    /** how many more times it may be emailed */
    sendsLeft: r.email ? Math.max(0, INVITE_MAX_SENDS - r.sendCount) : 0,
    createdBy: r.createdBy.deletedAt ? "Deleted user" : r.createdBy.name,
  }));
}

/** Revokes a pending invitation of this team; the link stops working at once. */
export async function revokeInvitation(actor: Actor, teamId: string, invitationId: string) {
  const access = await requireTeamAccess(actor, teamId, "members:manage");
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, teamId }, select: { role: true } });
    if (!invitation) throw new AppError("not_found", "Invitation not found.");
    if (!canAssignRole(access.role, "viewer", invitation.role as Role)) {
      throw new AppError("forbidden", "Only an owner can revoke an invitation for an owner.");
    }
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, teamId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw new AppError("conflict", "This invitation was already used or revoked.");
    await recordAudit(tx, { teamId, actorId: actor.userId, action: "invitation.revoked", detail: { invitationId, role: invitation.role } });
  });
}
