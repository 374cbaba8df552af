import { ArrowDown, ArrowUp } from "lucide-react";
import { score } from "@/components/report/format";
import type { RankedOption } from "@/lib/engine/weighted-sum";
import { cn } from "@/lib/utils";

/** The ranking under the dragged weights, each option's change from the starting ranking beside it. */
export function WhatIfRanking({
  ranking,
  baseline,
  names,
  baselineLabel = "the team's ranking",
}: {
  ranking: RankedOption[];
  baseline: RankedOption[];
  names: Record<string, string>;
  /** what the arrows and score changes compare with, e.g. "the team's ranking" */
  baselineLabel?: string;
}) {
  const before = new Map(baseline.map((r) => [r.option, r]));
  const leader = ranking[0];
  const teamLeader = baseline[0];
  const changed = leader && teamLeader && leader.option !== teamLeader.option && leader.score - (ranking[1]?.score ?? -1) > 1e-9;
  return (
    <div className="grid gap-4">
      <p
        aria-live="polite"
        className={cn("rounded-lg px-3 py-2 text-sm font-medium", changed ? "bg-warning-soft text-warning-foreground" : "bg-muted")}
        data-testid="what-if-verdict"
      >
        {changed
          ? `${names[leader.option] ?? leader.option} would overtake ${names[teamLeader.option] ?? teamLeader.option}.`
          : leader
            ? `${names[leader.option] ?? leader.option} still leads.`
            : "Nothing to rank yet."}
      </p>
      <ol className="grid gap-3" aria-label={`Ranking with these weights, compared with ${baselineLabel}`} data-testid="what-if-ranking">
        {ranking.map((r) => {
          const delta = r.score - (before.get(r.option)?.score ?? r.score);
          const moved = (before.get(r.option)?.rank ?? r.rank) - r.rank;
          return (
            <li key={r.option} className="grid gap-1.5" data-testid={`what-if-${r.option}`}>
              <div className="flex items-baseline justify-between gap-3">
                <span className="flex items-center gap-2 font-medium">
                  <span className="inline-flex size-6 items-center justify-center rounded-full bg-muted text-xs tabular-nums">
                    {r.rank}
                  </span>
                  {names[r.option] ?? r.option}
                  {moved > 0 ? <ArrowUp className="size-4 text-success" aria-label={`up ${moved}`} /> : null}
                  {moved < 0 ? <ArrowDown className="size-4 text-destructive" aria-label={`down ${-moved}`} /> : null}
                </span>
                <span className="text-sm tabular-nums">
                  <span className="font-semibold">{score(r.score)}</span>
                  {Math.abs(delta) >= 0.005 ? (
                    <span className={cn("ml-1.5 text-xs", delta > 0 ? "text-success" : "text-destructive")}>
                      {delta > 0 ? "+" : "−"}
                      {Math.abs(delta).toFixed(2)}
                    </span>
                  ) : null}
                </span>
              </div>
              <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
                <div
                  className="h-full rounded-full bg-primary transition-[width] duration-150"
                  style={{ width: `${(r.score / 10) * 100}%` }}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
