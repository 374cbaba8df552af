// Every built-in rating grouped by the article it cites, for the Sources page: a reader can check
// each rating against the words it rests on.
import type { Catalog } from "@/lib/catalog/schema";
import { SOURCE_FILES, type SourceFile } from "@/lib/catalog/sources";

export interface CitingRating {
  option: string;
  criterion: string;
  score: number;
  quote: string;
}

/** The ratings citing each source, in the catalog's option then criterion order; a rating quoting an article twice appears twice. */
export function ratingsBySource(catalog: Catalog): Record<SourceFile, CitingRating[]> {
  const result = Object.fromEntries(SOURCE_FILES.map((file) => [file, [] as CitingRating[]])) as Record<SourceFile, CitingRating[]>;
  for (const option of catalog.options) {
    for (const criterion of catalog.criteria) {
      const rating = catalog.ratings[option.id]?.[criterion.id];
      for (const citation of rating?.citations ?? []) {
        const list = result[citation.source as SourceFile];
        if (list) list.push({ option: option.name, criterion: criterion.name, score: rating!.score, quote: citation.quote });
      }
    }
  }
  return result;
}
