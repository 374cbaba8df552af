import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { AppError } from "@/lib/errors";
import { authenticate, changeEmail, changePassword, deleteAccount, signUp, updateName } from "@/lib/domain/users";
import { resolveSession, startSession } from "@/lib/domain/sessions";
import { verifyEmail } from "@/lib/domain/email-verification";
import { readOutbox } from "@/lib/mail/outbox";
import { createEvaluation } from "@/lib/domain/evaluations";
import { addComment, listComments } from "@/lib/domain/comments";

const PASSWORD = "correct horse battery staple";
let n = 0;
async function person() {
  n += 1;
  const user = await signUp({ name: `Account ${n}`, email: `account${n}-${Date.now()}@test.local`, password: PASSWORD });
  return { ...user, userId: user.id };
}
/** A browser session of the user, as signing in makes one; returns a check that it still resolves. */
async function sessionOf(userId: string) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const { sessionId } = await startSession({ userId });
  return () => resolveSession({ userId, sessionId, sessionVersion });
}
const confirmLinkIn = (text: string) => /\/verify-email\/(vfy_[A-Za-z0-9_-]+)/.exec(text)?.[1];

async function fails(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("account settings", () => {
  it("changes the name, and the email only with the current password", async () => {
    const me = await person();
    await updateName(me, { name: "  Renamed  " });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).name).toBe("Renamed");
    const wrong = await fails(changeEmail(me, { email: "new@test.local", currentPassword: "not my password" }));
    expect(wrong.fields?.currentPassword).toMatch(/wrong/);
    const other = await person();
    expect((await fails(changeEmail(me, { email: other.email, currentPassword: PASSWORD }))).fields?.email).toMatch(/another account/);
    const newEmail = `moved-${Date.now()}@test.local`;
    await changeEmail(me, { email: newEmail.toUpperCase(), currentPassword: PASSWORD });
    // The change waits for the link sent to the new address.
    await fails(authenticate({ email: newEmail, password: PASSWORD }, "192.0.2.40"));
    await verifyEmail({ token: confirmLinkIn((await readOutbox({ to: newEmail }))[0].text) });
    await expect(authenticate({ email: newEmail, password: PASSWORD }, "192.0.2.40")).resolves.toMatchObject({ id: me.id });
  });

  it("changing the password needs the current one, checks the new one, and ends existing sessions", async () => {
    const me = await person();
    const session = await sessionOf(me.id);
    expect(
      (await fails(changePassword(me, { currentPassword: "nope", newPassword: "a brand new passphrase" }))).fields?.currentPassword,
    ).toBeTruthy();
    expect((await fails(changePassword(me, { currentPassword: PASSWORD, newPassword: "password12" }))).fields?.newPassword).toMatch(
      /guess/,
    );
    await changePassword(me, { currentPassword: PASSWORD, newPassword: "a brand new passphrase" });
    expect(await session()).toBeNull();
    await expect(authenticate({ email: me.email, password: "a brand new passphrase" }, "192.0.2.41")).resolves.toMatchObject({ id: me.id });
  });

  it("deleting the account is refused for a team's last owner, and otherwise anonymises it", async () => {
    const t = await createTeamWithRoles();
    const owner = await person();
    await db.membership.create({ data: { teamId: t.teamId, userId: owner.id, role: "member" } });
    const evaluation = await createEvaluation(owner, t.teamId, { title: "Pick one", template: "django-flask" });
    await addComment(owner, evaluation.id, { body: "My view" });

    const lastOwner = await person();
    const team = await db.team.create({ data: { name: "Mine" } });
    await db.membership.createMany({
      data: [
        { teamId: team.id, userId: lastOwner.id, role: "owner" },
        { teamId: team.id, userId: owner.id, role: "member" },
      ],
    });
    const refused = await fails(deleteAccount(lastOwner, { currentPassword: PASSWORD, confirm: "DELETE" }));
    expect(refused.message).toMatch(/last owner of "Mine"/);

    await fails(deleteAccount(owner, { currentPassword: PASSWORD, confirm: "nope" }));
    const session = await sessionOf(owner.id);
    await deleteAccount(owner, { currentPassword: PASSWORD, confirm: "DELETE" });
    expect(await session()).toBeNull();
    expect(await db.userSession.count({ where: { userId: owner.id, revokedAt: null } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(row.name).toBe("Deleted user");
    expect(row.email).not.toBe(owner.email);
    expect(await db.membership.count({ where: { userId: owner.id } })).toBe(0);
    expect((await listComments(t.member, evaluation.id))[0]).toMatchObject({ body: "My view" });
    expect(JSON.stringify(await listComments(t.member, evaluation.id))).toContain("Deleted user");
    await fails(authenticate({ email: owner.email, password: PASSWORD }, "192.0.2.42"));
  });
});
