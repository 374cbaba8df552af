import type { ZodError } from "zod";

/**
 * The one application error type. Domain code throws it; the HTTP layer (lib/http), server
 * actions and the CLI map `code` to a status or exit code in one place each.
 */
export type AppErrorCode =
  | "bad_request" // 400: malformed request (unparseable JSON, bad usage)
  | "unauthenticated" // 401
  | "forbidden" // 403: a member without the role for this action
  | "not_found" // 404: also what a non-member sees, so team ids are not probed
  | "conflict" // 409: state does not allow it (voting closed, email taken)
  | "too_large" // 413: a request body over its route's limit (lib/limits.ts)
  | "invalid" // 422: input parsed but broke a rule; `fields` names them
  | "rate_limited"; // 429

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  invalid: 422,
  rate_limited: 429,
};

/** Field path → first message, e.g. { "ballots.0.weights.security": "Expected number" }. */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "(root)";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** A zod failure as an AppError whose message names the fields, ready for any caller. */
export function invalidInput(error: ZodError, what = "input"): AppError {
  const fields = fieldErrorsOf(error);
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
  return new AppError("invalid", `Invalid ${what}: ${summary}`, fields);
}

/** Parses `data` with `schema` or throws an AppError naming the failing fields. */
export function parseOrThrow<T>(
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  data: unknown,
  what?: string,
): T {
  const result = schema.safeParse(data);
  if (!result.success) throw invalidInput(result.error, what);
  return result.data;
}
