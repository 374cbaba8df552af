import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { MAILBOX_DIR } from "../../playwright.config";

export interface DeliveredMail {
  to: string;
  /** the message as the SMTP server received it: headers, then the (quoted-printable) body */
  raw: string;
}

/** Undoes quoted-printable soft line breaks and the escapes a link can contain. */
export const decodeQuotedPrintable = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

/**
 * The newest message delivered over SMTP to `to` whose raw text matches `subject`, waiting for
 * delivery (the app sends after its transaction commits).
 */
export async function deliveredMail(to: string, subject: RegExp): Promise<DeliveredMail> {
  let found: DeliveredMail | undefined;
  await expect
    .poll(
      () => {
        const messages = readdirSync(MAILBOX_DIR)
          .sort()
          .map((name) => JSON.parse(readFileSync(path.join(MAILBOX_DIR, name), "utf8")) as DeliveredMail);
        found = messages.reverse().find((m) => m.to.split(",").includes(to.toLowerCase()) && subject.test(m.raw));
        return Boolean(found);
      },
      { message: `an email to ${to} matching ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}
