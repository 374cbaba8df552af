// A live sample report for the landing page: the built-in "Django or Flask" template weighed by
// three sample ballots and run through the real engine, so a visitor sees what the product
// produces before signing up. Pure and deterministic (fixed seed); computed once per process.
import { djangoOrFlaskTemplate } from "@/lib/catalog/template";
import { computeReport } from "@/lib/engine";
import type { Ballot, EngineReport } from "@/lib/engine/types";
import type { NameLookup } from "@/lib/report/sensitivity";

const SAMPLE_BALLOTS: Ballot[] = [
  {
    voter: "Ada",
    method: "points",
    weights: {
      "built-in-security": 25,
      "admin-interface": 20,
      "orm-database": 20,
      "auth-permissions": 15,
      scalability: 10,
      documentation: 10,
    },
  },
  {
    voter: "Grace",
    method: "points",
    weights: { "built-in-security": 30, "orm-database": 15, "admin-interface": 15, "maintenance-cost": 20, "ecosystem-community": 20 },
  },
  {
    voter: "Linus",
    method: "points",
    weights: { flexibility: 30, "performance-footprint": 25, "learning-curve": 15, "built-in-security": 15, "api-microservices": 15 },
  },
];

export interface SampleReport {
  title: string;
  report: EngineReport;
  names: NameLookup;
  voters: number;
}

/**
 * The evaluation page's Monte Carlo settings (REPORT_SAMPLES and REPORT_SEED in lib/domain/report.ts,
 * a server-only module this pure one cannot import). With fewer samples the landing page said
 * "comes first in 90%" where the demo evaluation, the same template and ballots, said 91%: the
 * same numbers must give the same figures. tests/e2e/product.spec.ts compares the two pages.
 */
export const SAMPLE_MONTE_CARLO = { samples: 10_000, seed: 42 } as const;

let cached: SampleReport | undefined;

export function sampleReport(): SampleReport {
  if (cached) return cached;
  const template = djangoOrFlaskTemplate();
  const criteria = template.criteria.map((c) => c.key);
  const report = computeReport({
    options: template.options.map((o) => ({ id: o.key, name: o.name })),
    criteria: template.criteria.map((c) => ({ id: c.key, name: c.name })),
    ratings: Object.fromEntries(
      template.options.map((o) => [o.key, Object.fromEntries(criteria.map((c) => [c, template.ratings[o.key]?.[c]?.score ?? 0]))]),
    ),
    ballots: SAMPLE_BALLOTS,
    aggregation: "mean",
    ...SAMPLE_MONTE_CARLO,
  });
  cached = {
    title: "Django or Flask for the customer portal",
    report,
    names: {
      options: Object.fromEntries(template.options.map((o) => [o.key, o.name])),
      criteria: Object.fromEntries(template.criteria.map((c) => [c.key, c.name])),
    },
    voters: SAMPLE_BALLOTS.length,
  };
  return cached;
}
