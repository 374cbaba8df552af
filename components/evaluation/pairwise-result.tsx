import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { percent } from "@/components/report/format";
import type { InconsistentJudgment } from "@/lib/engine/types";
import { cn } from "@/lib/utils";
import { ACCEPTABLE_CONSISTENCY_RATIO, formatConsistencyRatio, inconsistentJudgmentInWords } from "@/lib/ballots/saaty";
import { Term } from "@/components/report/term";

type Criterion = { key: string; name: string };

export interface PairwiseOutcome {
  weights: Record<string, number>;
  consistencyRatio: number;
  mostInconsistent: InconsistentJudgment[];
}

/**
 * What a pairwise ballot adds up to: the weights of the compared criteria and how consistent the
 * judgments are, naming the ones to look at again when they are not.
 */
export function PairwiseResult({ criteria, outcome }: { criteria: Criterion[]; outcome: PairwiseOutcome }) {
  const name = new Map(criteria.map((c) => [c.key, c.name]));
  const weightOf = (key: string) => outcome.weights[key] ?? 0;
  const max = Math.max(...criteria.map((c) => weightOf(c.key)), 0.01);
  const cr = outcome.consistencyRatio;
  const inconsistent = cr > ACCEPTABLE_CONSISTENCY_RATIO;

  return (
    <section aria-labelledby="pairwise-result" className="grid min-w-0 grid-cols-1 gap-3 rounded-md border bg-muted/30 p-3">
      <h3 id="pairwise-result" className="text-sm font-medium">
        Your resulting weights
      </h3>
      <ul className="grid grid-cols-1 gap-1.5 text-sm" data-testid="pairwise-weights">
        {criteria.map((c) => (
          <li
            key={c.key}
            className="grid min-w-0 grid-cols-[minmax(0,1fr)_4rem_3rem] items-center gap-x-2 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)_3rem]"
          >
            <span className="min-w-0 break-words leading-snug">{c.name}</span>
            <span className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
              <span className="block h-full rounded-full bg-primary" style={{ width: `${(weightOf(c.key) / max) * 100}%` }} />
            </span>
            <span className="text-right tabular-nums">{percent(weightOf(c.key))}</span>
          </li>
        ))}
      </ul>
      <p
        aria-live="polite"
        data-testid="consistency-ratio"
        className={cn("text-sm tabular-nums", inconsistent ? "font-medium text-foreground" : "text-muted-foreground")}
      >
        <Term name="consistencyRatio">Consistency ratio</Term> {formatConsistencyRatio(cr)}
        {inconsistent ? "" : ` (under ${ACCEPTABLE_CONSISTENCY_RATIO} counts as consistent)`}
      </p>
      {inconsistent ? (
        <Alert variant="warning" data-testid="consistency-warning">
          <AlertTitle>Some of your comparisons contradict each other</AlertTitle>
          <AlertDescription>
            <p>Above {ACCEPTABLE_CONSISTENCY_RATIO} the weights rest on judgments that disagree. These disagree most:</p>
            <ul className="mt-1 list-disc pl-5">
              {outcome.mostInconsistent.map((j) => (
                <li key={`${j.a}|${j.b}`}>{inconsistentJudgmentInWords(j, name.get(j.a) ?? j.a, name.get(j.b) ?? j.b)}</li>
              ))}
            </ul>
            <p>You can still cast this ballot, or revise those pairs first.</p>
          </AlertDescription>
        </Alert>
      ) : null}
    </section>
  );
}
