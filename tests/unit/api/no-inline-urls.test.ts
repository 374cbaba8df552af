// The browser builds /api/v1 URLs only in lib/api/paths.ts: a component or page that spells one
// out would drift from the routes unnoticed. Route handlers (app/api) are the routes themselves.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const SOURCE = /\.(ts|tsx|js|jsx|mjs|mdx)$/;
const API_PREFIX = "/api/v1";

/** Source files under `dir` (skipping `excluded` folders) whose text contains the API prefix. */
function filesWithInlineApiUrls(dir: string, excluded: string[] = []): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!excluded.includes(full)) walk(full);
      } else if (SOURCE.test(entry.name) && readFileSync(full, "utf8").includes(API_PREFIX)) {
        found.push(path.relative(ROOT, full));
      }
    }
  };
  walk(dir);
  return found;
}

describe("no inline /api/v1 URLs outside lib/api/paths.ts", () => {
  it("none in components/", () => {
    expect(filesWithInlineApiUrls(path.join(ROOT, "components"))).toEqual([]);
  });

  it("none in app/ outside the route handlers in app/api", () => {
    expect(filesWithInlineApiUrls(path.join(ROOT, "app"), [path.join(ROOT, "app/api")])).toEqual([]);
  });

  // The check itself, on a scratch folder: it must see a URL that is there and skip an excluded folder.
  const scratch = mkdtempSync(path.join(tmpdir(), "no-inline-urls-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("finds a URL spelt out in a component, and skips excluded folders", () => {
    mkdirSync(path.join(scratch, "hooks"));
    mkdirSync(path.join(scratch, "api"));
    writeFileSync(path.join(scratch, "hooks/use-thing.ts"), "fetch(`/api/v1/evaluations/${id}`);\n");
    writeFileSync(path.join(scratch, "api/route.ts"), 'const self = "/api/v1/health";\n');
    writeFileSync(path.join(scratch, "clean.tsx"), 'import { apiPaths } from "@/lib/api/paths";\n');
    const found = filesWithInlineApiUrls(scratch, [path.join(scratch, "api")]);
    expect(found).toHaveLength(1);
    expect(found[0].endsWith(path.join("hooks", "use-thing.ts"))).toBe(true);
  });
});
