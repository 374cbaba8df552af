// A recommendation as plain text for people (the CLI's `recommend --format text`): the verdict,
// the starting point, then one paragraph per reason with the framework it favours, by how much,
// and its quotes with the article's title. Pure: the CLI prints it, tests read it.
import type { Recommendation } from "./recommend";
import type { Catalog, Citation } from "./schema";
import { sourceTitle } from "./sources";
import type { ProjectProfile } from "./profile";

function describeProfile(profile: ProjectProfile): string {
  const parts = [
    `${profile.projectSize} project`,
    `${profile.timeline} timeline`,
    `${profile.budget ?? "normal"} budget`,
    `${profile.teamExperience} team of ${profile.teamSize}`,
  ];
  if (profile.teamPreference && profile.teamPreference !== "none") parts.push(`prefers ${profile.teamPreference}`);
  parts.push(`needs: ${profile.needs.length ? profile.needs.join(", ") : "none"}`);
  return parts.join("; ");
}

function quoteLines(citations: Citation[], indent: string): string[] {
  return citations.map((c) => `${indent}“${c.quote}” (${sourceTitle(c.source)})`);
}

export function formatAdvice(profile: ProjectProfile, result: Recommendation, catalog: Catalog): string {
  const option = new Map(catalog.options.map((o) => [o.id, o.name]));
  const criterion = new Map(catalog.criteria.map((c) => [c.id, c.name]));
  const name = (id: string | null) => (id ? (option.get(id) ?? id) : "neither");
  const lines = [`Profile: ${describeProfile(profile)}`, "", result.summary, "", result.startingPoint, ""];

  const reasons = [...result.explanations].sort((a, b) => b.shift - a.shift);
  lines.push(reasons.length ? "Reasons, largest effect first:" : "No answer in this profile changes the starting weights.");
  reasons.forEach((e, i) => {
    const effect = e.favours ? `towards ${name(e.favours)} by ${e.shift.toFixed(2)} points` : "no measurable effect";
    lines.push("", `${i + 1}. ${e.reason} [${effect}]`);
    lines.push(`   Weights: ${e.changes.map((c) => `${criterion.get(c.criterion) ?? c.criterion} ${c.change}`).join(", ")}`);
    lines.push(...quoteLines(e.citations, "   "));
    if (e.otherSide) {
      lines.push(`   The other side (towards ${name(e.otherSide.favours)}): ${e.otherSide.says}`);
      lines.push(...quoteLines(e.otherSide.citations, "     "));
    }
  });

  const top = Object.entries(result.weights)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([id, w]) => `${criterion.get(id) ?? id} ${(w * 100).toFixed(1)}%`);
  lines.push("", `Heaviest criteria: ${top.join(", ")}.`);
  lines.push("Criteria at 0% only count when a need calls for them; members still cast their own ballots.");
  return lines.join("\n") + "\n";
}
