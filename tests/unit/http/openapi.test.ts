import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { RECORD_FILES } from "@/lib/http/params";

const API_ROOT = path.resolve(__dirname, "../../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Parameter folders that stand for a fixed set of names rather than an id. */
const ENUMERATED_SEGMENTS: Record<string, readonly string[]> = { "[record]": RECORD_FILES };

/** Every route file under app/api/v1 as the OpenAPI paths and methods it serves. */
function routesOnDisk(): { path: string; method: string }[] {
  const routes: { path: string; method: string }[] = [];
  const walk = (dir: string, segments: string[][]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const names = ENUMERATED_SEGMENTS[entry.name] ?? [entry.name.replace(/^\[(\w+)\]$/, "{$1}")];
        walk(full, [...segments, [...names]]);
      } else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
        const paths = segments.reduce<string[]>((acc, names) => acc.flatMap((p) => names.map((n) => `${p}/${n}`)), [""]);
        for (const p of paths) for (const method of methods) routes.push({ path: p, method: method.toLowerCase() });
      }
    }
  };
  walk(API_ROOT, []);
  return routes;
}

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };

  it("is a valid OpenAPI 3.1 document whose references all resolve", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("describes every route under app/api/v1", () => {
    const routes = routesOnDisk();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((r) => !document.paths[r.path]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it("describes no route that does not exist", () => {
    const served = new Set(routesOnDisk().map((r) => `${r.method} ${r.path}`));
    const documented = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.filter((op) => !served.has(op))).toEqual([]);
  });

  it("embeds no JSON Schema dialect or local $defs that would not resolve inside OpenAPI", () => {
    const text = JSON.stringify(document);
    expect(text.includes('"#/$defs/')).toBe(false);
    expect(text.includes('"$schema"')).toBe(false);
  });
});
