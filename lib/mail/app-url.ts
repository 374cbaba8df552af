import "server-only";

/**
 * Absolute links in email are built from the configured AUTH_URL, never from the request's Host
 * header: a forged Host would otherwise plant the attacker's site in a password-reset email.
 */
export function appUrl(path: string): string {
  const base = process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}
