import { MessageSquareText, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { percent } from "@/components/report/format";
import type { EngineReport } from "@/lib/engine/types";
import type { NameLookup } from "@/lib/export/sensitivity";

// Below this agreement a criterion is worth talking through before anyone votes again.
const CONTESTED_BELOW = 0.9;
const DISCUSS_FIRST = 3;

function agreementLabel(overall: number) {
  if (overall >= 0.8) return { text: "Strong agreement", variant: "success" as const };
  if (overall >= 0.5) return { text: "Some disagreement", variant: "warning" as const };
  return { text: "Deep disagreement", variant: "destructive" as const };
}

/** How much the team agrees, and the most contested criteria as a "discuss these first" list. */
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
  const label = agreementLabel(report.consensus.overall);
  const contested = report.consensus.mostContested
    .filter((c) => (report.consensus.byCriterion[c] ?? 1) < CONTESTED_BELOW)
    .slice(0, DISCUSS_FIRST);
  return (
    <div className="grid grid-cols-1 gap-5">
      <div className="grid grid-cols-1 gap-2">
        <div className="flex items-baseline justify-between gap-3">
          <span className="text-3xl font-semibold tabular-nums" data-testid="consensus-overall">
            {percent(report.consensus.overall)}
          </span>
          <span className="text-sm font-medium">{label.text}</span>
        </div>
        <Progress value={report.consensus.overall * 100} variant={label.variant} label="Overall consensus" valueText={percent(report.consensus.overall)} />
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Users className="size-3.5" aria-hidden />
          {voters < 2 ? "Consensus needs at least two ballots." : `Across ${voters} ballots; 100% means identical weights.`}
        </p>
      </div>
      <div className="grid grid-cols-1 gap-2">
        <h3 className="text-sm font-semibold">Discuss these first</h3>
        {contested.length === 0 ? (
          <p className="text-sm text-muted-foreground">No criterion stands out: the team weighs them much alike.</p>
        ) : (
          <ol className="grid grid-cols-1 gap-2" data-testid="discuss-first">
            {contested.map((c, i) => (
              <li key={c} className="flex items-center gap-3 rounded-lg border px-3 py-2">
                <span className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-warning-soft text-xs font-semibold text-warning-foreground">
                  {i + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">{names.criteria[c] ?? c}</span>
                  <span className="block text-xs text-muted-foreground">
                    {percent(report.consensus.byCriterion[c] ?? 1)} consensus · weight {percent(report.weights[c] ?? 0)}
                  </span>
                </span>
                <Button variant="outline" size="sm" onClick={() => onDiscuss(c)} aria-label={`Discuss ${names.criteria[c] ?? c}`}>
                  <MessageSquareText aria-hidden /> Discuss
                </Button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
