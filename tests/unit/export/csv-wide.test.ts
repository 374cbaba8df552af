// Issue 15: the CSV a spreadsheet reader wants (one row per option, one column per criterion),
// and numbers rounded to what a reader can use in both layouts.
import { describe, expect, it } from "vitest";
import { renderCsv, renderWideCsv } from "@/lib/export/csv";
import { madrRepositoryPath, recordFileName } from "@/lib/export/file-name";
import { decidedRecord } from "./fixtures";
import { parseCsv, parseCsvObjects } from "./parse-csv";
import { templateRecord } from "./template-fixture";

describe("wide CSV", () => {
  const table = parseCsv(renderWideCsv(decidedRecord()));

  it("has one row per option in rank order and one column per criterion, heaviest first", () => {
    expect(table[0]).toEqual([
      "Option",
      "Rank",
      "Score (0-10)",
      "Win probability (%)",
      "Built-in security",
      "Learning curve",
      "Admin and ORM",
      "Flexibility",
    ]);
    expect(table[1]).toEqual(["Team weight (%)", "", "", "", "35", "25", "25", "15"]);
    expect(table[2]).toEqual(["Django", "1", "7", "91", "9", "4", "9", "4"]);
    expect(table[3]).toEqual(["Flask", "2", "5.75", "9", "4", "9", "3", "9"]);
    expect(table).toHaveLength(4);
  });

  it("is deterministic", () => {
    expect(renderWideCsv(decidedRecord())).toBe(renderWideCsv(decidedRecord()));
  });
});

describe("rounding", () => {
  const longNumbers = (csv: string) => csv.match(/\d+\.\d{5,}/g) ?? [];

  it("writes no long decimals in either layout of the template evaluation (the engine's weights have 17 digits)", () => {
    const record = templateRecord();
    expect(Object.values(record.weights).some((w) => String(w).length > 8)).toBe(true);
    expect(longNumbers(renderCsv(record))).toEqual([]);
    expect(longNumbers(renderWideCsv(record))).toEqual([]);
  });

  it("keeps weights to four decimals and a pairwise 1/3 as 0.3333 in the long layout", () => {
    const rows = parseCsvObjects(renderCsv(decidedRecord()));
    const comparison = rows.find((row) => row.kind === "comparison" && row.criterion === "Flexibility" && row.versus === "Admin and ORM");
    expect(comparison?.value).toBe("0.3333");
  });
});

describe("record file names", () => {
  it("names the Markdown record as MADR's docs/decisions/NNNN-title.md expects", () => {
    expect(recordFileName("Django or Flask for the customer portal", "md", { recordNumber: 1 })).toBe(
      "0001-django-or-flask-for-the-customer-portal.md",
    );
    expect(recordFileName("Django or Flask", "md", { recordNumber: 12 })).toBe("0012-django-or-flask.md");
    expect(recordFileName("Django or Flask", "md", { recordNumber: 12345 })).toBe("12345-django-or-flask.md");
    // Revealed but not decided: no number is given yet, and the name says so rather than guessing one.
    expect(recordFileName("Django or Flask", "md")).toBe("draft-django-or-flask.md");
    expect(madrRepositoryPath("Django or Flask", 3)).toBe("docs/decisions/0003-django-or-flask.md");
    expect(recordFileName("Café: Zoë's pick!", "json")).toBe("cafe-zoe-s-pick.json");
    expect(recordFileName("Django or Flask", "csv", { wide: true })).toBe("django-or-flask-by-option.csv");
    expect(recordFileName("???", "md", { recordNumber: 1 })).toBe("0001-decision.md");
  });
});
