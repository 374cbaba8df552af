// Who may do what: the one table of rules. Pure, so the UI can hide what a role cannot do,
// while lib/domain/authorize.ts enforces the same table on every read and write.

import type { Role } from "@/lib/vocabulary";

export { ROLES, type Role } from "@/lib/vocabulary";

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export const PERMISSIONS = {
  /** see the team, its evaluations and reports */
  "team:read": "viewer",
  /** create evaluations and edit their options, criteria and ratings while they are drafts */
  "evaluation:edit": "member",
  "ballot:cast": "member",
  "comment:write": "member",
  /** open and close voting, reveal, decide, supersede */
  "evaluation:manage": "admin",
  /** invite, change roles, remove members */
  "members:manage": "admin",
  /**
   * import a decision record (lib/domain/import-record.ts): an archive adds a decision nobody in
   * the team made to the team's records, so it takes the same trust as managing the team
   */
  "evaluation:import": "admin",
  /**
   * archive and restore evaluations (a filing action: the status stays), and delete any draft;
   * a draft's creator may delete their own with "evaluation:edit" (lib/domain/evaluations.ts)
   */
  "evaluation:archive": "admin",
  /** rename the team, and delete it with everything in it */
  "team:rename": "owner",
  "team:delete": "owner",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[PERMISSIONS[permission]];
}

/** Only an owner may make someone an owner or change an owner's role. */
export function canAssignRole(actor: Role, target: Role, newRole: Role): boolean {
  if (!can(actor, "members:manage")) return false;
  if (actor === "owner") return true;
  return target !== "owner" && newRole !== "owner";
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};
