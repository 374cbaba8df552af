import Link from "next/link";
import { ChevronRight, Trophy } from "lucide-react";
import { score } from "@/components/report/format";
import { formatChance } from "@/lib/report/percent";
import { BlindResults } from "@/components/evaluation/blind-results";
import { Term } from "@/components/report/term";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { EvaluationView } from "@/lib/api/evaluation-view";

/**
 * The engine's ranking: each option's score and how often it wins when the weights are resampled.
 * While the ballots are blind the view has no report (`reportHidden` says so): the panel says who has
 * voted and offers a voter a private preview under their own ballot.
 */
export function RankingPanel({ view, canVote = false }: { view: EvaluationView; canVote?: boolean }) {
  const report = view.report;
  if (!report && view.reportHidden) return <BlindResults view={view} canVote={canVote} />;
  if (!report) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="ranking-empty">
        The ranking appears as soon as the first ballot is cast.
      </p>
    );
  }
  const option = new Map(view.options.map((o) => [o.key, o]));
  return (
    <div className="grid gap-4">
      <ExcludedBallots view={view} />
      <ol className="grid gap-4" aria-label="Ranking" data-testid="ranking">
        {report.ranking.map((r) => (
          <li key={r.option} className="grid gap-2" data-testid={`rank-${r.option}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <span className="flex items-center gap-2 font-medium">
                <span className="inline-flex size-6 items-center justify-center rounded-full bg-muted text-xs tabular-nums">{r.rank}</span>
                <Link
                  href={`/evaluations/${view.id}/options/${r.option}`}
                  className="inline-flex items-center gap-0.5 rounded-sm hover:text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                >
                  {option.get(r.option)?.name ?? r.option}
                  <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
                </Link>
                {r.rank === 1 ? <Trophy className="size-4 text-warning" aria-label="Leader" /> : null}
              </span>
              <span className="text-sm tabular-nums text-muted-foreground">
                <span className="text-lg font-semibold text-foreground" data-testid="score">
                  {score(r.score)}
                </span>{" "}
                / 10
              </span>
            </div>
            <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
              <div className="h-full rounded-full bg-primary" style={{ width: `${(r.score / 10) * 100}%` }} />
            </div>
            {r.winProbability === null ? null : (
              <p className="text-xs text-muted-foreground" data-testid="win-probability">
                Wins in <span className="font-medium text-foreground tabular-nums">{formatChance(r.winProbability)}</span> of{" "}
                {report.monteCarlo ? report.monteCarlo.samples.toLocaleString("en") : "the"} <Term name="winProbability">simulations</Term>{" "}
                that vary the weights by how much the team disagrees
                {r.rank === 1 && report.monteCarlo?.leadUncertain ? (
                  <span className="font-medium text-foreground" data-testid="lead-uncertain">
                    {" "}
                    · too close to call: the lead is within the spread of the team&apos;s weights
                  </span>
                ) : null}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Stored ballots the engine could not score (written before today's rules, or edited): named, not silently dropped. */
function ExcludedBallots({ view }: { view: EvaluationView }) {
  const excluded = view.report?.excludedBallots ?? [];
  if (excluded.length === 0) return null;
  const names = new Map(view.members.map((m) => [m.id, m.name]));
  const nameOf = (voter: string) => names.get(voter) ?? voter.replace(/^record:/, "");
  return (
    <Alert variant="warning" data-testid="excluded-ballots">
      <AlertDescription>
        {excluded.length === 1 ? "One ballot is" : `${excluded.length} ballots are`} left out of this ranking because{" "}
        {excluded.length === 1 ? "it breaks" : "they break"} the ballot rules:{" "}
        {excluded.map((e) => `${nameOf(e.voter)} (${e.reason})`).join("; ")}. Ask {excluded.length === 1 ? "that voter" : "those voters"} to
        cast again.
      </AlertDescription>
    </Alert>
  );
}
