// Message bodies, plain text and HTML, from one description each. Text that came from users (names,
// team and evaluation titles) is escaped for HTML here, the only place mail HTML is built.

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A message of a few paragraphs and one call to action. */
export function simpleMessage(input: { subject: string; paragraphs: string[]; action?: { label: string; url: string }; footer?: string }): MailContent {
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
