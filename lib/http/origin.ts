/**
 * CSRF defence for cookie-authenticated mutations: the browser's Origin (or, failing that,
 * Sec-Fetch-Site) must name this very site: same scheme, host and port. Forwarded headers describe
 * the site only behind a proxy we were told to trust (TRUST_PROXY), since anyone can send them.
 * Requests with neither header are refused.
 */
export function isSameOrigin(request: { url: string; headers: Headers }, trustProxy = isTruthy(process.env.TRUST_PROXY)): boolean {
  const origin = request.headers.get("origin");
  if (origin) {
    try {
      return new URL(origin).origin === siteOrigin(request, trustProxy);
    } catch {
      return false;
    }
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}

/** The origin this request was addressed to, as the browser saw it. */
function siteOrigin(request: { url: string; headers: Headers }, trustProxy: boolean): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  if (trustProxy) {
    const forwardedHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    return new URL(`${forwardedProto ?? url.protocol.replace(":", "")}://${forwardedHost ?? host}`).origin;
  }
  return new URL(`${url.protocol}//${host}`).origin;
}

function isTruthy(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** HSTS for responses served over https (directly, or behind a trusted TLS-terminating proxy). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

export function servedOverHttps(request: { url: string; headers: Headers }, trustProxy = isTruthy(process.env.TRUST_PROXY)): boolean {
  return new URL(siteOrigin(request, trustProxy)).protocol === "https:";
}
