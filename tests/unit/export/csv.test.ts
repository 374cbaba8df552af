import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, renderCsv } from "@/lib/export/csv";
import { decidedRecord } from "./fixtures";
import { parseCsv, parseCsvObjects } from "./parse-csv";

describe("CSV export", () => {
  const csv = renderCsv(decidedRecord());
  const rows = parseCsvObjects(csv);
  const ofKind = (kind: string) => rows.filter((row) => row.kind === kind);

  it("parses back into a rectangular table with the documented columns", () => {
    const table = parseCsv(csv);
    expect(table[0]).toEqual([...CSV_COLUMNS]);
    expect(new Set(table.map((row) => row.length))).toEqual(new Set([CSV_COLUMNS.length]));
    expect(csv.endsWith("\n")).toBe(true);
  });

  it("has a row for every ballot weight, comparison, rating, aggregated weight and score", () => {
    expect(ofKind("weight")).toHaveLength(4);
    expect(ofKind("ballot")).toHaveLength(3 * 4);
    expect(ofKind("comparison")).toHaveLength(6);
    expect(ofKind("rating")).toHaveLength(8);
    expect(ofKind("score")).toHaveLength(2);
    expect(rows).toHaveLength(4 + 12 + 6 + 8 + 2);
  });

  it("carries the values", () => {
    expect(ofKind("ballot")[0]).toMatchObject({
      round: "1",
      voter: "Ada Park",
      method: "points",
      criterion: "Built-in security",
      weight: "40",
    });
    expect(ofKind("comparison")[4]).toMatchObject({
      voter: "Linus Berg",
      criterion: "Learning curve",
      versus: "Admin and ORM",
      value: "0.5",
    });
    expect(ofKind("score")).toEqual([
      expect.objectContaining({ option: "Django", score: "7", rank: "1", winProbability: "0.91" }),
      expect.objectContaining({ option: "Flask", score: "5.75", rank: "2", winProbability: "0.09" }),
    ]);
    const weights = ofKind("weight").map((row) => Number(row.weight));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it("is deterministic", () => {
    expect(renderCsv(decidedRecord())).toBe(csv);
  });

  it("quotes commas, quotes and newlines, and defuses spreadsheet formulas", () => {
    const record = decidedRecord();
    const tricky = {
      ...record,
      options: record.options.map((o) =>
        o.key === "flask" ? { ...o, name: 'Flask, "micro"\nframework' } : { ...o, name: '=HYPERLINK("x")' },
      ),
    };
    const scores = parseCsvObjects(renderCsv(tricky)).filter((row) => row.kind === "score");
    expect(scores.map((row) => row.option)).toEqual(['\'=HYPERLINK("x")', 'Flask, "micro"\nframework']);
  });

  it("starts an imported archive's table with an imported row naming the record's SHA-256", () => {
    const imported = parseCsvObjects(
      renderCsv({ ...decidedRecord(), imported: { sha256: "e".repeat(64), importedAt: "2026-04-01T08:00:00.000Z", importedBy: "Grace" } }),
    );
    expect(imported[0]).toMatchObject({ kind: "imported", value: "e".repeat(64) });
    expect(ofKind("imported")).toEqual([]);
  });
});
