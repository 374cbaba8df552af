import { isSameOrigin } from "@/lib/http/origin";

/** Next's default `serverActions.bodySizeLimit` (1 MB): larger bodies would fail inside Next as a 500. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Server-action POSTs (they carry a `Next-Action` header) that Next would refuse with a 500 are
 * answered here, in proxy.ts, with the right 4xx: a foreign Origin is 403 (Next's own CSRF check
 * stays on behind this), a declared body over the limit is 413, a missing or malformed action id 400.
 */
export function refuseMalformedServerAction(request: { method: string; url: string; headers: Headers }): Response | null {
  const action = request.headers.get("next-action");
  if (request.method !== "POST" || action === null) return null;
  const refuse = (status: number, message: string) =>
    new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  if (!isSameOrigin(request)) return refuse(403, "Cross-site request refused.");
  if (!/^[0-9a-f]{2,128}$/i.test(action)) return refuse(400, "Malformed server action request.");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > SERVER_ACTION_BODY_LIMIT) return refuse(413, "The request body is too large.");
  return null;
}
