import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { can, type Permission, type Role } from "@/lib/permissions";

/** Who is acting: resolved from the session cookie, an API token, or the CLI. */
export interface Actor {
  userId: string;
}

export interface Access {
  teamId: string;
  role: Role;
}

// Non-members get "not found", not "forbidden": a team's existence is itself its data.
const NOT_FOUND = () => new AppError("not_found", "Not found");

/**
 * The gate for team data: returns the actor's membership or stops the request. Evaluation data is
 * gated by readEvaluation / withEvaluation (lib/domain/evaluation-access.ts), on the same table.
 */
export async function requireTeamAccess(actor: Actor, teamId: string, permission: Permission): Promise<Access> {
  const membership = await db.membership.findUnique({
    where: { teamId_userId: { teamId, userId: actor.userId } },
    select: { role: true },
  });
  if (!membership) throw NOT_FOUND();
  const role = membership.role as Role;
  if (!can(role, permission)) {
    throw new AppError("forbidden", `Your role (${role}) does not allow this.`);
  }
  return { teamId, role };
}
