"use client";

import { useMemo, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";
import { fetchJson } from "@/lib/http/client";
import { evaluationKey } from "@/components/evaluation/use-evaluation";
import { PairwiseBallot } from "@/components/evaluation/pairwise-ballot";
import type { EvaluationView } from "@/lib/domain/report";
import { POINTS_TOTAL, checkBallotFits, type BallotInput } from "@/lib/validation/ballot";
import { weightsToPoints } from "@/lib/validation/points";
import { draftComparisons, draftFromBallot, draftProblem } from "@/lib/validation/pairwise-draft";

type Method = BallotInput["method"];
type WeightsMethod = Exclude<Method, "pairwise">;

function initialValues(view: EvaluationView, method: WeightsMethod): Record<string, number> {
  const keys = view.criteria.map((c) => c.key);
  const mine = view.myBallot;
  if (mine && mine.method === method) return { ...Object.fromEntries(keys.map((k) => [k, 0])), ...mine.weights };
  if (method === "likert") return Object.fromEntries(keys.map((k) => [k, 3]));
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

function postBallot(evaluationId: string, ballot: BallotInput) {
  return fetchJson(`/api/v1/evaluations/${evaluationId}/ballots`, { method: "POST", body: ballot });
}

export function BallotForm({ view, currentUserId }: { view: EvaluationView; currentUserId: string }) {
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<Method>(view.myBallot?.method ?? "points");
  const [values, setValues] = useState(() => initialValues(view, method === "likert" ? "likert" : "points"));
  const [draft, setDraft] = useState(() => draftFromBallot(view.myBallot, view.criteria.map((c) => c.key)));
  const [saved, setSaved] = useState(false);
  const keys = view.criteria.map((c) => c.key);
  const used = keys.reduce((sum, k) => sum + (values[k] || 0), 0);
  const left = POINTS_TOTAL - used;
  const ballot: BallotInput =
    method === "pairwise"
      ? { method, comparisons: draftComparisons(draft) }
      : { method, weights: Object.fromEntries(keys.map((k) => [k, values[k] || 0])) };
  const problems = useMemo(() => checkBallotFits(ballot, keys), [JSON.stringify(ballot)]); // eslint-disable-line react-hooks/exhaustive-deps

  const mutation = useMutation({
    mutationFn: (b: BallotInput) => postBallot(view.id, b),
    // Optimistic: the member sees their vote counted at once; the server's answer then replaces it.
    onMutate: async (b) => {
      setSaved(false);
      await queryClient.cancelQueries({ queryKey: evaluationKey(view.id) });
      const previous = queryClient.getQueryData<EvaluationView>(evaluationKey(view.id));
      if (previous) {
        queryClient.setQueryData<EvaluationView>(evaluationKey(view.id), {
          ...previous,
          myBallot:
            b.method === "pairwise"
              ? { voter: currentUserId, method: b.method, comparisons: b.comparisons }
              : { voter: currentUserId, method: b.method, weights: b.weights },
          members: previous.members.map((m) => (m.id === currentUserId ? { ...m, voted: true } : m)),
        });
      }
      return { previous };
    },
    onError: (_error, _b, context) => {
      if (context?.previous) queryClient.setQueryData(evaluationKey(view.id), context.previous);
    },
    onSuccess: () => setSaved(true),
    onSettled: () => queryClient.invalidateQueries({ queryKey: evaluationKey(view.id) }),
  });

  const switchMethod = (next: Method) => {
    setMethod(next);
    if (next !== "pairwise") setValues(initialValues(view, next));
  };
  const suggested = view.suggestedWeights?.weights as Record<string, number> | undefined;
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
      <div role="radiogroup" aria-label="Voting method" className="flex w-fit max-w-full flex-wrap rounded-lg border bg-muted/40 p-1 text-sm">
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
            className={cn("text-sm font-medium tabular-nums", left === 0 ? "text-success" : left < 0 ? "text-destructive" : "text-foreground")}
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
        <p className="text-sm text-muted-foreground">1 = barely matters, 5 = matters most.</p>
      )}

      {method === "pairwise" ? null : (
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {view.criteria.map((c) => (
            <li key={c.key} className="flex min-w-0 items-center justify-between gap-3 rounded-md border px-3 py-2">
              <label htmlFor={`ballot-${c.key}`} className="min-w-0 text-sm">
                <span className="block truncate font-medium">{c.name}</span>
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
                <NativeSelect
                  id={`ballot-${c.key}`}
                  wrapperClassName="w-auto"
                  value={values[c.key] ?? 3}
                  onChange={(e) => setValues({ ...values, [c.key]: Number(e.target.value) })}
                >
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </NativeSelect>
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
