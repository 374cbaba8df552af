import { db } from "../support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { authenticate, signUp } from "@/lib/domain/users";
import { resolveSession, startSession } from "@/lib/domain/sessions";
import { requestPasswordReset, resetPassword, resetTokenIsUsable } from "@/lib/domain/password-reset";
import { deliverOutbox, readOutbox } from "@/lib/mail/outbox";

// A real SMTP server, in-process: messages the app sends over SMTP_URL land here.
const received: Array<{ to: string; raw: string }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.AUTH_URL = "http://app.test:3000";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const PASSWORD = "correct horse battery staple";
const linkIn = (text: string) => /http:\/\/app\.test:3000\/reset-password\/(rst_[A-Za-z0-9_-]+)/.exec(text.replace(/=\r?\n/g, ""))?.[1];

describe("password reset", () => {
  it("answers the same for unknown emails and writes nothing for them", async () => {
    const before = await db.outboxMessage.count();
    await expect(requestPasswordReset({ email: `nobody-${Date.now()}@test.local` })).resolves.toBeUndefined();
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("emails a single-use link that sets a new password and ends every session (local outbox)", async () => {
    delete process.env.SMTP_URL;
    const email = `reset-${Date.now()}@test.local`;
    const user = await signUp({ name: "Resetter", email, password: PASSWORD });
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const { sessionId } = await startSession({ userId: user.id });
    await requestPasswordReset({ email: email.toUpperCase() });
    const [message] = await readOutbox({ to: email });
    const token = linkIn(message.text)!;
    expect(token).toBeTruthy();
    // Only the hash is stored.
    expect(await db.passwordResetToken.findFirst({ where: { tokenHash: token } })).toBeNull();
    expect(await resetTokenIsUsable(token)).toBe(true);

    await expect(resetPassword({ token, newPassword: "password12" })).rejects.toMatchObject({ code: "invalid" });
    await resetPassword({ token, newPassword: "a fresh start for me" });
    expect(await resolveSession({ userId: user.id, sessionId, sessionVersion })).toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    await expect(authenticate({ email, password: "a fresh start for me" }, "192.0.2.60")).resolves.toMatchObject({ id: user.id });
    await expect(resetPassword({ token, newPassword: "another fresh start" })).rejects.toMatchObject({ code: "invalid" });
    expect(await resetTokenIsUsable(token)).toBe(false);
  });

  it("an expired link is refused", async () => {
    const email = `expired-${Date.now()}@test.local`;
    await signUp({ name: "Late", email, password: PASSWORD });
    await requestPasswordReset({ email });
    const token = linkIn((await readOutbox({ to: email }))[0].text)!;
    await db.passwordResetToken.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token, newPassword: "a fresh start for me" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("delivers over SMTP when SMTP_URL is set", async () => {
    const { port } = smtp.server.address() as AddressInfo;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const email = `smtp-${Date.now()}@test.local`;
    await signUp({ name: "Mailed", email, password: PASSWORD });
    await requestPasswordReset({ email });
    // Sign-up's confirmation may still be going out: a call during that pass makes it run again,
    // so one call delivers the reset requested meanwhile.
    await deliverOutbox();
    // Signing up sent a confirmation link too; this test is about the reset message.
    const mail = received.find((m) => m.to === email && m.raw.includes("Subject: Reset your Tradeoff password"));
    expect(mail, "the SMTP server received the message").toBeTruthy();
    expect(mail!.raw).toContain("Subject: Reset your Tradeoff password");
    const token = linkIn(mail!.raw)!;
    await resetPassword({ token, newPassword: "mailed and reset ok" });
    expect((await readOutbox({ to: email }))[0].sentAt).not.toBeNull();
    delete process.env.SMTP_URL;
  });

  it("limits requests per email (quietly, the same answer) and per client address (for any email)", async () => {
    const email = `limited-${Date.now()}@test.local`;
    await signUp({ name: "Limited", email, password: PASSWORD });
    const sentTo = async (to: string) => (await readOutbox({ to })).filter((m) => m.subject === "Reset your Tradeoff password").length;

    // Per email, from several addresses: the 4th request sends nothing but answers exactly the same.
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email }, `198.51.100.${i}`);
    await db.passwordResetToken.updateMany({ where: { user: { email } }, data: { usedAt: new Date() } });
    await expect(requestPasswordReset({ email }, "198.51.100.9")).resolves.toBeUndefined();
    expect(await sentTo(email)).toBe(3);
    // An email without an account is counted the same way and answers the same way.
    const ghost = `ghost-${Date.now()}@test.local`;
    for (let i = 0; i < 4; i++) await expect(requestPasswordReset({ email: ghost }, `198.51.100.${20 + i}`)).resolves.toBeUndefined();

    // Per address, across emails: the 11th request from one address is refused, whichever email it names.
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `spray${i}-${Date.now()}@test.local` }, "203.0.113.7");
    const other = `other-${Date.now()}@test.local`;
    await signUp({ name: "Other", email: other, password: PASSWORD });
    await expect(requestPasswordReset({ email: other }, "203.0.113.7")).rejects.toMatchObject({ code: "rate_limited" });
    await expect(requestPasswordReset({ email: `nobody-${Date.now()}@test.local` }, "203.0.113.7")).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(await sentTo(other)).toBe(0);
    // Another address is unaffected, and the sign-in limits are separate buckets.
    await requestPasswordReset({ email: other }, "203.0.113.8");
    expect(await sentTo(other)).toBe(1);
    await expect(authenticate({ email: other, password: PASSWORD }, "203.0.113.7")).resolves.toMatchObject({ email: other });
  });
});
