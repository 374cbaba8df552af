export const RECORD_FORMATS = ["md", "json", "csv"] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
