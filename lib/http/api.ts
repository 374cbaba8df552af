import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type ZodType } from "zod";
import { readSessionUser } from "@/lib/auth/session";
import { actorFromApiToken } from "@/lib/domain/api-tokens";
import type { Actor } from "@/lib/domain/authorize";
import { AppError, HTTP_STATUS, fieldErrorsOf, parseOrThrow } from "@/lib/errors";
import { STRICT_TRANSPORT_SECURITY, isSameOrigin, servedOverHttps } from "@/lib/http/origin";
import { isWellFormedText } from "@/lib/validation/text";
import { LIMITS } from "@/lib/limits";

export interface ApiContext<P> {
  request: NextRequest;
  actor: Actor;
  params: P;
  /** the request's JSON body; a malformed body is a 400 */
  json(): Promise<unknown>;
}

/** The one place errors become HTTP: `{ error: { code, message, fields? } }`, never a stack trace. */
export function errorResponse(error: unknown): NextResponse {
  const response = errorBody(error);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

function errorBody(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: HTTP_STATUS[error.code] },
    );
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: { code: "invalid", message: "Invalid input", fields: fieldErrorsOf(error) } }, { status: 422 });
  }
  if (isOverloaded(error)) {
    // Nothing was written (the transaction never started, or rolled back): safe to send again.
    return NextResponse.json(
      { error: { code: "unavailable", message: "The server is busy; nothing was changed. Try again in a moment." } },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  console.error("Unexpected API error", error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

/** Seconds a client is asked to wait before retrying a request refused under overload. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * Prisma's errors for waiting too long for the database, not for a bad request: P2028 (a
 * transaction could not start within its `maxWait`, or outlived its `timeout`) and P2024 (no pool
 * connection in time). Under a burst the write queue can hold a transaction that long; the answer
 * is then 503 with Retry-After rather than a 500. Matched by name and code, so the SQLite and the
 * PostgreSQL generated clients' error classes both count; and the driver's DatabaseBusyError (another
 * process held SQLite's write lock past the busy timeout).
 */
export function isOverloaded(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (name === "PrismaClientKnownRequestError" && (code === "P2028" || code === "P2024")) || name === "DatabaseBusyError";
}

/** Who sends `request` (Bearer token or session cookie); also re-run by long-lived event streams. */
export async function resolveActor(request: NextRequest): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await actorFromApiToken(match[1]) : null;
    if (!actor) throw new AppError("unauthenticated", "The API token is missing, malformed or revoked.");
    return actor;
  }
  // Cookie sessions ride along on cross-site requests, so a mutation must come from our own pages.
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request)) {
    throw new AppError("forbidden", "Cross-site request refused.");
  }
  // Uncached: an event stream re-runs this and must see a sign-out that happened since it opened.
  const user = await readSessionUser();
  if (!user) throw new AppError("unauthenticated", "Sign in or send an API token.");
  return { userId: user.id };
}

/**
 * Wraps an API route handler: authenticates (session cookie or Bearer token), checks the origin of
 * cookie-authenticated mutations, parses route params with zod and maps every error in one place.
 */
export function apiRoute<P>(
  paramsSchema: ZodType<P>,
  handler: (ctx: ApiContext<P>) => Promise<Response | unknown>,
  options: { bodyLimit?: number } = {},
) {
  const bodyLimit = options.bodyLimit ?? LIMITS.bodyBytes.json;
  return async (request: NextRequest, context: { params: Promise<unknown> }) => {
    try {
      const actor = await resolveActor(request);
      const params = parseOrThrow(paramsSchema, await context.params, "route parameters");
      const json = async () => {
        const text = await readTextWithin(request, bodyLimit);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new AppError("bad_request", "The request body is not valid JSON.");
        }
        const broken = firstBrokenString(body);
        if (broken !== null) {
          throw new AppError("invalid", `${broken || "The body"} contains a broken character (a lone surrogate).`, {
            [broken || "(root)"]: "Contains a lone surrogate",
          });
        }
        return body;
      };
      const result = await handler({ request, actor, params, json });
      const response = result instanceof Response ? result : NextResponse.json(result);
      // Authenticated answers (ballots, comments, records) must never sit in a shared or disk cache.
      if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
      if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
      return response;
    } catch (error) {
      // A missing route param or foreign id surfaces as not_found, keeping ids unguessable.
      if (error instanceof AppError && error.message.startsWith("Invalid route parameters")) {
        return errorResponse(new AppError("not_found", "Not found"));
      }
      return errorResponse(error);
    }
  };
}

/**
 * The body as text, read at most `limit` bytes far: a declared Content-Length over the limit is
 * refused before reading, and a body without one (or lying about it) is cut off once it passes the
 * limit, so an oversized request never costs more than the limit in memory and parsing.
 */
async function readTextWithin(request: NextRequest, limit: number): Promise<string> {
  const tooLarge = () => new AppError("too_large", `The request body is larger than this endpoint accepts (${formatBytes(limit)}).`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) throw new AppError("bad_request", "The request has no body; send JSON.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** The path of the first string (key or value) with a lone UTF-16 surrogate, or null: such text cannot be stored. */
function firstBrokenString(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isWellFormedText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstBrokenString(item, path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isWellFormedText(key)) return at;
      const found = firstBrokenString(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}
