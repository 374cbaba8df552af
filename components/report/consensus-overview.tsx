import { MessageSquareText, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { percent } from "@/components/report/format";
import type { EngineReport } from "@/lib/engine/types";
import type { NameLookup } from "@/lib/report/sensitivity";

// The engine's threshold for "contested" (Goepel's "very high" boundary); reports stored before
// the engine stated it listed every criterion, so the list is filtered here too.
const DEFAULT_CONTESTED_BELOW = 0.875;
const DISCUSS_FIRST = 3;

/** Goepel's word scale for the AHP consensus indicator (bpmsg.com, "AHP Consensus Word Scale"). */
function agreementLabel(overall: number) {
  if (overall >= 0.875) return { text: "Very high consensus", variant: "success" as const };
  if (overall >= 0.75) return { text: "High consensus", variant: "success" as const };
  if (overall >= 0.625) return { text: "Moderate consensus", variant: "warning" as const };
  if (overall >= 0.5) return { text: "Low consensus", variant: "warning" as const };
  return { text: "Very low consensus", variant: "destructive" as const };
}

/**
 * How much the team agrees (Goepel's AHP consensus S*, as AHP-OS computes it), and the criteria
 * below the contested threshold as a "discuss these first" list, each with its share of the
 * disagreement so the overall and per-criterion figures can be read together.
 */
export function ConsensusOverview({
  report,
  names,
  voters,
  onDiscuss,
}: {
  report: EngineReport;
  names: NameLookup;
  voters: number;
  onDiscuss: (criterion: string) => void;
}) {
  const { overall, byCriterion, mostContested, disagreementShare } = report.consensus;
  if (overall === null || voters < 2) {
    return (
      <p className="flex items-center gap-1.5 text-sm text-muted-foreground" data-testid="consensus-none">
        <Users className="size-4" aria-hidden />
        Consensus needs at least two ballots: one person cannot disagree with anyone.
      </p>
    );
  }
  const threshold = report.consensus.contestedBelow ?? DEFAULT_CONTESTED_BELOW;
  const label = agreementLabel(overall);
  const contested = mostContested.filter((c) => (byCriterion[c] ?? 1) < threshold).slice(0, DISCUSS_FIRST);
  return (
    <div className="grid grid-cols-1 gap-5">
      <div className="grid grid-cols-1 gap-2">
        <div className="flex items-baseline justify-between gap-3">
          <span className="text-3xl font-semibold tabular-nums" data-testid="consensus-overall">
            {percent(overall)}
          </span>
          <span className="text-sm font-medium">{label.text}</span>
        </div>
        <Progress value={overall * 100} variant={label.variant} label="Overall consensus" valueText={percent(overall)} />
        <p className="flex items-start gap-1.5 text-xs text-muted-foreground">
          <Users className="mt-px size-3.5 shrink-0" aria-hidden />
          <span>
            Across {voters} ballots, Goepel&apos;s AHP consensus (S*, as in AHP-OS): 100% means identical weights, 0% a team as divided as
            members who each put all their weight on a different criterion.
          </span>
        </p>
      </div>
      <div className="grid grid-cols-1 gap-2">
        <h3 className="text-sm font-semibold">Discuss these first</h3>
        {contested.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="discuss-none">
            {overall === 1
              ? "No criterion stands out: the team weighs them all alike."
              : `No criterion is below ${percent(threshold, 1)} on its own: the disagreement is spread thinly over many criteria.`}
          </p>
        ) : (
          <>
            <ol className="grid grid-cols-1 gap-2" data-testid="discuss-first">
              {contested.map((c, i) => (
                <li key={c} className="flex items-center gap-3 rounded-lg border px-3 py-2">
                  <span className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-warning-soft text-xs font-semibold text-warning-foreground">
                    {i + 1}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">{names.criteria[c] ?? c}</span>
                    <span className="block text-xs text-muted-foreground">
                      {percent(byCriterion[c] ?? 1)} consensus
                      {disagreementShare?.[c] !== undefined ? ` · ${percent(disagreementShare[c])} of the disagreement` : ""} · weight{" "}
                      {percent(report.weights[c] ?? 0)}
                    </span>
                  </span>
                  <Button variant="outline" size="sm" onClick={() => onDiscuss(c)} aria-label={`Discuss ${names.criteria[c] ?? c}`}>
                    <MessageSquareText aria-hidden /> Discuss
                  </Button>
                </li>
              ))}
            </ol>
            <p className="text-xs text-muted-foreground" data-testid="consensus-reading">
              A criterion&apos;s consensus counts only the disagreement on that criterion, on the same scale as the overall figure, which
              combines all of them and so is never higher. Listed: criteria below {percent(threshold, 1)}, the lowest first.
            </p>
          </>
        )}
      </div>
    </div>
  );
}
