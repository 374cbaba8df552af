import { Lightbulb } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { summariseReport, type Firmness } from "@/lib/report/summary";
import { namesOf } from "@/components/report/format";
import type { EvaluationView } from "@/lib/api/evaluation-view";

const FIRMNESS_BADGE: Record<Firmness, { label: string; variant: "success" | "warning" | "destructive" | "muted" }> = {
  unshakeable: { label: "Clear lead", variant: "success" },
  firm: { label: "Firm lead", variant: "success" },
  moderate: { label: "Moderate lead", variant: "warning" },
  fragile: { label: "Fragile lead", variant: "destructive" },
};

/**
 * The report's opening: the summary in plain sentences, generated from the numbers. Only ever
 * rendered with a report, which the server leaves out while ballots are blind.
 */
export function ReportSummary({ view }: { view: EvaluationView & { report: NonNullable<EvaluationView["report"]> } }) {
  const eligible = view.members.filter((m) => m.role !== "viewer");
  const summary = summariseReport({
    report: view.report,
    names: namesOf(view),
    voted: eligible.filter((m) => m.voted).length,
    eligible: eligible.length,
  });
  const badge = summary.firmness ? FIRMNESS_BADGE[summary.firmness] : null;
  return (
    <section
      aria-labelledby="report-summary-heading"
      className="rounded-xl border border-primary/30 bg-primary-soft/40 p-5"
      data-testid="report-summary"
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <Lightbulb className="size-4 text-primary" aria-hidden />
        <h2 id="report-summary-heading" className="font-semibold">
          In short
        </h2>
        {badge ? <Badge variant={badge.variant}>{badge.label}</Badge> : null}
      </div>
      <div className="grid gap-2 text-[0.95rem] leading-relaxed">
        {summary.sentences.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
    </section>
  );
}
