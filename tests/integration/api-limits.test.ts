import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createTeamWithRoles } from "../support/factories";
import { createEvaluation } from "@/lib/domain/evaluations";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { createApiToken } from "@/lib/domain/api-tokens";
import { POST as castBallotRoute } from "@/app/api/v1/evaluations/[id]/ballots/route";
import { POST as commentRoute } from "@/app/api/v1/evaluations/[id]/comments/route";
import { LIMITS } from "@/lib/limits";

// Every API body has a size limit named in lib/limits.ts: over it, a 413 that says so, and nothing stored.

async function setUp() {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.member, t.teamId, { title: "Limits", template: "django-flask" });
  await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
  const { token } = await createApiToken(t.member, { name: "test" });
  return { evaluationId: evaluation.id, token };
}

function post(url: string, token: string, body: string, headers: Record<string, string> = {}) {
  return new NextRequest(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body,
  });
}

describe("request body limits", () => {
  it("refuses a ballot body over its limit with 413, declared or not, storing nothing", async () => {
    const { evaluationId, token } = await setUp();
    const huge = JSON.stringify({
      method: "pairwise",
      comparisons: Array.from({ length: 5000 }, (_, i) => ({ a: `c${i}`, b: `d${i}`, value: 3 })),
    });
    expect(huge.length).toBeGreaterThan(LIMITS.bodyBytes.ballot);
    const params = { params: Promise.resolve({ id: evaluationId }) };

    const declared = await castBallotRoute(post(`http://localhost/api/v1/evaluations/${evaluationId}/ballots`, token, huge), params);
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toMatchObject({ code: "too_large", message: expect.stringContaining("64 KiB") });

    // A body that does not declare its length is cut off once it passes the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    // Node's fetch needs duplex "half" for a streamed body; Next's RequestInit type does not list it.
    const init = { method: "POST", headers: { authorization: `Bearer ${token}` }, body: stream, duplex: "half" };
    const undeclared = new NextRequest(
      `http://localhost/api/v1/evaluations/${evaluationId}/ballots`,
      init as ConstructorParameters<typeof NextRequest>[1],
    );
    expect((await castBallotRoute(undeclared, params)).status).toBe(413);
    expect(await db.ballot.count({ where: { evaluationId } })).toBe(0);
  });

  it("refuses a comment body over its limit with 413, and a lone surrogate anywhere with 422 naming the field", async () => {
    const { evaluationId, token } = await setUp();
    const params = { params: Promise.resolve({ id: evaluationId }) };
    const url = `http://localhost/api/v1/evaluations/${evaluationId}/comments`;
    const big = await commentRoute(post(url, token, JSON.stringify({ body: "x".repeat(LIMITS.bodyBytes.comment) })), params);
    expect(big.status).toBe(413);
    const broken = await commentRoute(post(url, token, '{"body":"ok","targetKey":"\\ud800"}'), params);
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.fields).toEqual({ targetKey: "Contains a lone surrogate" });
    expect(await db.comment.count({ where: { evaluationId } })).toBe(0);
    const fine = await commentRoute(post(url, token, JSON.stringify({ body: "Looks good 👍" })), params);
    expect(fine.status).toBe(201);
    expect(fine.headers.get("cache-control")).toBe("no-store");
  });
});
