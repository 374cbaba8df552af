// Message bodies, plain text and HTML, from one description each. Text that came from users (names,
// team and evaluation titles) is escaped for HTML here, the only place mail HTML is built.

import { formatUtcDateTime } from "@/lib/dates";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A message of a few paragraphs and one call to action. */
export function simpleMessage(input: {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}): MailContent {
  const text = [
    ...input.paragraphs,
    ...(input.action ? [`${input.action.label}: ${input.action.url}`] : []),
    ...(input.footer ? ["--", input.footer] : []),
  ].join("\n\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">
${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${input.action ? `<p><a href="${escapeHtml(input.action.url)}" style="display:inline-block;padding:8px 14px;background:#111;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(input.action.label)}</a></p><p style="font-size:12px;color:#555">${escapeHtml(input.action.url)}</p>` : ""}
${input.footer ? `<hr><p style="font-size:12px;color:#555">${escapeHtml(input.footer)}</p>` : ""}
</body></html>`;
  return { subject: input.subject, text, html };
}

export function passwordResetMail(url: string, minutes: number): MailContent {
  return simpleMessage({
    subject: "Reset your Tradeoff password",
    paragraphs: [
      "Someone (hopefully you) asked to reset the password of your Tradeoff account.",
      `The link works once, for ${minutes} minutes. Resetting signs out every session of your account.`,
    ],
    action: { label: "Choose a new password", url },
    footer: "If you did not ask for this, ignore this message: your password stays as it is.",
  });
}

export function verifyEmailMail(url: string, hours: number): MailContent {
  return simpleMessage({
    subject: "Confirm your email for Tradeoff",
    paragraphs: ["Please confirm that this address belongs to your Tradeoff account.", `The link works once, for ${hours} hours.`],
    action: { label: "Confirm my email", url },
    footer: "If you did not create a Tradeoff account, ignore this message.",
  });
}

export function emailChangeMail(url: string, hours: number): MailContent {
  return simpleMessage({
    subject: "Confirm your new email for Tradeoff",
    paragraphs: [
      "Someone (hopefully you) asked to use this address to sign in to their Tradeoff account.",
      `The account's email changes only when this link is followed. It works once, for ${hours} hours.`,
    ],
    action: { label: "Use this email", url },
    footer: "If you did not ask for this, ignore this message: nothing changes.",
  });
}

export function emailChangeRequestedNotice(newEmail: string): MailContent {
  return simpleMessage({
    subject: "An email change was requested for your Tradeoff account",
    paragraphs: [
      `Someone signed in to your Tradeoff account asked to change its email to ${newEmail}.`,
      "Nothing changes until the link sent to that address is followed.",
    ],
    footer: 'If this was not you, change your password and use "Sign out everywhere" in Settings.',
  });
}

/** One email for a user's batch of notifications: each one's line and link (titles only: no ballot data). */
export function notificationDigestMail(input: { items: { title: string; url: string }[]; settingsUrl: string }): MailContent {
  const count = input.items.length;
  const subject = count === 1 ? input.items[0].title : `${count} new notifications in Tradeoff`;
  const footer = `You get these because of your notification settings: ${input.settingsUrl}`;
  const text = [
    count === 1 ? "You have a new notification in Tradeoff:" : `You have ${count} new notifications in Tradeoff:`,
    input.items.map((item) => `- ${item.title}\n  ${item.url}`).join("\n"),
    "--",
    footer,
  ].join("\n\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">
<p>${count === 1 ? "You have a new notification in Tradeoff:" : `You have ${count} new notifications in Tradeoff:`}</p>
<ul style="padding-left:20px">
${input.items.map((item) => `<li style="margin-bottom:8px"><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></li>`).join("\n")}
</ul>
<hr><p style="font-size:12px;color:#555">You get these because of your <a href="${escapeHtml(input.settingsUrl)}">notification settings</a>.</p>
</body></html>`;
  return { subject, text, html };
}

/** An invitation to join a team, with its single-use link. */
export function invitationMail(input: { teamName: string; inviterName: string; role: string; url: string; expiresAt: Date }): MailContent {
  return simpleMessage({
    subject: `${input.inviterName} invited you to ${input.teamName} on Tradeoff`,
    paragraphs: [
      `${input.inviterName} invited you to join the team “${input.teamName}” on Tradeoff as ${input.role}.`,
      `The link works once and expires ${formatUtcDateTime(input.expiresAt)}.`,
    ],
    action: { label: "Join the team", url: input.url },
    footer: "If you did not expect this, ignore this message.",
  });
}
