"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";
import { useCastBallot } from "@/components/evaluation/use-evaluation";
import { PairwiseBallot } from "@/components/evaluation/pairwise-ballot";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import { POINTS_TOTAL, checkBallotFits, type BallotInput } from "@/lib/validation/ballot";
import { weightsToPoints } from "@/lib/ballots/points";
import { draftComparisons, draftFromBallot, draftProblem } from "@/lib/ballots/pairwise-draft";

type Method = BallotInput["method"];
type WeightsMethod = Exclude<Method, "pairwise">;

/** Points start at 0; importance starts unset, so no criterion gets a 3 nobody chose. */
function initialValues(view: EvaluationView, method: WeightsMethod): Record<string, number> {
  const keys = view.criteria.map((c) => c.key);
  const mine = view.myBallot;
  if (mine && mine.method === method)
    return method === "likert" ? { ...mine.weights } : { ...Object.fromEntries(keys.map((k) => [k, 0])), ...mine.weights };
  return method === "likert" ? {} : Object.fromEntries(keys.map((k) => [k, 0]));
}

const METHOD_HELP: Record<Method, string> = {
  points: "Share 100 points: a criterion's weight is its share of the total, so giving more to one means less for another.",
  likert: "Rate each criterion on its own from 1 (barely matters) to 5 (matters most); weights are the ratings divided by their sum.",
  pairwise: "Compare criteria two at a time; weights are derived from all your judgments, and contradictions are pointed out.",
};

const IMPORTANCE = [1, 2, 3, 4, 5] as const;

export function BallotForm({ view, currentUserId }: { view: EvaluationView; currentUserId: string }) {
  const [method, setMethod] = useState<Method>(view.myBallot?.method ?? "points");
  const [values, setValues] = useState(() => initialValues(view, method === "likert" ? "likert" : "points"));
  const [draft, setDraft] = useState(() =>
    draftFromBallot(
      view.myBallot,
      view.criteria.map((c) => c.key),
    ),
  );
  const [saved, setSaved] = useState(false);
  const keys = view.criteria.map((c) => c.key);
  const used = keys.reduce((sum, k) => sum + (values[k] || 0), 0);
  const left = POINTS_TOTAL - used;
  const ballot: BallotInput =
    method === "pairwise"
      ? { method, comparisons: draftComparisons(draft) }
      : method === "likert"
        ? { method, weights: Object.fromEntries(keys.filter((k) => Object.hasOwn(values, k)).map((k) => [k, values[k]])) }
        : { method, weights: Object.fromEntries(keys.map((k) => [k, values[k] || 0])) };
  const unrated = method === "likert" ? keys.filter((k) => !Object.hasOwn(values, k)) : [];
  // The ballot and keys are rebuilt on every render; their serialised forms change only with the input.
  const ballotKey = JSON.stringify(ballot);
  const criteriaKey = keys.join("\n");
  const problems = useMemo(() => checkBallotFits(JSON.parse(ballotKey) as BallotInput, criteriaKey.split("\n")), [ballotKey, criteriaKey]);

  // Optimistic: the member sees their vote counted at once; the server's answer then replaces it.
  const mutation = useCastBallot(view.id, currentUserId, { onMutate: () => setSaved(false), onSuccess: () => setSaved(true) });

  const switchMethod = (next: Method) => {
    setMethod(next);
    if (next !== "pairwise") setValues(initialValues(view, next));
  };
  const suggested = view.suggestedWeights?.weights;
  const problemText = (method === "pairwise" ? draftProblem(draft) : null) ?? Object.values(problems)[0];

  return (
    <form
      className="grid grid-cols-1 gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!problemText) mutation.mutate(ballot);
      }}
    >
      <div
        role="radiogroup"
        aria-label="Voting method"
        className="flex w-fit max-w-full flex-wrap rounded-lg border bg-muted/40 p-1 text-sm"
      >
        {(
          [
            ["points", "100 points"],
            ["likert", "Importance 1–5"],
            ["pairwise", "Pairwise"],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={method === value}
            onClick={() => switchMethod(value)}
            className={cn(
              "rounded-md px-3 py-1.5 font-medium",
              method === value ? "bg-card shadow-xs" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {label}
          </button>
        ))}
      </div>

      {method === "pairwise" ? (
        <PairwiseBallot criteria={view.criteria} draft={draft} onChange={setDraft} />
      ) : method === "points" ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p
            aria-live="polite"
            data-testid="points-left"
            className={cn(
              "text-sm font-medium tabular-nums",
              left === 0 ? "text-success" : left < 0 ? "text-destructive" : "text-foreground",
            )}
          >
            {left === 0 ? "All 100 points allocated" : left > 0 ? `${left} points left` : `${-left} points over`}
          </p>
          {suggested ? (
            <Button type="button" variant="outline" size="sm" onClick={() => setValues(weightsToPoints(suggested, keys))}>
              Start from suggested weights
            </Button>
          ) : null}
        </div>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p aria-live="polite" data-testid="importance-left" className="text-sm font-medium">
            {unrated.length === 0 ? "Every criterion rated" : `${unrated.length} of ${keys.length} criteria not rated yet`}
          </p>
          {unrated.length > 0 ? (
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => setValues({ ...values, ...Object.fromEntries(unrated.map((k) => [k, 1])) })}
            >
              Rate the rest 1 (barely matters)
            </Button>
          ) : null}
        </div>
      )}
      <p className="text-sm text-muted-foreground" data-testid="method-help">
        {METHOD_HELP[method]}
      </p>

      {method === "pairwise" ? null : (
        <ul className={cn("grid grid-cols-1 gap-2 sm:grid-cols-2", method === "likert" && "lg:grid-cols-1")}>
          {view.criteria.map((c) => (
            <li key={c.key} className="flex min-w-0 items-center justify-between gap-3 rounded-md border px-3 py-2">
              <label htmlFor={`ballot-${c.key}`} className="min-w-0 text-sm">
                <span className="block break-words font-medium leading-snug">{c.name /* wraps, never cut off */}</span>
              </label>
              {method === "points" ? (
                <Input
                  id={`ballot-${c.key}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  className="w-20 text-right tabular-nums"
                  value={values[c.key] ?? 0}
                  onChange={(e) => setValues({ ...values, [c.key]: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
                />
              ) : (
                <div
                  role="radiogroup"
                  id={`ballot-${c.key}`}
                  aria-label={`Importance of ${c.name}`}
                  className="flex shrink-0 rounded-md border bg-muted/40 p-0.5"
                >
                  {IMPORTANCE.map((n) => (
                    <button
                      key={n}
                      type="button"
                      role="radio"
                      aria-checked={values[c.key] === n}
                      aria-label={`${n}${n === 1 ? " (barely matters)" : n === 5 ? " (matters most)" : ""}`}
                      onClick={() => setValues({ ...values, [c.key]: n })}
                      className={cn(
                        "size-8 rounded text-sm font-medium tabular-nums",
                        values[c.key] === n
                          ? "bg-primary text-primary-foreground shadow-xs"
                          : "text-muted-foreground hover:bg-card hover:text-foreground",
                      )}
                    >
                      {n}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      {mutation.isError ? (
        <Alert variant="destructive">
          <AlertDescription>{mutation.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {saved && !mutation.isPending ? (
        <Alert variant="success">
          <AlertDescription>Your ballot is saved. You can revise it until voting closes.</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        {problemText ? (
          <p className="text-sm text-destructive" role="status" data-testid="ballot-problem">
            {problemText}
          </p>
        ) : null}
        <Button type="submit" disabled={mutation.isPending || !!problemText}>
          {mutation.isPending ? <Spinner /> : null} {view.myBallot ? "Update ballot" : "Cast ballot"}
        </Button>
      </div>
    </form>
  );
}
