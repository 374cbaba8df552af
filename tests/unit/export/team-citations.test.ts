import { describe, expect, it } from "vitest";
import { renderMadr } from "@/lib/export/madr";
import { decisionRecordSchema } from "@/lib/export/record-schema";
import { importedRecordSchema } from "@/lib/validation/import-record";
import { decidedRecord } from "./fixtures";

// Teams cite their own sources (issue 15): { source: url, title, url, quote } beside the built-in
// { source: file, quote }. Optional fields added to schema version 1, so older records still parse.

const TEAM_CITATION = {
  source: "https://blog.example.com/flask-at-scale",
  title: "Running Flask at scale",
  url: "https://blog.example.com/flask-at-scale",
  quote: "We serve 2,000 requests a second from four Flask workers.",
};

function withTeamCitation(citation: Record<string, unknown> = TEAM_CITATION) {
  const record = decidedRecord();
  // Flask on Built-in security is one of the decision drivers, so its pros and cons cite it.
  const ratings = record.ratings.map((r) =>
    r.option === "flask" && r.criterion === "security" ? { ...r, citations: [...r.citations, citation] } : r,
  );
  return { ...record, ratings } as typeof record;
}

describe("a team's own citations in the decision record", () => {
  it("are listed in the MADR by title, linked to their https address, and numbered like built-in sources", () => {
    const markdown = renderMadr(withTeamCitation());
    expect(markdown).toContain("3. [“Running Flask at scale”](https://blog.example.com/flask-at-scale)");
    expect(markdown).toContain("Built-in security is rated 4/10: Protections such as CSRF must be added by hand (sources 2, 3)");
    expect(markdown).not.toContain(".txt");
  });

  it("parse in a record, and a record without them still parses (optional fields)", () => {
    expect(decisionRecordSchema.safeParse(withTeamCitation()).success).toBe(true);
    expect(decisionRecordSchema.safeParse(decidedRecord()).success).toBe(true);
  });

  it("refuse a javascript: address, naming the field", () => {
    const result = decisionRecordSchema.safeParse(withTeamCitation({ ...TEAM_CITATION, url: "javascript:alert(1)" }));
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path.join(".")).toMatch(/^ratings\.\d+\.citations\.\d+\.url$/);
    expect(issue.message).toContain("https://");
    expect(importedRecordSchema.safeParse(withTeamCitation({ ...TEAM_CITATION, url: "http://plain.example.com" })).success).toBe(false);
  });

  it("never render an address that is not https: the record is refused, naming the field", () => {
    expect(() => renderMadr(withTeamCitation({ ...TEAM_CITATION, url: "javascript:alert(1)" }))).toThrow(/citations\.\d+\.url/);
  });
});
