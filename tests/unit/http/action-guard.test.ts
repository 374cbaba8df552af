import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT, refuseMalformedServerAction } from "@/lib/http/action-guard";

const ACTION = "002ba0a9f95d708f91e2fd972b1781688ec2a33fd8";
function post(headers: Record<string, string>) {
  return { method: "POST", url: "http://127.0.0.1:3000/settings", headers: new Headers({ host: "127.0.0.1:3000", ...headers }) };
}

describe("server-action guard", () => {
  it("lets same-origin actions and ordinary requests through", () => {
    expect(
      refuseMalformedServerAction(post({ "next-action": ACTION, origin: "http://127.0.0.1:3000", "content-length": "120" })),
    ).toBeNull();
    expect(refuseMalformedServerAction(post({ origin: "http://evil.example" }))).toBeNull();
    expect(refuseMalformedServerAction({ ...post({ "next-action": ACTION }), method: "GET" })).toBeNull();
  });

  it("answers a foreign Origin 403, an oversized body 413 and a malformed action id 400", () => {
    expect(refuseMalformedServerAction(post({ "next-action": ACTION, origin: "http://evil.example" }))?.status).toBe(403);
    expect(refuseMalformedServerAction(post({ "next-action": ACTION, origin: "https://127.0.0.1:3000" }))?.status).toBe(403);
    expect(
      refuseMalformedServerAction(
        post({ "next-action": ACTION, origin: "http://127.0.0.1:3000", "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) }),
      )?.status,
    ).toBe(413);
    expect(refuseMalformedServerAction(post({ "next-action": "../../etc", origin: "http://127.0.0.1:3000" }))?.status).toBe(400);
  });
});
