// The generic shape of a knowledge base: options (frameworks), criteria, and a rating of every
// option on every criterion with its evidence. Teams extend the built-in catalog with their own
// frameworks and criteria, so nothing here is specific to Django or Flask.
import { z } from "zod";

/** Ids are kebab-case so they are safe as URL segments, JSON keys and CSV headers alike. */
export const IdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (lowercase letters, digits and single dashes)");

/** Where a claim comes from: any source string (a file name, a URL, "team workshop") and its words. */
export const CitationSchema = z.object({
  source: z.string().trim().min(1, "source must not be empty"),
  quote: z.string().trim().min(1, "quote must not be empty"),
  /** a team's own source (issue 15): the article's title, and its https address to link to */
  title: z.string().trim().min(1, "title must not be empty").optional(),
  url: z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: "url must be an https:// web address" }).optional(),
});

export const CriterionSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1),
  description: z.string().trim().min(1),
});

export const OptionSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1),
  summary: z.string().trim().min(1),
});

export const RatingSchema = z.object({
  score: z.number().min(0, "score must be 0-10").max(10, "score must be 0-10"),
  rationale: z.string().trim().min(1, "rationale must not be empty"),
  citations: z.array(CitationSchema).default([]),
});

/** ratings[optionId][criterionId] */
export const RatingsSchema = z.record(z.string(), z.record(z.string(), RatingSchema));

const CatalogShape = z.object({
  criteria: z.array(CriterionSchema).min(1),
  options: z.array(OptionSchema).min(1),
  ratings: RatingsSchema,
});

/**
 * A complete catalog: ids unique, and every option rated on every criterion (a missing rating would
 * silently count as 0 in a weighted sum), with no ratings for ids that do not exist.
 */
export const CatalogSchema = CatalogShape.superRefine((catalog, ctx) => {
  reportDuplicates(
    catalog.criteria.map((c) => c.id),
    ["criteria"],
    ctx,
  );
  reportDuplicates(
    catalog.options.map((o) => o.id),
    ["options"],
    ctx,
  );
  const criterionIds = new Set(catalog.criteria.map((c) => c.id));
  const optionIds = new Set(catalog.options.map((o) => o.id));
  for (const option of optionIds) {
    for (const criterion of criterionIds) {
      if (!catalog.ratings[option]?.[criterion]) {
        ctx.addIssue({ code: "custom", path: ["ratings", option, criterion], message: "rating is missing" });
      }
    }
  }
  for (const [option, byCriterion] of Object.entries(catalog.ratings)) {
    if (!optionIds.has(option)) {
      ctx.addIssue({ code: "custom", path: ["ratings", option], message: "rates an option that is not in options" });
      continue;
    }
    for (const criterion of Object.keys(byCriterion)) {
      if (!criterionIds.has(criterion)) {
        ctx.addIssue({
          code: "custom",
          path: ["ratings", option, criterion],
          message: "rates a criterion that is not in criteria",
        });
      }
    }
  }
});

function reportDuplicates(ids: string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: [...path, index, "id"], message: `duplicate id "${id}"` });
    seen.add(id);
  });
}

export type Citation = z.infer<typeof CitationSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type Rating = z.infer<typeof RatingSchema>;
export type Ratings = z.infer<typeof RatingsSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
/** What callers may pass in: citations may be left out of a custom rating. */
export type CatalogInput = z.input<typeof CatalogSchema>;
