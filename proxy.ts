import { NextResponse, type NextRequest } from "next/server";
import { STRICT_TRANSPORT_SECURITY, servedOverHttps } from "@/lib/http/origin";
import { refuseMalformedServerAction } from "@/lib/http/action-guard";

// Proxy sets the Content-Security-Policy with a fresh nonce per request: Next streams inline
// scripts for hydration, and a nonce is the only way to allow them without 'unsafe-inline'.
// It does no authorization: every page and route checks membership itself (lib/domain/authorize).
export function proxy(request: NextRequest) {
  const refused = refuseMalformedServerAction(request);
  if (refused) return refused;
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Radix and the chart library position elements with inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
