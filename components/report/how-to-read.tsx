import { BookOpenText } from "lucide-react";
import { GLOSSARY } from "@/lib/report/glossary";

const READING_ORDER = [
  "Start with “In short”: who leads, how many voted, where the team agrees and disagrees, and how firm the lead is.",
  "“What makes up each score” shows why: each bar is a criterion's weight times the option's rating.",
  "“Weights” shows how much each criterion counts for the team and how far apart the members are on it.",
  "“How firm is the lead?” shows how much the priorities would have to shift before another option leads.",
  "“Aggregation rules side by side” checks that the winner does not depend on how the ballots are combined.",
];

/** A short guide to the report for someone who has never read a decision matrix, folded by default. */
export function HowToRead() {
  return (
    <details className="group rounded-xl border bg-card p-4 text-sm" data-testid="how-to-read">
      <summary className="flex cursor-pointer items-center gap-2 font-medium text-primary">
        <BookOpenText className="size-4" aria-hidden />
        How to read this report
      </summary>
      <div className="mt-3 grid gap-4">
        <ol className="grid list-decimal gap-1.5 pl-5">
          {READING_ORDER.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <div>
          <h3 className="mb-2 font-medium">The terms it uses</h3>
          <dl className="grid gap-2 sm:grid-cols-2">
            {Object.values(GLOSSARY).map((entry) => (
              <div key={entry.term} className="rounded-lg bg-muted/50 p-2.5">
                <dt className="font-medium">{entry.term}</dt>
                <dd className="text-muted-foreground">{entry.short}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </details>
  );
}
