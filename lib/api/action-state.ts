import type { FieldErrors } from "@/lib/errors";

/**
 * What a server action returns to its form (lib/http/action.ts makes it; the form components read
 * it): field errors name the inputs that were wrong, and `values` echoes what was typed.
 */
export type ActionState<T = unknown> =
  { ok: true; data?: T; message?: string } | { ok: false; message: string; fields?: FieldErrors; values?: Record<string, string> } | null;
