import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type ZodType } from "zod";
import { auth } from "@/lib/auth/auth";
import { actorFromApiToken } from "@/lib/domain/api-tokens";
import type { Actor } from "@/lib/domain/authorize";
import { AppError, HTTP_STATUS, fieldErrorsOf, parseOrThrow } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/origin";

export interface ApiContext<P> {
  request: NextRequest;
  actor: Actor;
  params: P;
  /** the request's JSON body; a malformed body is a 400 */
  json(): Promise<unknown>;
}

/** The one place errors become HTTP: `{ error: { code, message, fields? } }`, never a stack trace. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: HTTP_STATUS[error.code] },
    );
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: { code: "invalid", message: "Invalid input", fields: fieldErrorsOf(error) } }, { status: 422 });
  }
  console.error("Unexpected API error", error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

async function resolveActor(request: NextRequest): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await actorFromApiToken(match[1]) : null;
    if (!actor) throw new AppError("unauthenticated", "The API token is missing, malformed or revoked.");
    return actor;
  }
  // Cookie sessions ride along on cross-site requests, so a mutation must come from our own pages.
  if (request.method !== "GET" && request.method !== "HEAD" && !isSameOrigin(request.headers)) {
    throw new AppError("forbidden", "Cross-site request refused.");
  }
  const session = await auth();
  if (!session?.user?.id) throw new AppError("unauthenticated", "Sign in or send an API token.");
  return { userId: session.user.id };
}

/**
 * Wraps an API route handler: authenticates (session cookie or Bearer token), checks the origin of
 * cookie-authenticated mutations, parses route params with zod and maps every error in one place.
 */
export function apiRoute<P>(
  paramsSchema: ZodType<P>,
  handler: (ctx: ApiContext<P>) => Promise<Response | unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<unknown> }) => {
    try {
      const actor = await resolveActor(request);
      const params = parseOrThrow(paramsSchema, await context.params, "route parameters");
      const json = async () => {
        try {
          return await request.json();
        } catch {
          throw new AppError("bad_request", "The request body is not valid JSON.");
        }
      };
      const result = await handler({ request, actor, params, json });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      // A missing route param or foreign id surfaces as not_found, keeping ids unguessable.
      if (error instanceof AppError && error.message.startsWith("Invalid route parameters")) {
        return errorResponse(new AppError("not_found", "Not found"));
      }
      return errorResponse(error);
    }
  };
}
