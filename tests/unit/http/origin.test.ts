import { describe, expect, it } from "vitest";
import { isSameOrigin, servedOverHttps } from "@/lib/http/origin";

const request = (headers: Record<string, string>, url = "http://app.example:3000/api/v1/x") => ({ url, headers: new Headers(headers) });

describe("the origin check for cookie-authenticated mutations", () => {
  it("accepts the site's own origin", () => {
    expect(isSameOrigin(request({ host: "app.example:3000", origin: "http://app.example:3000" }), false)).toBe(true);
  });

  it("refuses another scheme or port on the same host", () => {
    expect(isSameOrigin(request({ host: "app.example:3000", origin: "https://app.example:3000" }), false)).toBe(false);
    expect(isSameOrigin(request({ host: "app.example:3000", origin: "http://app.example:4000" }), false)).toBe(false);
    expect(isSameOrigin(request({ host: "app.example:3000", origin: "http://evil.example:3000" }), false)).toBe(false);
  });

  it("ignores forwarded headers unless the proxy is trusted", () => {
    const forwarded = {
      host: "10.0.0.5:3000",
      origin: "https://decide.example",
      "x-forwarded-host": "decide.example",
      "x-forwarded-proto": "https",
    };
    expect(isSameOrigin(request(forwarded), false)).toBe(false);
    expect(isSameOrigin(request(forwarded), true)).toBe(true);
    // A forged forwarded host still has to match the browser's Origin.
    expect(isSameOrigin(request({ ...forwarded, origin: "https://evil.example" }), true)).toBe(false);
  });

  it("falls back to Sec-Fetch-Site and refuses requests that say nothing", () => {
    expect(isSameOrigin(request({ host: "app.example:3000", "sec-fetch-site": "same-origin" }), false)).toBe(true);
    expect(isSameOrigin(request({ host: "app.example:3000", "sec-fetch-site": "cross-site" }), false)).toBe(false);
    expect(isSameOrigin(request({ host: "app.example:3000" }), false)).toBe(false);
    expect(isSameOrigin(request({ host: "app.example:3000", origin: "null" }), false)).toBe(false);
  });
});

describe("HSTS", () => {
  it("is sent for https, and for a trusted proxy's https, never for plain http", () => {
    expect(servedOverHttps(request({ host: "decide.example" }, "https://decide.example/"), false)).toBe(true);
    expect(servedOverHttps(request({ host: "app.example:3000" }), false)).toBe(false);
    const proxied = request({ host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "decide.example" });
    expect(servedOverHttps(proxied, false)).toBe(false);
    expect(servedOverHttps(proxied, true)).toBe(true);
  });
});
