// How a citation is shown to people: by the article's title, linking to its entry on the Sources
// page. A file name (how the knowledge base stores a source) is never shown.
import { SOURCE_FILES, SOURCES, isSourceFile, type SourceFile } from "@/lib/catalog/sources";

/** What each built-in article covers, in a line, for the Sources page. */
export const SOURCE_COVERAGE: Record<SourceFile, string> = {
  "000_fded704e0db993ac.txt":
    "Four strengths and four weaknesses of each framework: Django's speed, built-in security and ORM against Flask's simplicity, performance, database support and maintenance cost.",
  "001_65b7caba0eee45b3.txt":
    "An in-depth comparison of core features, architecture, performance, security and ecosystem, with guidance by project size and team expertise.",
  "002_338165f8a9af4819.txt":
    "The two philosophies side by side: ORM, authentication and admin built in or assembled from extensions, and when a team should pick which.",
  "003_3c506f27f3dfb912.txt":
    "A short comparison with code: flexibility against convention, scalability and complexity, ecosystem and community, learning curve.",
  "004_2e780fe2fc99504a.txt":
    "A long survey: architecture, scalability, performance, admin and tooling, prototyping speed, security, ORM, authentication, templates, community and job market.",
};

/** The anchor of a built-in source on the Sources page: "source-1" … "source-5". */
export function sourceAnchor(source: SourceFile): string {
  return `source-${SOURCE_FILES.indexOf(source) + 1}`;
}

/** Where a citation's source can be read: the Sources page entry for a built-in article, else none. */
export function sourceHref(source: string): string | null {
  return isSourceFile(source) ? `/sources#${sourceAnchor(source)}` : null;
}

/** A file name as the knowledge base stores one ("004_2e780fe2fc99504a.txt"): never a title to show. */
const STORED_FILE_NAME = /^\d{3}_[0-9a-f]{16}\.txt$/i;

/** The article's title (no publisher), or a team's own source as they wrote it; never a file name. */
export function citationTitle(source: string): string {
  if (isSourceFile(source)) return SOURCES[source].title;
  return STORED_FILE_NAME.test(source) ? "An unlisted source" : source;
}

/** The publisher, when the article names one. */
export function citationPublisher(source: string): string | null {
  if (!isSourceFile(source)) return null;
  const info = SOURCES[source];
  return "publisher" in info ? info.publisher : null;
}
