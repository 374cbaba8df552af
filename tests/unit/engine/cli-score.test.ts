// `score` as users run it (docs/CONTRACTS.md): a child process reading the engine input,
// printing the report. Ids named like Object.prototype properties must score like any other.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../catalog/seeds";

function score(input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "npx",
      ["tsx", "--conditions=react-server", "cli/index.ts", "score", "--input", "-"],
      { cwd: repoRoot, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe("cli score", () => {
  it('scores a "constructor" criterion and a "__proto__" option like any other', async () => {
    // As text: in a JS object literal "__proto__" would set the prototype instead of a key.
    const run = await score(`{
      "options": [{ "id": "__proto__", "name": "Proto" }, { "id": "flask", "name": "Flask" }],
      "criteria": [{ "id": "constructor", "name": "Constructor" }, { "id": "speed", "name": "Speed" }],
      "ratings": { "__proto__": { "constructor": 9, "speed": 2 }, "flask": { "constructor": 3, "speed": 8 } },
      "ballots": [
        { "voter": "u1", "method": "likert", "weights": { "speed": 5 } },
        { "voter": "u2", "method": "points", "weights": { "constructor": 60, "speed": 40 } }
      ],
      "samples": 200
    }`);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    // mean of (0, 1) and (0.6, 0.4); before the fix the likert ballot's missing "constructor"
    // read Object.prototype.constructor, the weights became NaN and fell back to equal.
    expect(report.weights.constructor).toBeCloseTo(0.3, 12);
    expect(report.weights.speed).toBeCloseTo(0.7, 12);
    expect(report.ranking.map((r: { option: string }) => r.option)).toEqual(["flask", "__proto__"]);
    expect(report.ranking[0].score).toBeCloseTo(3 * 0.3 + 8 * 0.7, 12);
    expect(report.ranking[1].score).toBeCloseTo(9 * 0.3 + 2 * 0.7, 12);
    expect(report.excludedBallots).toEqual([]);
  });
});
