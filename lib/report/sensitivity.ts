import type { SensitivityEntry } from "@/lib/engine/types";
import { formatPercent, formatPoints } from "@/lib/report/percent";

/** Display names by key; a key without a name is shown as itself. */
export interface NameLookup {
  options: Record<string, string>;
  criteria: Record<string, string>;
}

/** Weights are shown as percentages of the total weight, as everywhere in the UI: 0.312 → "31%". */
export function formatWeight(weight: number): string {
  return formatPercent(weight);
}

/**
 * Plain-text sentence for one sensitivity entry, e.g. "Flask would lead if the weight of Built-in
 * security fell below 31%". Null when no weight in [0, 1] changes the leader. "The weight of X"
 * rather than "X's weight", so names ending in s read well. Not escaped: callers escape it for
 * their medium (Markdown, HTML).
 */
export function sensitivitySentence(entry: SensitivityEntry, names: NameLookup): string | null {
  if (entry.flipAt === null || entry.newLeader === null) return null;
  const leader = names.options[entry.newLeader] ?? entry.newLeader;
  const criterion = names.criteria[entry.criterion] ?? entry.criterion;
  const direction = entry.flipAt < entry.weight ? "fell below" : "rose above";
  return `${leader} would lead if the weight of ${criterion} ${direction} ${formatPercent(entry.flipAt)}`;
}

/**
 * How far the lead is from changing, as the amount of weight that would have to move, e.g. "it
 * would take moving 17 points of weight to Admin interface (from 5% to 22%) to put Flask ahead".
 * Null when no single weight changes the leader.
 */
export function tippingPointClause(entry: SensitivityEntry, names: NameLookup): string | null {
  if (entry.flipAt === null || entry.newLeader === null) return null;
  const leader = names.options[entry.newLeader] ?? entry.newLeader;
  const criterion = names.criteria[entry.criterion] ?? entry.criterion;
  const toward = entry.flipAt > entry.weight ? "to" : "away from";
  return (
    `it would take moving ${formatPoints(entry.flipAt - entry.weight)} of weight ${toward} ${criterion} ` +
    `(from ${formatPercent(entry.weight)} to ${formatPercent(entry.flipAt)}) to put ${leader} ahead`
  );
}

/** Entries that can change the leader, the smallest change of weight first (ties by criterion key). */
export function decisiveSensitivities(entries: readonly SensitivityEntry[]): SensitivityEntry[] {
  return entries
    .filter((entry) => entry.flipAt !== null && entry.newLeader !== null)
    .sort(
      (a, b) =>
        Math.abs(a.flipAt! - a.weight) - Math.abs(b.flipAt! - b.weight) ||
        (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0),
    );
}
