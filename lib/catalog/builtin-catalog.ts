// The built-in Django-vs-Flask knowledge base, assembled from the per-criterion rating files and
// validated once on first use. Stricter than a team's catalog: every rating cites a source article
// (one of SOURCES) with a short verbatim quote.
import { CRITERIA } from "./criteria";
import { OPTIONS } from "./options";
import { parseCatalogWith } from "./parse-catalog";
import { COMMUNITY_RATINGS } from "./ratings/community";
import { DEVELOPMENT_RATINGS } from "./ratings/development";
import { FEATURE_RATINGS } from "./ratings/features";
import { RUNTIME_RATINGS } from "./ratings/runtime";
import type { CriterionRatings } from "./ratings/types";
import { CatalogSchema, type Catalog, type Ratings } from "./schema";
import { isSourceFile } from "./sources";

/** Quotes are evidence, not copies of the articles: a sentence or two, enough to stand alone. */
export const MAX_QUOTE_LENGTH = 280;

const ALL_RATINGS: CriterionRatings[] = [...DEVELOPMENT_RATINGS, ...FEATURE_RATINGS, ...RUNTIME_RATINGS, ...COMMUNITY_RATINGS];

export const BuiltinCatalogSchema = CatalogSchema.superRefine((catalog, ctx) => {
  for (const [option, byCriterion] of Object.entries(catalog.ratings)) {
    for (const [criterion, rating] of Object.entries(byCriterion)) {
      const path = ["ratings", option, criterion];
      if (rating.citations.length === 0) {
        ctx.addIssue({ code: "custom", path: [...path, "citations"], message: "cite at least one source" });
      }
      rating.citations.forEach((citation, i) => {
        if (!isSourceFile(citation.source)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "citations", i, "source"],
            message: `unknown source "${citation.source}"`,
          });
        }
        if (citation.quote.length > MAX_QUOTE_LENGTH) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "citations", i, "quote"],
            message: `quote is longer than ${MAX_QUOTE_LENGTH} characters`,
          });
        }
      });
    }
  }
});

/** Turns per-criterion authoring (both frameworks side by side) into ratings[option][criterion]. */
export function ratingsByOption(rows: CriterionRatings[]): Ratings {
  const ratings: Ratings = { django: {}, flask: {} };
  for (const row of rows) {
    ratings.django[row.criterion] = row.django;
    ratings.flask[row.criterion] = row.flask;
  }
  return ratings;
}

/** The raw built-in data, before validation; exported so tests can break it on purpose. */
export function builtinCatalogData(): Catalog {
  return {
    criteria: CRITERIA.map((c) => ({ ...c })),
    options: OPTIONS.map((o) => ({ ...o })),
    ratings: ratingsByOption(ALL_RATINGS),
  };
}

let cached: Catalog | undefined;

/** The validated built-in catalog. Callers get a fresh copy, so mutating it cannot poison the cache. */
export function getCatalog(): Catalog {
  cached ??= parseCatalogWith(BuiltinCatalogSchema, builtinCatalogData());
  return structuredClone(cached);
}
