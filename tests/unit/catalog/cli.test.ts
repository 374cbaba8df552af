// The `recommend` and `catalog` commands as users run them: a child process, JSON on stdout,
// exit code 2 for bad input (docs/CONTRACTS.md).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./seeds";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "--conditions=react-server", "cli/index.ts", ...args],
      { cwd: repoRoot, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-catalog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function profileFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe("cli recommend", () => {
  it("prints weights summing to 1, cited explanations and a ranking", async () => {
    const file = profileFile(
      "ml.json",
      JSON.stringify({ projectSize: "small", timeline: "normal", teamExperience: "intermediate", teamSize: 2, needs: ["ml-serving"] }),
    );
    const run = await cli("recommend", "--profile", file);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.values(out.weights as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(out.explanations.length).toBeGreaterThan(0);
    for (const e of out.explanations) {
      expect(typeof e.criterion).toBe("string");
      expect(typeof e.reason).toBe("string");
      // the contract's source and quote, plus the article's title for display (issue 14, finding 6)
      for (const c of e.citations) expect(Object.keys(c).sort()).toEqual(["quote", "source", "title"]);
      expect(["django", "flask"]).toContain(e.favours);
      expect(e.shift).toBeGreaterThan(0);
    }
    expect(out.ranking.map((r: { option: string }) => r.option)).toEqual(["flask", "django"]);
    for (const r of out.ranking) expect(Object.keys(r).sort()).toEqual(["option", "rank", "score"]);
  });

  it("prints readable, cited advice with --format text: verdict, starting point, reasons with titles", async () => {
    const file = profileFile(
      "neutral.json",
      JSON.stringify({ projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: ["blog-forum"] }),
    );
    const run = await cli("recommend", "--profile", file, "--format", "text");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Profile: medium project/);
    expect(run.stdout).toMatch(/Starting point:/);
    expect(run.stdout).toMatch(/\[towards Flask by \d\.\d\d points\]/);
    expect(run.stdout).toMatch(/The other side \(towards Django\)/);
    expect(run.stdout).toContain("(Django vs Flask: when to use which (Citrusbug))");
    expect(run.stdout).not.toMatch(/\.txt/);
    expect((await cli("recommend", "--profile", file, "--format", "yaml")).code).toBe(2);
  });

  it("exits 2 naming the field for an invalid profile", async () => {
    const file = profileFile(
      "bad.json",
      JSON.stringify({ projectSize: "huge", timeline: "normal", teamExperience: "intermediate", teamSize: 2, needs: [] }),
    );
    const run = await cli("recommend", "--profile", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/projectSize/);
    expect(run.stdout).toBe("");
  });

  it("exits 2 for a file that is not JSON and for a missing --profile", async () => {
    expect((await cli("recommend", "--profile", profileFile("broken.json", "{ not json"))).code).toBe(2);
    expect((await cli("recommend")).code).toBe(2);
  });
});

describe("cli catalog", () => {
  it("prints exactly criteria and options with their ratings", async () => {
    const run = await cli("catalog");
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out).sort()).toEqual(["criteria", "options"]);
    for (const c of out.criteria) expect(Object.keys(c).sort()).toEqual(["description", "id", "name"]);
    for (const o of out.options) {
      expect(Object.keys(o).sort()).toEqual(["id", "name", "ratings", "summary"]);
      expect(Object.keys(o.ratings)).toEqual(out.criteria.map((c: { id: string }) => c.id));
      for (const r of Object.values(o.ratings) as Record<string, unknown>[]) {
        expect(Object.keys(r).sort()).toEqual(["citations", "rationale", "score"]);
      }
    }
  });
});
