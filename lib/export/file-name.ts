// Default names of the downloaded record files. The Markdown record is named as MADR suggests for
// docs/decisions/ (NNNN-title-with-dashes.md), NNNN being the team's decision record number, given
// when the evaluation is decided (lib/domain/records.ts assignRecordNumber). A record exported
// before the decision (revealed, not yet decided) has no number yet and is named "draft-title.md".

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

/** 3 → "0003": four digits, as MADR numbers records; a team past 9999 gets more digits. */
export function formatRecordNumber(recordNumber: number): string {
  return String(recordNumber).padStart(4, "0");
}

interface FileNameOptions {
  wide?: boolean;
  /** the team's decision record number; null or absent before the decision */
  recordNumber?: number | null;
}

/**
 * "0003-django-or-flask.md" (the draft of an undecided one: "draft-django-or-flask.md"); the JSON
 * and CSV records keep the plain slug ("django-or-flask.json").
 */
export function recordFileName(title: string, format: RecordFileFormat, options: FileNameOptions = {}): string {
  const slug = recordSlug(title);
  if (format === "md") return `${options.recordNumber ? formatRecordNumber(options.recordNumber) : "draft"}-${slug}.md`;
  if (format === "csv" && options.wide) return `${slug}-by-option.csv`;
  return `${slug}.${format}`;
}

/** Where the Markdown record belongs in a repository, as MADR lays it out. */
export function madrRepositoryPath(title: string, recordNumber: number | null): string {
  return `docs/decisions/${recordFileName(title, "md", { recordNumber })}`;
}
