import type { NameLookup } from "@/lib/report/sensitivity";
import { formatPercent } from "@/lib/report/percent";

/** Shares as percentages: the one formatter (lib/report/percent.ts), whatever the page. */
export const percent = formatPercent;
export const score = (x: number) => x.toFixed(2);

/** The theme's categorical chart colours (app/globals.css), cycling after six. */
export const chartColor = (i: number) => `var(--chart-${(i % 6) + 1})`;

export function namesOf(view: { options: { key: string; name: string }[]; criteria: { key: string; name: string }[] }): NameLookup {
  return {
    options: Object.fromEntries(view.options.map((o) => [o.key, o.name])),
    criteria: Object.fromEntries(view.criteria.map((c) => [c.key, c.name])),
  };
}
