// Default names of the downloaded record files. The Markdown record is named as MADR suggests for
// docs/decisions/ (NNNN-title-with-dashes.md); the number is the team's to assign, so it starts
// at 0001 and is the one part of the name a team may change when committing.

export type RecordFileFormat = "md" | "json" | "csv";

export function recordSlug(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60)
      .replace(/-$/, "") || "decision"
  );
}

/** "0001-django-or-flask.md"; the JSON and CSV records keep the plain slug ("django-or-flask.json"). */
export function recordFileName(title: string, format: RecordFileFormat, options: { wide?: boolean } = {}): string {
  const slug = recordSlug(title);
  if (format === "md") return `0001-${slug}.md`;
  if (format === "csv" && options.wide) return `${slug}-by-option.csv`;
  return `${slug}.${format}`;
}

/** Where the Markdown record belongs in a repository, as MADR lays it out. */
export function madrRepositoryPath(title: string): string {
  return `docs/decisions/${recordFileName(title, "md")}`;
}
