// Issue 15: the MADR file of the template evaluation is one a team commits unedited.
import { describe, expect, it } from "vitest";
import { renderMadr } from "@/lib/export/madr";
import { templateRecord } from "./template-fixture";

const BUDGET_BYTES = 8 * 1024;

function section(markdown: string, heading: string): string {
  const after = markdown.split(`\n${heading}\n`)[1] ?? "";
  return after.split(/\n#{1,3} /)[0];
}

describe("MADR record of the template evaluation", () => {
  const record = templateRecord();
  const markdown = renderMadr(record);

  it("contains no HTML entities", () => {
    expect(markdown).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
    // The catalog's names have ampersands; they read as written.
    expect(markdown).toContain("Authentication & permissions");
  });

  it(`stays under ${BUDGET_BYTES} bytes`, () => {
    expect(Buffer.byteLength(markdown, "utf8")).toBeLessThan(BUDGET_BYTES);
  });

  it("lists as decision drivers only the criteria that carry most of the weight, not all of them", () => {
    const drivers = section(markdown, "## Decision Drivers")
      .split("\n")
      .filter((line) => line.startsWith("* "));
    expect(drivers.length).toBeGreaterThan(0);
    expect(drivers.length).toBeLessThanOrEqual(6);
    expect(drivers.length).toBeLessThan(record.criteria.length);
    const heaviest = Object.entries(record.weights).sort((a, b) => b[1] - a[1])[0][0];
    expect(drivers[0]).toContain(record.criteria.find((c) => c.key === heaviest)!.name);
    // Most contested is one criterion, not every one.
    expect((markdown.match(/most contested/g) ?? []).length).toBeLessThanOrEqual(2);
  });

  it("counts only the members who could vote, not the viewer", () => {
    expect(markdown).toContain("from 3 of 3 members who could vote");
    expect(markdown).not.toMatch(/of 4 participants/);
  });

  it("calls a rating of 4 a weakness (Bad), as the option pages do, and cites articles by title, never by file name", () => {
    expect(markdown).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(markdown).not.toMatch(/Neutral, because [^\n]* is rated 4\/10/);
    expect(markdown).toMatch(/Bad, because [^\n]* is rated 4\/10/);
    expect(markdown).toMatch(/\(sources? \d+(, \d+)*\)/);
    expect(markdown).toMatch(/^1\. “.+”/m);
  });

  it("says in one sentence how firm the lead is, in points of weight, and links the full numbers", () => {
    expect(markdown).toMatch(
      /How firm the lead is: it would take moving \d+ points? of weight (to|away from) .+ to put Flask ahead\.|No single criterion's weight/,
    );
    expect(markdown).toContain("https://tradeoff.example.com/api/v1/evaluations/eval-template/record.json");
  });
});
