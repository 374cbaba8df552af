import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles, createUser } from "../support/factories";
import { AppError } from "@/lib/errors";
import { acceptInvitation, createInvitation, listPendingInvitations, revokeInvitation } from "@/lib/domain/invitations";
import { changeRole, removeMember } from "@/lib/domain/teams";

async function code(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
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
});
