// The articles the built-in catalog is drawn from (../shared/seeds/*.txt). Every built-in rating,
// weighting rule and recommendation cites one of these by file name; the titles are for display.

interface SourceInfo {
  title: string;
  /** Named only where the article itself names its publisher. */
  publisher?: string;
}

export const SOURCES = {
  "000_fded704e0db993ac.txt": { title: "Django vs Flask: which should you use?" },
  "001_65b7caba0eee45b3.txt": {
    title: "Flask vs Django: In‑Depth Comparison and Guidance for Choosing the Right Python Web Framework",
    publisher: "php中文网 Courses",
  },
  "002_338165f8a9af4819.txt": { title: "Django vs Flask: when to use which", publisher: "Citrusbug" },
  "003_3c506f27f3dfb912.txt": { title: "Flask vs. Django: Choosing the Right Framework for Your Project" },
  "004_2e780fe2fc99504a.txt": { title: "Comparing Django and Flask: Key Distinctions" },
} as const satisfies Record<string, SourceInfo>;

export type SourceFile = keyof typeof SOURCES;

export const SOURCE_FILES = Object.keys(SOURCES) as SourceFile[];

export function isSourceFile(source: string): source is SourceFile {
  return Object.hasOwn(SOURCES, source);
}

/**
 * A display title for a citation's source: the article's title (and publisher) for a built-in
 * source; any other source string (a team's own citation) is shown as given.
 */
export function sourceTitle(source: string): string {
  if (!isSourceFile(source)) return source;
  const info: SourceInfo = SOURCES[source];
  return info.publisher ? `${info.title} (${info.publisher})` : info.title;
}
