import "server-only";

/**
 * The client address a request came from, for sign-in limits. Next.js puts the socket address in
 * `x-forwarded-for` only when the request has none, so a direct client can claim any address:
 * the header is trusted only with TRUST_PROXY=N (N reverse proxies that append to it, e.g. 1 for
 * nginx in front), taking the entry N from the right. Without it, the per-address limits key on
 * what the header says; the per-account backoff (lib/auth/throttle-policy.ts) still bounds guessing.
 */
export function clientAddress(headers: Headers | undefined): string {
  const chain = (headers?.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const hops = Number(process.env.TRUST_PROXY ?? 0);
  const index = Number.isInteger(hops) && hops > 0 ? Math.max(0, chain.length - hops) : chain.length - 1;
  return chain[index].slice(0, 100);
}
