/**
 * CSRF defence for cookie-authenticated mutations: the browser's Origin (or, failing that,
 * Sec-Fetch-Site) must say the request comes from this site. Requests with neither are refused.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return headers.get("sec-fetch-site") === "same-origin";
}
