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

/** An API token's `lastUsedAt` is recorded at most this often, so busy clients do not write per request. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

/** Whether a use at `now` should be recorded: the token was never used, or not within the resolution. */
export function tokenUseIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || lastUsedAt.getTime() < now.getTime() - TOKEN_USE_RESOLUTION_MS;
}
