import type { SensitivityEntry } from "@/lib/engine/types";

/** Display names by key; a key without a name is shown as itself. */
export interface NameLookup {
  options: Record<string, string>;
  criteria: Record<string, string>;
}

/** Weights are shown to two decimals, as the UI shows them. */
export function formatWeight(weight: number): string {
  return weight.toFixed(2);
}

/**
 * Plain-text sentence for one sensitivity entry, e.g. "Flask would lead if Built-in security's
 * weight fell below 0.31". Null when no weight in [0, 1] changes the leader. Not escaped: callers
 * escape it for their medium (Markdown, HTML).
 */
export function sensitivitySentence(entry: SensitivityEntry, names: NameLookup): string | null {
  if (entry.flipAt === null || entry.newLeader === null) return null;
  const leader = names.options[entry.newLeader] ?? entry.newLeader;
  const criterion = names.criteria[entry.criterion] ?? entry.criterion;
  const direction = entry.flipAt < entry.weight ? "fell below" : "rose above";
  return `${leader} would lead if ${criterion}'s weight ${direction} ${formatWeight(entry.flipAt)}`;
}

/** Entries that can change the leader, the smallest change of weight first (ties by criterion key). */
export function decisiveSensitivities(entries: readonly SensitivityEntry[]): SensitivityEntry[] {
  return entries
    .filter((entry) => entry.flipAt !== null && entry.newLeader !== null)
    .sort(
      (a, b) =>
        Math.abs(a.flipAt! - a.weight) - Math.abs(b.flipAt! - b.weight) || (a.criterion < b.criterion ? -1 : a.criterion > b.criterion ? 1 : 0),
    );
}
