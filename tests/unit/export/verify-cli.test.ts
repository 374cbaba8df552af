import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatRecordJson } from "@/lib/export/integrity";
import { decidedRecord } from "./fixtures";

// Runs the real CLI, as a user's script would, to check output and exit codes end to end.
const root = path.resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

function verify(...args: string[]) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "cli/index.ts", "verify", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("cli verify", () => {
  const exported = formatRecordJson(decidedRecord());
  const sha256 = JSON.parse(exported).integrity.sha256;

  it("prints { valid: true, sha256 } and exits 0 for an untouched export", () => {
    const result = verify(file("record.json", exported));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, sha256 });
  });

  it("prints valid: false and exits 1 after a ballot weight changed", () => {
    const json = JSON.parse(exported);
    json.ballots[0].weights.security = 41;
    const result = verify(file("tampered.json", JSON.stringify(json)));
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.valid).toBe(false);
    expect(output.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(output.sha256).not.toBe(sha256);
  });

  it("exits 2 with a message naming the field for a malformed record", () => {
    const json = JSON.parse(exported);
    delete json.evaluation.title;
    const result = verify(file("malformed.json", JSON.stringify(json)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/evaluation\.title/);
    expect(result.stdout).toBe("");
  });

  it("exits 2 for a file that is not JSON or cannot be read", () => {
    expect(verify(file("not-json.json", "{ nope")).code).toBe(2);
    expect(verify(path.join(dir, "missing.json")).code).toBe(2);
  });
});
