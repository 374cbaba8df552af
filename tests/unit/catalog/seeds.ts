// Where the source articles live for the verbatim-citation checks: ../shared/seeds next to the repo.
// Not a test file; imported by the tests that compare quotes with the articles.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** CATALOG_SEEDS_DIR exists only to exercise the skip/fail paths below; normally unset. */
export const seedsDir = process.env.CATALOG_SEEDS_DIR ?? path.resolve(repoRoot, "..", "shared", "seeds");
export const seedsPresent = existsSync(seedsDir);
/** In CI the articles must be there: a silently skipped citation check would prove nothing. */
export const seedsRequired = Boolean(process.env.CI);

/** Line breaks and indentation in the articles are layout, not wording. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const cache = new Map<string, string>();

export function readSeed(file: string): string {
  if (!cache.has(file)) cache.set(file, normaliseWhitespace(readFileSync(path.join(seedsDir, file), "utf8")));
  return cache.get(file)!;
}

export function quoteAppearsIn(quote: string, articleText: string): boolean {
  return normaliseWhitespace(articleText).includes(normaliseWhitespace(quote));
}

export const SEEDS_MISSING_MESSAGE = `source articles not found at ${seedsDir} (expected ../shared/seeds next to the repository)`;

if (!seedsPresent && !seedsRequired) {
  console.warn(`SKIPPED citation checks against the articles: ${SEEDS_MISSING_MESSAGE}. Set CI=1 to make this a failure.`);
}
