import { describe, expect, it } from "vitest";
import { recordSha256 } from "@/lib/export/integrity";
import { renderMadr } from "@/lib/export/madr";
import { sensitivitySentence } from "@/lib/report/sensitivity";
import { decidedRecord, votingRecord } from "./fixtures";

const MADR_HEADINGS = [
  "# Django or Flask for the customer portal",
  "## Context and Problem Statement",
  "## Decision Drivers",
  "## Considered Options",
  "## Decision Outcome",
  "### Consequences",
  "### Confirmation",
  "## Pros and Cons of the Options",
  "### Django",
  "### Flask",
  "## More Information",
];

const headingsOf = (markdown: string) => markdown.split("\n").filter((line) => /^#{1,6} /.test(line));
const frontMatterOf = (markdown: string) =>
  markdown
    .split("\n---\n")[0]
    .replace(/^---\n/, "")
    .split("\n");

/** The lines of one section, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const level = heading.match(/^#+/)![0].length;
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

describe("MADR rendering", () => {
  const markdown = renderMadr(decidedRecord());

  it("has every MADR 4.0 front-matter field, in order", () => {
    expect(markdown.startsWith("---\n")).toBe(true);
    expect(frontMatterOf(markdown)).toEqual([
      'status: "accepted"',
      "date: 2026-03-12",
      'decision-makers: ["Ada Park", "Grace Okafor"]',
      'consulted: ["Linus Berg", "Maria Santos"]',
      'informed: ["Bea Novak", "Ken Ito"]',
    ]);
  });

  it("has every MADR 4.0 section heading, in order", () => {
    expect(headingsOf(markdown)).toEqual(MADR_HEADINGS);
  });

  it("renders the same bytes for the same record", () => {
    expect(renderMadr(decidedRecord())).toBe(markdown);
  });

  it("states the chosen option, the score table and the tipping points", () => {
    const outcome = section(markdown, "## Decision Outcome");
    expect(outcome).toContain('Chosen option: "Django", because its built-in security and admin cover what the portal needs on day one.');
    expect(outcome).toContain("| 1 | Django | 7.00 | 91% |\n| 2 | Flask | 5.75 | 9% |");
    // One sentence on how firm the lead is: the closest tipping point, in points of weight.
    expect(outcome).toContain(
      "How firm the lead is: it would take moving 15 points of weight to Learning curve (from 25% to 40%) to put Flask ahead.",
    );
  });

  it("lists as drivers the criteria carrying most of the weight, heaviest first, in percent", () => {
    const drivers = section(markdown, "## Decision Drivers")
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("* "));
    expect(drivers).toEqual([
      "* Built-in security (35% of the weight): Protection against common attacks without extra work.",
      "* Learning curve (25% of the weight, most contested): How quickly newcomers become productive.",
      "* Admin and ORM (25% of the weight): An admin interface and database layer out of the box.",
    ]);
    expect(section(markdown, "## Decision Drivers")).toContain(
      "These 3 criteria carry 85% of the team's weight; the other criterion has the remaining 15%",
    );
  });

  it("derives consequences and pros and cons from the ratings, with their citations", () => {
    const consequences = section(markdown, "### Consequences");
    expect(consequences).toContain("* Good, because Built-in security is rated 9/10");
    expect(consequences).not.toContain("Neutral");
    const flask = section(markdown, "### Flask");
    const verdicts = flask
      .split("\n")
      .filter((l) => l.startsWith("* "))
      .map((l) => l.split(",")[0]);
    // On the drivers only; a 4/10 is Bad, as the option page calls it a weakness.
    expect(verdicts).toEqual(["* Good", "* Bad", "* Bad"]);
    expect(flask).toContain("* Bad, because Built-in security is rated 4/10: Protections such as CSRF must be added by hand (source 2)");
    expect(flask).toContain("* Bad, because Admin and ORM is rated 3/10: No ORM or admin built in; extensions fill the gap (source 2)");
    const more = section(markdown, "## More Information");
    expect(more).toContain(
      "1. “Flask vs Django: In‑Depth Comparison and Guidance for Choosing the Right Python Web Framework”, php中文网 Courses",
    );
    expect(more).toContain("2. “Django vs Flask: when to use which”, Citrusbug");
    expect(markdown).not.toContain(".txt");
  });

  it("links back and carries ballot statistics and the record's hash", () => {
    const more = section(markdown, "## More Information");
    expect(more).toContain("(https://tradeoff.example.com/evaluations/eval-django-flask)");
    // The viewer could not vote: 4 of the 5 who could, not "4 of 6 participants".
    expect(more).toContain("4 ballots in round 1 from 4 of 5 members who could vote (points 2, likert 1, pairwise 1)");
    expect(more).toContain("[JSON record](https://tradeoff.example.com/api/v1/evaluations/eval-django-flask/record.json)");
    expect(more).toContain(`Record SHA-256: \`${recordSha256(decidedRecord())}\``);
  });

  it("renders an undecided evaluation as proposed, with no decision yet", () => {
    const proposed = renderMadr(votingRecord());
    expect(frontMatterOf(proposed)[0]).toBe('status: "proposed"');
    expect(frontMatterOf(proposed)[2]).toBe('decision-makers: ["Ada Park", "Grace Okafor"]');
    expect(headingsOf(proposed)).toEqual(MADR_HEADINGS);
    expect(section(proposed, "## Decision Outcome")).toContain(
      'No decision yet: the evaluation is voting. On the ballots so far "Django" leads.',
    );
    expect(proposed).not.toContain("Chosen option");
  });

  it("explains a decision that overrides the ranking", () => {
    const record = decidedRecord();
    const markdown = renderMadr({
      ...record,
      decision: { ...record.decision!, option: "flask", overrideReason: "the API team already runs Flask." },
    });
    expect(markdown).toContain('Chosen option: "Flask"');
    expect(markdown).toContain('This overrides the ranking, which "Django" leads, because the API team already runs Flask.');
  });

  it("escapes user text so it cannot add HTML, formatting or table cells", () => {
    const record = decidedRecord();
    const markdown = renderMadr({
      ...record,
      evaluation: {
        ...record.evaluation,
        title: "Pick <script>alert(1)</script> *now*",
        problem: "# Not a heading\n> not a quote\n1. not a list | $x$",
      },
      options: record.options.map((o) => (o.key === "flask" ? { ...o, name: "Flask | Quart" } : o)),
    });
    expect(markdown).toContain("# Pick \\<script>alert(1)\\</script> \\*now\\*");
    expect(markdown).not.toMatch(/(^|[^\\])<script>/);
    expect(markdown).not.toMatch(/&(amp|lt|gt);/);
    expect(markdown).toContain("\\# Not a heading\n\\> not a quote\n1\\. not a list \\| \\$x\\$");
    expect(markdown).toContain("| 2 | Flask \\| Quart | 5.75 | 9% |");
  });

  it("quotes names safely in the YAML front matter", () => {
    const record = decidedRecord();
    const markdown = renderMadr({ ...record, participants: [{ name: 'Zoë "Z" O\'Neil: lead', role: "member", voted: true }] });
    expect(frontMatterOf(markdown)[3]).toBe('consulted: ["Zoë \\"Z\\" O\'Neil: lead"]');
  });
});

describe("MADR rendering of an imported archive", () => {
  const imported = { sha256: "d".repeat(64), importedAt: "2026-04-01T08:00:00.000Z", importedBy: "Grace Okafor" };

  it("says up front, in the confirmation and in More Information that it was imported, and from which record", () => {
    const markdown = renderMadr({ ...decidedRecord(), imported });
    const context = markdown.split("## Context and Problem Statement")[1].split("## Decision Drivers")[0];
    expect(context).toContain(`> Imported from a record (SHA-256 \`${"d".repeat(64)}\`) by Grace Okafor on 2026-04-01`);
    expect(markdown).toMatch(/### Confirmation[\s\S]*imported from a record: its ballots were not cast here/);
    expect(markdown.split("## More Information")[1]).toContain("Imported from a record");
    expect(renderMadr(decidedRecord())).not.toContain("Imported from a record");
  });

  it("counts voters from the ballots when no participant voted, and consults them", () => {
    const record = decidedRecord();
    const markdown = renderMadr({ ...record, imported, participants: record.participants.map((p) => ({ ...p, voted: false })) });
    expect(markdown).toContain("4 ballots in round 1 from 4 voters");
    expect(markdown).toMatch(/^consulted: \[.*"Linus Berg".*\]$/m);
  });
});

describe("sensitivitySentence", () => {
  const names = { options: { flask: "Flask" }, criteria: { security: "Built-in security" } };

  it("says which option would lead and at what weight", () => {
    expect(sensitivitySentence({ criterion: "security", weight: 0.62, flipAt: 0.31, newLeader: "flask" }, names)).toBe(
      "Flask would lead if the weight of Built-in security fell below 31%",
    );
    expect(sensitivitySentence({ criterion: "security", weight: 0.2, flipAt: 0.45, newLeader: "flask" }, names)).toBe(
      "Flask would lead if the weight of Built-in security rose above 45%",
    );
  });

  it("is null when no weight changes the leader, and falls back to keys", () => {
    expect(sensitivitySentence({ criterion: "security", weight: 0.62, flipAt: null, newLeader: null }, names)).toBeNull();
    expect(sensitivitySentence({ criterion: "speed", weight: 0.1, flipAt: 0.5, newLeader: "rails" }, names)).toBe(
      "rails would lead if the weight of speed rose above 50%",
    );
  });
});
