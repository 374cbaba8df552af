import { db } from "../support/db";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, changeEmail, signUp } from "@/lib/domain/users";
import { pendingEmailChange, resendVerification, verificationLinkState, verifyEmail } from "@/lib/domain/email-verification";
import { readOutbox } from "@/lib/mail/outbox";

beforeAll(() => {
  delete process.env.SMTP_URL;
  process.env.AUTH_URL = "http://app.test:3000";
});

const PASSWORD = "correct horse battery staple";
let n = 0;
async function person() {
  n += 1;
  const email = `verify${n}-${Date.now()}@test.local`;
  const user = await signUp({ name: `Verifier ${n}`, email, password: PASSWORD });
  return { ...user, userId: user.id };
}
async function linksTo(email: string, subject: string) {
  const messages = (await readOutbox({ to: email })).filter((m) => m.subject === subject);
  return messages.map((m) => /http:\/\/app\.test:3000\/verify-email\/(vfy_[A-Za-z0-9_-]+)/.exec(m.text)![1]);
}
const verifiedAt = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt;

describe("email verification", () => {
  it("signing up is instant and mails a single-use link that confirms the address", async () => {
    const me = await person();
    expect(me.emailVerified).toBe(false);
    expect(await verifiedAt(me.id)).toBeNull();
    const [token] = await linksTo(me.email, "Confirm your email for Tradeoff");
    expect(token).toBeTruthy();
    // Only the hash is stored.
    expect(await db.emailVerificationToken.findFirst({ where: { tokenHash: token } })).toBeNull();
    expect(await verificationLinkState(token)).toEqual({ usable: true, email: me.email });

    await expect(verifyEmail({ token })).resolves.toEqual({ email: me.email, changed: false });
    expect(await verifiedAt(me.id)).not.toBeNull();
    await expect(verifyEmail({ token })).rejects.toMatchObject({ code: "invalid" });
    expect(await verificationLinkState(token)).toEqual({ usable: false });
    await expect(resendVerification(me)).rejects.toMatchObject({ code: "conflict" });
  });

  it("an expired link is refused and changes nothing", async () => {
    const me = await person();
    const [token] = await linksTo(me.email, "Confirm your email for Tradeoff");
    await db.emailVerificationToken.updateMany({ where: { userId: me.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(verifyEmail({ token })).rejects.toMatchObject({ code: "invalid" });
    expect(await verifiedAt(me.id)).toBeNull();
    await expect(verifyEmail({ token: "vfy_not-a-real-token" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("changing the email takes effect only when the link sent to the new address is followed", async () => {
    const me = await person();
    const newEmail = `moved-${Date.now()}@test.local`;
    await expect(changeEmail(me, { email: newEmail, currentPassword: "wrong password" })).rejects.toMatchObject({ code: "invalid" });
    await changeEmail(me, { email: newEmail.toUpperCase(), currentPassword: PASSWORD });

    // Nothing changed yet: the old address still signs in, the new one does not.
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).email).toBe(me.email);
    await expect(authenticate({ email: newEmail, password: PASSWORD }, "192.0.2.70")).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await pendingEmailChange(me)).toBe(newEmail);
    // The old address is told, without a link.
    const [notice] = (await readOutbox({ to: me.email })).filter((m) => m.subject.startsWith("An email change was requested"));
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toContain("/verify-email/");

    const [token] = await linksTo(newEmail, "Confirm your new email for Tradeoff");
    await expect(verifyEmail({ token })).resolves.toEqual({ email: newEmail, changed: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(row.email).toBe(newEmail);
    expect(row.emailVerifiedAt).not.toBeNull();
    await expect(authenticate({ email: newEmail, password: PASSWORD }, "192.0.2.71")).resolves.toMatchObject({ id: me.id });
    expect(await pendingEmailChange(me)).toBeNull();

    // The sign-up link for the old address was spent with it: it cannot move the account back.
    const [signUpToken] = await linksTo(me.email, "Confirm your email for Tradeoff");
    await expect(verifyEmail({ token: signUpToken })).rejects.toMatchObject({ code: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).email).toBe(newEmail);
  });

  it("an address taken by another account meanwhile is refused with a clear message, and nothing changes", async () => {
    const me = await person();
    const wanted = `wanted-${Date.now()}@test.local`;
    await changeEmail(me, { email: wanted, currentPassword: PASSWORD });
    // Someone signs up with that address before the link is followed.
    await signUp({ name: "Quicker", email: wanted, password: PASSWORD });
    const [token] = await linksTo(wanted, "Confirm your new email for Tradeoff");
    const error = await verifyEmail({ token }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "conflict" });
    expect((error as Error).message).toMatch(/belongs to another account, so your email was not changed/);
    const row = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(row.email).toBe(me.email);
    expect(row.emailVerifiedAt).toBeNull();
    // Asking for an address that is taken now is refused at once, before any mail goes out.
    await expect(changeEmail(me, { email: wanted, currentPassword: PASSWORD })).rejects.toMatchObject({ code: "conflict" });
  });

  it("resending is limited to 3 an hour per account, even when the requests race", async () => {
    const me = await person();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => resendVerification(me)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(refused.every((r) => r.reason.code === "rate_limited")).toBe(true);
    // One from sign-up, three resent.
    expect(await linksTo(me.email, "Confirm your email for Tradeoff")).toHaveLength(4);
    // Every sent link works (the newest, say).
    const [newest] = await linksTo(me.email, "Confirm your email for Tradeoff");
    await expect(verifyEmail({ token: newest })).resolves.toMatchObject({ changed: false });
  });
});
