import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { lockEvaluation } from "@/lib/domain/evaluation-access";
import type { EvaluationStatus } from "@/lib/validation/evaluation";
import { can, canAssignRole, type Role } from "@/lib/permissions";
import { ChangeRoleSchema, CreateTeamSchema } from "@/lib/validation/team";
import { DeleteTeamSchema, RenameTeamSchema } from "@/lib/validation/team-lifecycle";
import { revokeAllSessions } from "@/lib/domain/sessions";

export async function createTeam(actor: Actor, input: unknown) {
  const { name } = parseOrThrow(CreateTeamSchema, input, "team");
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name } });
    await tx.membership.create({ data: { teamId: team.id, userId: actor.userId, role: "owner" } });
    await recordAudit(tx, { teamId: team.id, actorId: actor.userId, action: "team.created", detail: { name } });
    return team;
  });
}

export async function listMyTeams(actor: Actor) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    include: {
      team: { include: { _count: { select: { memberships: true, evaluations: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({
    id: m.team.id,
    name: m.team.name,
    role: m.role as Role,
    members: m.team._count.memberships,
    evaluations: m.team._count.evaluations,
  }));
}

export async function getTeam(actor: Actor, teamId: string) {
  const access = await requireTeamAccess(actor, teamId, "team:read");
  const team = await db.team.findUniqueOrThrow({
    where: { id: teamId },
    include: {
      memberships: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  return {
    id: team.id,
    name: team.name,
    myRole: access.role,
    members: team.memberships.map((m) => ({ ...m.user, role: m.role as Role, joinedAt: m.createdAt })),
  };
}

async function ownerCount(teamId: string) {
  return db.membership.count({ where: { teamId, role: "owner" } });
}

export async function changeRole(actor: Actor, teamId: string, input: unknown) {
  const access = await requireTeamAccess(actor, teamId, "members:manage");
  const { userId, role } = parseOrThrow(ChangeRoleSchema, input, "role change");
  const target = await db.membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (!target) throw new AppError("not_found", "That person is not a member of this team.");
  if (!canAssignRole(access.role, target.role as Role, role)) {
    throw new AppError("forbidden", "Only an owner can make someone an owner or change an owner's role.");
  }
  if (target.role === "owner" && role !== "owner" && (await ownerCount(teamId)) <= 1) {
    throw new AppError("conflict", "A team needs at least one owner. Make someone else an owner first.");
  }
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAudit(tx, {
      teamId,
      actorId: actor.userId,
      action: "member.role_changed",
      detail: { userId, from: target.role, to: role },
    });
    if (can(target.role as Role, "ballot:cast") && !can(role, "ballot:cast")) {
      await withdrawBallots(tx, { teamId, userId, actorId: actor.userId, reason: "member.demoted" });
    }
  });
}

export async function removeMember(actor: Actor, teamId: string, userId: string) {
  const isSelf = userId === actor.userId;
  const access = await requireTeamAccess(actor, teamId, isSelf ? "team:read" : "members:manage");
  const target = await db.membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (!target) throw new AppError("not_found", "That person is not a member of this team.");
  if (!isSelf && target.role === "owner" && access.role !== "owner") {
    throw new AppError("forbidden", "Only an owner can remove an owner.");
  }
  if (target.role === "owner" && (await ownerCount(teamId)) <= 1) {
    throw new AppError(
      "conflict",
      isSelf ? "You are the last owner: make someone else an owner before you leave." : "A team needs at least one owner.",
    );
  }
  const action = isSelf ? "member.left" : "member.removed";
  await db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: target.id } });
    await recordAudit(tx, { teamId, actorId: actor.userId, action, detail: { userId } });
    await withdrawBallots(tx, { teamId, userId, actorId: actor.userId, reason: action });
    if (!isSelf) await endSessionsIfRemovedFromLastTeam(tx, userId);
  });
}

/**
 * Someone removed from their last team loses every session, in the transaction that removed the
 * membership (counted there, so a concurrent removal from their other team cannot slip past).
 * Leaving on one's own does not sign one out: a person with no team is an ordinary signed-in user
 * (as right after sign-up), and they chose to leave.
 */
async function endSessionsIfRemovedFromLastTeam(tx: Tx, userId: string) {
  if ((await tx.membership.count({ where: { userId } })) > 0) return;
  await revokeAllSessions(tx, userId);
}

/** Statuses in which a member's current-round ballot still counts towards the report and the decision. */
const COUNTING: EvaluationStatus[] = ["voting", "revealed"];

/**
 * A member who leaves, is removed or can no longer vote stops counting from that moment: in each of
 * the team's evaluations that is in voting or revealed, their ballot of the current round is removed,
 * in the caller's transaction (the membership change), with a "ballot.withdrawn" audit entry. The
 * hash chain keeps every revision, so the history stays; the integrity check only compares the Ballot
 * rows that remain, and a second round copies Ballot rows, so a withdrawn ballot is not carried over.
 * Each evaluation is locked first with lockEvaluation (which also tells open reports to refresh), so a ballot racing the removal lands before it
 * and is withdrawn, or is refused because its voter is no longer a voting member.
 */
async function withdrawBallots(tx: Tx, who: { teamId: string; userId: string; actorId: string; reason: string }) {
  const evaluations = await tx.evaluation.findMany({
    where: { teamId: who.teamId, status: { in: COUNTING }, ballots: { some: { userId: who.userId } } },
    select: { id: true },
  });
  for (const { id } of evaluations) {
    if (!(await lockEvaluation(tx, id, COUNTING))) continue;
    const { round, revision } = await tx.evaluation.findUniqueOrThrow({ where: { id }, select: { round: true, revision: true } });
    const withdrawn = await tx.ballot.deleteMany({ where: { evaluationId: id, userId: who.userId, round } });
    if (withdrawn.count === 0) continue;
    await recordAudit(tx, {
      teamId: who.teamId,
      evaluationId: id,
      actorId: who.actorId,
      action: "ballot.withdrawn",
      detail: { userId: who.userId, round, reason: who.reason, revision },
    });
  }
}

export function leaveTeam(actor: Actor, teamId: string) {
  return removeMember(actor, teamId, actor.userId);
}

/**
 * For account deletion, in its transaction: the user leaves every team (their counting ballots are
 * withdrawn as for any member who leaves; the hash chains keep every revision). Refused when they
 * are the last owner of a team that has other members; a team they are alone in is deleted.
 */
export async function leaveAllTeamsForDeletion(tx: Tx, userId: string): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId }, include: { team: { select: { name: true } } } });
  for (const m of memberships) {
    const members = await tx.membership.count({ where: { teamId: m.teamId } });
    if (members === 1) {
      await tx.team.delete({ where: { id: m.teamId } });
      continue;
    }
    if (m.role === "owner" && (await tx.membership.count({ where: { teamId: m.teamId, role: "owner" } })) <= 1) {
      throw new AppError(
        "conflict",
        `You are the last owner of "${m.team.name}". Make someone else an owner there before deleting your account.`,
      );
    }
    await tx.membership.delete({ where: { id: m.id } });
    await recordAudit(tx, { teamId: m.teamId, actorId: userId, action: "member.left", detail: { userId, reason: "account.deleted" } });
    await withdrawBallots(tx, { teamId: m.teamId, userId, actorId: userId, reason: "account.deleted" });
  }
}

/** Renames the team (owners only). */
export async function renameTeam(actor: Actor, teamId: string, input: unknown) {
  await requireTeamAccess(actor, teamId, "team:rename");
  const { name } = parseOrThrow(RenameTeamSchema, input, "team");
  return db.$transaction(async (tx) => {
    await requireOwnerIn(tx, actor, teamId);
    const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
    const team = await tx.team.update({ where: { id: teamId }, data: { name }, select: { id: true, name: true } });
    await recordAudit(tx, { teamId, actorId: actor.userId, action: "team.renamed", detail: { from: before.name, to: name } });
    return team;
  });
}

/** The role is read again in the acting transaction: an owner demoted since the first check is refused. */
async function requireOwnerIn(tx: Tx, actor: Actor, teamId: string) {
  const membership = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId: actor.userId } }, select: { role: true } });
  if (!membership) throw new AppError("not_found", "Not found");
  if (!can(membership.role as Role, "team:delete")) throw new AppError("forbidden", `Your role (${membership.role}) does not allow this.`);
}

/** Everything deleting the team removes, counted for its confirmation dialog. */
async function countTeamContents(client: Tx | typeof db, teamId: string) {
  // One after another: inside a transaction the client is one connection.
  const evaluations = await client.evaluation.count({ where: { teamId } });
  const ballots = await client.ballot.count({ where: { evaluation: { teamId } } });
  const comments = await client.comment.count({ where: { evaluation: { teamId }, deletedAt: null } });
  const members = await client.membership.count({ where: { teamId } });
  return { evaluations, ballots, comments, members };
}
export type TeamContents = Awaited<ReturnType<typeof countTeamContents>>;

/** What deleting the team would remove, for its owner's confirmation dialog. */
export async function getTeamDeletionSummary(actor: Actor, teamId: string): Promise<TeamContents> {
  await requireTeamAccess(actor, teamId, "team:delete");
  return countTeamContents(db, teamId);
}

/**
 * Deletes the team with its evaluations, ballots, comments, invitations and audit trail, in one
 * transaction (owners only, confirmed by typing the team's name). Accounts stay: each member just
 * loses the team. A member left with no team loses their sessions, as when removed from their last
 * team (endSessionsIfRemovedFromLastTeam); the owner who deletes it chose to, as one who leaves does.
 */
export async function deleteTeam(actor: Actor, teamId: string, input: unknown): Promise<TeamContents & { name: string }> {
  await requireTeamAccess(actor, teamId, "team:delete");
  const { confirmName } = parseOrThrow(DeleteTeamSchema, input, "team deletion");
  return db.$transaction(
    async (tx) => {
      await requireOwnerIn(tx, actor, teamId);
      const team = await tx.team.findUniqueOrThrow({
        where: { id: teamId },
        select: { name: true, memberships: { select: { userId: true } } },
      });
      if (confirmName !== team.name.trim()) {
        const message = `Type the team's name exactly ("${team.name}") to delete it.`;
        throw new AppError("invalid", message, { confirmName: message });
      }
      const contents = await countTeamContents(tx, teamId);
      await tx.notification.deleteMany({ where: { teamId } });
      await tx.team.delete({ where: { id: teamId } });
      for (const { userId } of team.memberships) {
        if (userId !== actor.userId) await endSessionsIfRemovedFromLastTeam(tx, userId);
      }
      return { name: team.name, ...contents };
    },
    { timeout: 30_000 },
  );
}
