import { ShieldCheck, TriangleAlert } from "lucide-react";
import { decisiveSensitivities, formatWeight, sensitivitySentence, type NameLookup } from "@/lib/report/sensitivity";
import { Term } from "@/components/report/term";
import type { EngineReport } from "@/lib/engine/types";

const SHOWN = 4;

/** The closest tipping points in plain words, e.g. "Flask would lead if the weight of Built-in security fell below 31%". */
export function SensitivitySentences({ report, names }: { report: EngineReport; names: NameLookup }) {
  const decisive = decisiveSensitivities(report.sensitivity);
  const leader = names.options[report.ranking[0].option] ?? report.ranking[0].option;
  if (decisive.length === 0) {
    return (
      <p className="flex items-start gap-2 text-sm" data-testid="sensitivity-none">
        <ShieldCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
        No single criterion&apos;s weight, however far it moved, would put another option ahead of {leader}.
      </p>
    );
  }
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground">
        The closest <Term name="tippingPoint">tipping points</Term>, smallest change first (weights as a share of 100%):
      </p>
      <ul className="grid gap-2" data-testid="sensitivity-sentences">
        {decisive.slice(0, SHOWN).map((entry) => (
          <li key={entry.criterion} className="flex items-start gap-2 text-sm">
            <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
            <span>
              {sensitivitySentence(entry, names)} <span className="text-muted-foreground">(now {formatWeight(entry.weight)}).</span>
            </span>
          </li>
        ))}
      </ul>
      {decisive.length > SHOWN ? (
        <p className="text-xs text-muted-foreground">{decisive.length - SHOWN} more in “Show the numbers” under the chart.</p>
      ) : null}
    </div>
  );
}
