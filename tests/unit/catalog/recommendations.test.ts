// The suggested weights must reproduce every use-case recommendation the source articles make.
// The table (profile, expected framework, the article and words that state it) is in use-cases.ts.
import { describe, expect, it } from "vitest";
import { recommend } from "@/lib/catalog";
import { USE_CASES } from "./use-cases";

describe("use-case recommendations from the sources", () => {
  it("covers the use cases the issue lists", () => {
    const names = USE_CASES.map((u) => u.name).join(" | ");
    for (const topic of [
      "e-commerce",
      "CMS",
      "blogging",
      "data-visualisation",
      "mobile app",
      "machine-learning",
      "microservices",
      "prototype",
      "beginners",
      "enterprise",
      "regulated",
      "MVP",
    ]) {
      expect(names).toContain(topic);
    }
  });

  it.each(USE_CASES.map((u) => [u.name, u.expected, u.sources.map((s) => s.source).join(", "), u] as const))(
    "%s → %s (%s)",
    (_name, expected, _sources, useCase) => {
      const { ranking } = recommend(useCase.profile);
      const winner = ranking.find((r) => r.rank === 1)!;
      const others = ranking.filter((r) => r.option !== winner.option);
      expect(winner.option).toBe(expected);
      // a strict win: a tie would not be a recommendation
      for (const other of others) expect(winner.score).toBeGreaterThan(other.score);
    },
  );
});
