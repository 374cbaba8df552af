import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  builtinCatalogData,
  BuiltinCatalogSchema,
  djangoOrFlaskTemplate,
  extendCatalog,
  getCatalog,
  isSourceFile,
  MAX_QUOTE_LENGTH,
  parseCatalog,
  recommend,
  sourceTitle,
  type Catalog,
  type Rating,
} from "@/lib/catalog";
import { parseCatalogWith } from "@/lib/catalog/parse-catalog";
import { repoRoot } from "./seeds";

/** The dimensions the issue requires the catalog to cover. */
const REQUIRED_CRITERIA = [
  "learning-curve",
  "full-featured-speed",
  "prototyping-speed",
  "flexibility",
  "built-in-features",
  "orm-database",
  "migrations",
  "admin-interface",
  "auth-permissions",
  "built-in-security",
  "performance-footprint",
  "scalability",
  "structure-conventions",
  "templating",
  "ecosystem-community",
  "documentation",
  "api-microservices",
  "ml-data-tools",
  "maintenance-cost",
  "async-support",
];

function expectInvalid(fn: () => unknown, field: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    expect(Object.keys((error as AppError).fields ?? {})).toContain(field);
    return;
  }
  expect.fail(`expected an invalid-input error naming ${field}`);
}

const parseBuiltin = (data: Catalog) => parseCatalogWith(BuiltinCatalogSchema, data);

describe("built-in catalog", () => {
  const catalog = getCatalog();

  it("has at least 16 criteria covering every dimension the sources compare", () => {
    expect(catalog.criteria.length).toBeGreaterThanOrEqual(16);
    const ids = catalog.criteria.map((c) => c.id);
    for (const id of REQUIRED_CRITERIA) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("rates Django and Flask on every criterion with a score, a one-line rationale and a citation", () => {
    expect(catalog.options.map((o) => o.id)).toEqual(["django", "flask"]);
    for (const option of ["django", "flask"]) {
      for (const { id } of catalog.criteria) {
        const rating: Rating = catalog.ratings[option][id];
        expect(rating, `${option}/${id}`).toBeDefined();
        expect(Number.isInteger(rating.score) && rating.score >= 0 && rating.score <= 10).toBe(true);
        expect(rating.rationale).not.toMatch(/\n/);
        expect(rating.rationale.length).toBeLessThanOrEqual(160);
        expect(rating.citations.length).toBeGreaterThanOrEqual(1);
        for (const c of rating.citations) {
          expect(isSourceFile(c.source), c.source).toBe(true);
          expect(c.quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
        }
      }
    }
  });

  it("cites both sides where the sources disagree", () => {
    const contested = [
      ["flask", "ecosystem-community", ["000_fded704e0db993ac.txt", "004_2e780fe2fc99504a.txt"]],
      ["flask", "performance-footprint", ["000_fded704e0db993ac.txt", "002_338165f8a9af4819.txt"]],
      ["django", "orm-database", ["000_fded704e0db993ac.txt", "001_65b7caba0eee45b3.txt"]],
      ["flask", "documentation", ["002_338165f8a9af4819.txt", "004_2e780fe2fc99504a.txt"]],
      ["flask", "maintenance-cost", ["000_fded704e0db993ac.txt", "004_2e780fe2fc99504a.txt"]],
      // issue 14, finding 4: Flask "simpler, faster to develop" vs Django faster for full apps;
      // Django for startup MVPs vs Flask for prototypes.
      ["flask", "full-featured-speed", ["000_fded704e0db993ac.txt", "004_2e780fe2fc99504a.txt"]],
      ["django", "prototyping-speed", ["000_fded704e0db993ac.txt", "002_338165f8a9af4819.txt"]],
    ] as const;
    for (const [option, criterion, sides] of contested) {
      const rating = catalog.ratings[option][criterion];
      const cited = rating.citations.map((c) => c.source);
      for (const side of sides) expect(cited, `${option}/${criterion}`).toContain(side);
      expect(rating.rationale, `${option}/${criterion}`).toMatch(/disagree|some sources|one source|others|counters/i);
    }
  });

  it("hands out copies, so a caller's mutation cannot change the next caller's catalog", () => {
    const first = getCatalog();
    first.ratings.django["built-in-security"].score = 0;
    first.criteria.pop();
    const second = getCatalog();
    expect(second.ratings.django["built-in-security"].score).toBe(9);
    expect(second.criteria.length).toBe(catalog.criteria.length);
  });

  it("is pure: lib/catalog imports nothing from node", () => {
    const dir = path.join(repoRoot, "lib", "catalog");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), "utf8");
      expect(text, file).not.toMatch(/from\s+["'](node:|fs["']|path["'])/);
    }
  });
});

describe("a broken catalog entry fails loudly", () => {
  it("accepts the built-in data as is", () => {
    expect(() => parseBuiltin(builtinCatalogData())).not.toThrow();
  });

  it("rejects a missing rating", () => {
    const data = builtinCatalogData();
    delete data.ratings.flask.migrations;
    expectInvalid(() => parseBuiltin(data), "ratings.flask.migrations");
  });

  it("rejects a score outside 0-10", () => {
    const data = builtinCatalogData();
    data.ratings.django.scalability.score = 11;
    expectInvalid(() => parseBuiltin(data), "ratings.django.scalability.score");
  });

  it("rejects a built-in rating without a citation, with an unknown source or an overlong quote", () => {
    const noCitation = builtinCatalogData();
    noCitation.ratings.django.routing.citations = [];
    expectInvalid(() => parseBuiltin(noCitation), "ratings.django.routing.citations");

    const unknownSource = builtinCatalogData();
    unknownSource.ratings.flask.routing.citations[0].source = "blog.txt";
    expectInvalid(() => parseBuiltin(unknownSource), "ratings.flask.routing.citations.0.source");

    const longQuote = builtinCatalogData();
    longQuote.ratings.flask.routing.citations[0].quote = "x".repeat(MAX_QUOTE_LENGTH + 1);
    expectInvalid(() => parseBuiltin(longQuote), "ratings.flask.routing.citations.0.quote");
  });

  it("rejects duplicate and non-kebab-case ids and ratings for unknown criteria", () => {
    const duplicate = builtinCatalogData();
    duplicate.criteria.push({ ...duplicate.criteria[0] });
    expectInvalid(() => parseBuiltin(duplicate), `criteria.${duplicate.criteria.length - 1}.id`);

    const badId = builtinCatalogData();
    badId.criteria[0].id = "Learning Curve";
    expectInvalid(() => parseBuiltin(badId), "criteria.0.id");

    const stray = builtinCatalogData();
    stray.ratings.django["no-such-criterion"] = { score: 5, rationale: "x", citations: [] };
    expectInvalid(() => parseBuiltin(stray), "ratings.django.no-such-criterion");
  });
});

describe("extending the catalog with a team's own frameworks and criteria", () => {
  const teamRating = (score: number) => ({
    score,
    rationale: "Our spike last sprint",
    citations: [{ source: "team workshop 2026-11-02", quote: "it took a day" }],
  });

  it("adds a framework rated on every criterion and ranks it", () => {
    const base = getCatalog();
    const extended = extendCatalog(base, {
      options: [{ id: "fastapi", name: "FastAPI", summary: "Async-first API framework." }],
      ratings: { fastapi: Object.fromEntries(base.criteria.map((c) => [c.id, teamRating(10)])) },
    });
    expect(extended.options.map((o) => o.id)).toEqual(["django", "flask", "fastapi"]);
    const profile = { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: [] };
    const [first] = recommend(profile, extended).ranking;
    expect(first).toMatchObject({ option: "fastapi", rank: 1 });
    expect(first.score).toBeCloseTo(10, 9);
  });

  it("adds a criterion, with ratings that need no citation or cite any source", () => {
    const extended = extendCatalog(getCatalog(), {
      criteria: [{ id: "team-familiarity", name: "Team familiarity", description: "How well we know it." }],
      ratings: {
        django: { "team-familiarity": { score: 3, rationale: "Nobody has used it" } },
        flask: { "team-familiarity": teamRating(8) },
      },
    });
    expect(extended.ratings.django["team-familiarity"].citations).toEqual([]);
    const weights = recommend(
      { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: [] },
      extended,
    ).weights;
    expect(weights["team-familiarity"]).toBeGreaterThan(0);
  });

  it("rejects a framework that is not rated on every criterion", () => {
    expectInvalid(
      () =>
        extendCatalog(getCatalog(), {
          options: [{ id: "fastapi", name: "FastAPI", summary: "Async-first API framework." }],
          ratings: { fastapi: { "learning-curve": teamRating(7) } },
        }),
      "ratings.fastapi.migrations",
    );
  });

  it("validates a catalog built from scratch", () => {
    const small = parseCatalog({
      criteria: [{ id: "cost", name: "Cost", description: "Licence cost" }],
      options: [{ id: "a", name: "A", summary: "Option A" }],
      ratings: { a: { cost: { score: 4, rationale: "Paid" } } },
    });
    expect(small.ratings.a.cost.citations).toEqual([]);
    expectInvalid(() => parseCatalog({ criteria: [], options: [], ratings: {} }), "criteria");
  });
});

describe("display helpers", () => {
  it("titles a built-in source and shows any other source as given", () => {
    expect(sourceTitle("004_2e780fe2fc99504a.txt")).toBe("Comparing Django and Flask: Key Distinctions");
    expect(sourceTitle("002_338165f8a9af4819.txt")).toContain("Citrusbug");
    expect(sourceTitle("team workshop")).toBe("team workshop");
  });

  it("builds the Django-or-Flask evaluation template from the catalog", () => {
    const template = djangoOrFlaskTemplate();
    const catalog = getCatalog();
    expect(template.title).toBe("Django or Flask");
    expect(template.problem.length).toBeGreaterThan(0);
    expect(template.options.map((o) => o.key)).toEqual(["django", "flask"]);
    expect(template.criteria.map((c) => c.key)).toEqual(catalog.criteria.map((c) => c.id));
    for (const option of template.options) {
      for (const criterion of template.criteria) {
        const rating = template.ratings[option.key][criterion.key];
        expect(Object.keys(rating).sort()).toEqual(["citations", "rationale", "score"]);
      }
    }
  });
});

// Issue 14, finding 3: claims the sources do not make.
describe("ratings say only what the sources say", () => {
  const catalog = getCatalog();
  const sources = (option: "django" | "flask", criterion: string) => catalog.ratings[option][criterion].citations;

  it("does not claim every source names prototyping as a Flask strength (003 never mentions it)", () => {
    expect(catalog.ratings.flask["prototyping-speed"].rationale).not.toMatch(/every source/i);
  });

  it("rates Django's learning curve on sentences about Django, not about Python", () => {
    for (const c of sources("django", "learning-curve")) expect(c.quote).toMatch(/Django/);
  });

  it("rates Flask's documentation on its mostly positive statements and cites them", () => {
    const flaskDocs = catalog.ratings.flask.documentation;
    expect(flaskDocs.score).toBeGreaterThanOrEqual(7);
    expect(flaskDocs.citations.map((c) => c.quote)).toEqual(
      expect.arrayContaining(["Flask’s documentation is concise and clear.", "Comprehensive documentation and active community"]),
    );
  });

  it("says where a rating is an inference without a direct source (Flask i18n, testing)", () => {
    expect(catalog.ratings.flask.internationalisation.rationale).toMatch(/no source/i);
    expect(catalog.ratings.django.testing.citations[0].quote).toMatch(/robust testing and continuous integration also benefit from Django/);
  });

  it("gives Django and Flask the same async score, since no article ranks them on it", () => {
    expect(catalog.ratings.django["async-support"].score).toBe(catalog.ratings.flask["async-support"].score);
  });
});
