/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeReturnPath(next: string | null | undefined, fallback = "/teams"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
