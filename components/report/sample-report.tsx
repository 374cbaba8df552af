import { Trophy } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { percent, score } from "@/components/report/format";
import { summariseReport } from "@/lib/report/summary";
import { weightedDrivers } from "@/lib/report/drivers";
import type { SampleReport } from "@/lib/report/sample";

/** The landing page's picture of the product: a real report from the engine, summary first. */
export function SampleReportCard({ sample }: { sample: SampleReport }) {
  const { report, names } = sample;
  const summary = summariseReport({ report, names, voted: sample.voters, eligible: sample.voters });
  const drivers = weightedDrivers(Object.keys(report.weights), report.weights, { max: 4 });
  const top = Math.max(...drivers.map((key) => report.weights[key]), 0.01);
  return (
    <figure
      className="grid gap-4 rounded-2xl border bg-card p-5 shadow-lg sm:p-6"
      aria-labelledby="sample-caption"
      data-testid="sample-report"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-semibold">{sample.title}</p>
        <Badge variant="decided">Sample report</Badge>
      </div>
      <div className="grid gap-1.5 rounded-xl bg-primary-soft/50 p-4 text-sm leading-relaxed">
        {summary.sentences.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Ranking</p>
          {report.ranking.map((entry) => (
            <div key={entry.option} className="grid gap-1">
              <div className="flex items-center justify-between text-sm">
                <span className="flex items-center gap-1.5 font-medium">
                  {entry.rank === 1 ? <Trophy className="size-4 text-warning" aria-hidden /> : null}
                  {names.options[entry.option]}
                </span>
                <span className="tabular-nums">{score(entry.score)} / 10</span>
              </div>
              <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
                <div className="h-full rounded-full bg-primary" style={{ width: `${entry.score * 10}%` }} />
              </div>
            </div>
          ))}
        </div>
        <div className="grid content-start gap-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">What weighs most</p>
          {drivers.map((key) => (
            <div key={key} className="grid grid-cols-[minmax(0,1fr)_3rem] items-center gap-2 text-sm">
              <span className="min-w-0 break-words leading-snug">{names.criteria[key]}</span>
              <span className="text-right tabular-nums text-muted-foreground">{percent(report.weights[key])}</span>
              <span className="col-span-2 h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
                <span className="block h-full rounded-full bg-chart-2" style={{ width: `${(report.weights[key] / top) * 100}%` }} />
              </span>
            </div>
          ))}
        </div>
      </div>
      <figcaption id="sample-caption" className="text-xs text-muted-foreground">
        Computed live by Tradeoff&apos;s engine from the built-in ratings and three sample ballots.
      </figcaption>
    </figure>
  );
}
