import "server-only";
import { db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { hashSecret, newSecret } from "@/lib/auth/tokens";
import type { Actor } from "@/lib/domain/authorize";
import { CreateTokenSchema } from "@/lib/validation/team";

/** Creates a personal API token; the secret is returned once and only its hash is stored. */
export async function createApiToken(actor: Actor, input: unknown) {
  const { name } = parseOrThrow(CreateTokenSchema, input, "token");
  const { secret, hash } = newSecret("tro");
  const row = await db.apiToken.create({ data: { userId: actor.userId, name, tokenHash: hash } });
  return { id: row.id, name, token: secret };
}

export async function listApiTokens(actor: Actor) {
  return db.apiToken.findMany({
    where: { userId: actor.userId, revokedAt: null },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(actor: Actor, tokenId: string) {
  const revoked = await db.apiToken.updateMany({
    where: { id: tokenId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count !== 1) throw new AppError("not_found", "Token not found.");
}

/** The actor a Bearer token stands for, or null when it is unknown or revoked. */
export async function actorFromApiToken(secret: string): Promise<Actor | null> {
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.revokedAt) return null;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return { userId: token.userId };
}
