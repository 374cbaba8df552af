// Tornado analysis: how the leader's lead over the best other option moves when one criterion's
// weight is scaled down or up while the other criteria keep their proportions. Pure, for the browser.
import { ownNumber, ownValue } from "./own-keys";
import type { EngineInput } from "./types";

type Table = Pick<EngineInput, "options" | "criteria" | "ratings">;

export interface TornadoBar {
  criterion: string;
  weight: number;
  /** the leader's lead (score points) with this weight scaled by 1 − change */
  low: number;
  /** the lead with this weight scaled by 1 + change (at most 1) */
  high: number;
}

export interface Tornado {
  /** the leader's lead at the team's weights */
  base: number;
  /** widest swing first */
  bars: TornadoBar[];
}

/**
 * Bars for every criterion, widest swing first. `weights` sum to 1; `leader` is the option ranked
 * first at those weights. A negative lead means another option would overtake the leader.
 */
export function tornado(table: Table, weights: Record<string, number>, leader: string, change = 0.5): Tornado {
  const lead = (w: Record<string, number>) => {
    const score = (option: string) => {
      const row = ownValue(table.ratings, option);
      return table.criteria.reduce((sum, c) => sum + ownNumber(w, c.id) * ownNumber(row, c.id), 0);
    };
    const others = table.options.filter((o) => o.id !== leader).map((o) => score(o.id));
    return others.length ? score(leader) - Math.max(...others) : 0;
  };
  const bars = table.criteria.map(({ id }) => {
    const weight = ownNumber(weights, id);
    return {
      criterion: id,
      weight,
      low: lead(withWeight(weights, table, id, weight * (1 - change))),
      high: lead(withWeight(weights, table, id, Math.min(1, weight * (1 + change)))),
    };
  });
  bars.sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || (a.criterion < b.criterion ? -1 : 1));
  return { base: lead(weights), bars };
}

/** `weights` with criterion `id` set to `value` and the rest rescaled to fill 1 − value. */
function withWeight(weights: Record<string, number>, table: Table, id: string, value: number): Record<string, number> {
  const others = table.criteria.filter((c) => c.id !== id);
  const rest = others.reduce((sum, c) => sum + ownNumber(weights, c.id), 0);
  const share = (other: string) => (rest > 0 ? (ownNumber(weights, other) / rest) * (1 - value) : (1 - value) / others.length);
  // Entries, not assignments: a criterion called "__proto__" must become a key, not the prototype.
  return Object.fromEntries([[id, value], ...others.map((c) => [c.id, share(c.id)] as const)]);
}
