// Validation at the boundary: a catalog (built-in or a team's extension) is checked by zod before
// anyone ranks with it, so a broken entry fails loudly instead of skewing a recommendation.
import type { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { CatalogSchema, type Catalog, type CatalogInput, type Criterion, type Option, type Ratings } from "./schema";

/** Validates a catalog; throws AppError("invalid") naming the broken entries. */
export function parseCatalog(input: unknown): Catalog {
  return parseOrThrow(CatalogSchema, input, "catalog");
}

/** Validates with a stricter schema (e.g. the built-in catalog's citation rules). */
export function parseCatalogWith<S extends z.ZodType<Catalog>>(schema: S, input: unknown): Catalog {
  return parseOrThrow(schema, input, "catalog");
}

export interface CatalogExtension {
  criteria?: Criterion[];
  options?: Option[];
  /** ratings[optionId][criterionId]: new options on every criterion, every option on new criteria. */
  ratings?: CatalogInput["ratings"];
}

/**
 * A team's evaluation adds frameworks and criteria to a catalog. The result must again be complete
 * (every option rated on every criterion), so a half-added framework is rejected, not ranked.
 * Ratings given for an existing option/criterion pair replace the base rating.
 */
export function extendCatalog(base: Catalog, extension: CatalogExtension): Catalog {
  const ratings: Ratings = {};
  for (const [option, byCriterion] of Object.entries(base.ratings)) ratings[option] = { ...byCriterion };
  for (const [option, byCriterion] of Object.entries(extension.ratings ?? {})) {
    ratings[option] = { ...ratings[option], ...(byCriterion as Ratings[string]) };
  }
  return parseCatalog({
    criteria: [...base.criteria, ...(extension.criteria ?? [])],
    options: [...base.options, ...(extension.options ?? [])],
    ratings,
  });
}
