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

export async function acceptInvitation(actor: Actor, token: string) {
  const invitation = await findUsableInvitation(token);
  const teamId = invitation.teamId;
  const existing = await db.membership.findUnique({ where: { teamId_userId: { teamId, userId: actor.userId } } });
  if (existing) return { teamId, alreadyMember: true };
  await db.$transaction(async (tx) => {
    // Claiming the link and joining in one transaction: a link is used once, even under a race.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This invite link has already been used.");
    await tx.membership.create({ data: { teamId, userId: actor.userId, role: invitation.role } });
    await recordAudit(tx, { teamId, actorId: actor.userId, action: "member.joined", detail: { role: invitation.role, invitationId: invitation.id } });
  });
  return { teamId, alreadyMember: false };
}
