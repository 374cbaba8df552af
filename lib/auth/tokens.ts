import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random secret for invite links and API tokens; only its SHA-256 is stored. */
export function newSecret(prefix: string): { secret: string; hash: string } {
  const secret = `${prefix}_${randomBytes(24).toString("base64url")}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
