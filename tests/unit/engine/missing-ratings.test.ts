// Issue 14, finding 8: a missing rating is an error naming the option and criterion (exit 2 from
// `score`), unless the input says how to treat it; never silently the worst score.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { computeReport, parseEngineInput, type EngineInput } from "@/lib/engine";
import { repoRoot } from "../catalog/seeds";

const input = (extra: Partial<EngineInput> = {}): EngineInput => ({
  options: [
    { id: "django", name: "Django" },
    { id: "flask", name: "Flask" },
  ],
  criteria: [
    { id: "security", name: "Security" },
    { id: "speed", name: "Speed" },
  ],
  // Flask has no security rating at all.
  ratings: { django: { security: 6, speed: 4 }, flask: { speed: 6 } },
  ballots: [{ voter: "u1", method: "points", weights: { security: 50, speed: 50 } }],
  samples: 200,
  ...extra,
});

function score(text: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "npx",
      ["tsx", "--conditions=react-server", "cli/index.ts", "score", "--input", "-"],
      { cwd: repoRoot, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(text);
  });
}

describe("missing ratings (issue 14, finding 8)", () => {
  it("are an input error naming the option and the criterion", () => {
    expect(() => parseEngineInput(input())).toThrow(/ratings\.flask\.security: .*Flask.*Security/);
  });

  it("make the engine refuse to score rather than count them as 0", () => {
    expect(() => computeReport(input())).toThrow(/Flask.*Security/);
  });

  it("count as 0 or as the midpoint 5 when the input says so", () => {
    const zero = computeReport(parseEngineInput(input({ missingRatings: "zero" })));
    expect(zero.ranking.find((r) => r.option === "flask")!.score).toBeCloseTo(3, 12);
    const midpoint = computeReport(parseEngineInput(input({ missingRatings: "midpoint" })));
    expect(midpoint.ranking.find((r) => r.option === "flask")!.score).toBeCloseTo(5.5, 12);
    expect(midpoint.ranking[0].option).toBe("flask");
  });

  it("make `score` exit 2 with a message naming them", async () => {
    const run = await score(JSON.stringify(input()));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/flask/);
    expect(run.stderr).toMatch(/security/);
    expect(run.stdout).toBe("");
  });
});
