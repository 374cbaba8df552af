import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { canAssignRole, type Role } from "@/lib/domain/permissions";
import { hashSecret, newSecret } from "@/lib/auth/tokens";
import { CreateInvitationSchema } from "@/lib/validation/team";

/** Creates an expiring invite link; the token is returned once and stored only as a hash. */
export async function createInvitation(actor: Actor, teamId: string, input: unknown) {
  const access = await requireTeamAccess(actor, teamId, "members:manage");
  const { role } = parseOrThrow(CreateInvitationSchema, input, "invitation");
  if (!canAssignRole(access.role, "viewer", role)) {
    throw new AppError("forbidden", "Only an owner can invite another owner.", { role: "Only an owner can invite an owner" });
  }
  const { secret, hash } = newSecret("inv");
  const expiresAt = new Date(Date.now() + env.INVITE_TTL_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: { teamId, role, tokenHash: hash, expiresAt, createdById: actor.userId },
    });
    await recordAudit(tx, { teamId, actorId: actor.userId, action: "invitation.created", detail: { invitationId: invitation.id, role } });
  });
  return { token: secret, role, expiresAt };
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
  const invitation = await findUsableInvitation(token);
  const teamId = invitation.teamId;
  const existing = await db.membership.findUnique({ where: { teamId_userId: { teamId, userId: actor.userId } } });
  if (existing) return { teamId, alreadyMember: true };
  await db.$transaction(async (tx) => {
    const creator = await tx.membership.findUnique({
      where: { teamId_userId: { teamId, userId: invitation.createdById } },
      select: { role: true },
    });
    if (!creator || !canAssignRole(creator.role as Role, "viewer", invitation.role as Role)) {
      throw new AppError("conflict", "This invite link is no longer valid: the person who created it can no longer invite. Ask for a new one.");
    }
    // Claiming the link and joining in one transaction: a link is used once, even under a race,
    // and a revocation that commits first wins.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This invite link has already been used or was revoked.");
    await tx.membership.create({ data: { teamId, userId: actor.userId, role: invitation.role } });
    await recordAudit(tx, { teamId, actorId: actor.userId, action: "member.joined", detail: { role: invitation.role, invitationId: invitation.id } });
  });
  return { teamId, alreadyMember: false };
}

/** Invitations not yet used, revoked or expired, newest first: for owners and admins. */
export async function listPendingInvitations(actor: Actor, teamId: string) {
  await requireTeamAccess(actor, teamId, "members:manage");
  const rows = await db.invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true, deletedAt: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    email: r.email,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
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
