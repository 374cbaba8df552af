import { useMemo } from "react";
import { CheckboxControl } from "@/components/ui/checkbox";
import { SaatyScale } from "@/components/evaluation/saaty-scale";
import { PairwiseResult, type PairwiseOutcome } from "@/components/evaluation/pairwise-result";
import { analysePairwiseBallot } from "@/lib/engine/pairwise";
import {
  PAIRWISE_MAX_CRITERIA,
  PAIRWISE_MIN_CRITERIA,
  draftComparisons,
  pairKey,
  pairsOf,
  toggleCriterion,
  type PairwiseDraft,
} from "@/lib/ballots/pairwise-draft";

type Criterion = { key: string; name: string };

/**
 * The pairwise part of the ballot form: pick the criteria, judge every pair on Saaty's scale, and
 * see the weights and consistency the engine will compute from them, live.
 */
export function PairwiseBallot({
  criteria,
  draft,
  onChange,
}: {
  criteria: Criterion[];
  draft: PairwiseDraft;
  onChange: (draft: PairwiseDraft) => void;
}) {
  const keys = criteria.map((c) => c.key);
  const name = new Map(criteria.map((c) => [c.key, c.name]));
  const pairs = pairsOf(draft.chosen);
  const full = draft.chosen.length >= PAIRWISE_MAX_CRITERIA;
  // The engine's own analysis, so what the member sees is what the report will use.
  const outcome = useMemo((): PairwiseOutcome | null => {
    if (draft.chosen.length < 2) return null;
    const index = new Map(criteria.map((c, i) => [c.key, i]));
    const { analysis } = analysePairwiseBallot(draftComparisons(draft), index);
    return {
      weights: Object.fromEntries(criteria.map((c, i) => [c.key, analysis.weights[i]])),
      consistencyRatio: analysis.consistencyRatio,
      mostInconsistent: analysis.mostInconsistent,
    };
  }, [draft, criteria]);

  return (
    <div className="grid grid-cols-1 gap-4">
      <fieldset className="grid min-w-0 grid-cols-1 gap-2">
        <legend className="mb-1 text-sm font-medium">Criteria to compare</legend>
        <p id="pairwise-hint" className="text-sm text-muted-foreground">
          Pick {PAIRWISE_MIN_CRITERIA} to {PAIRWISE_MAX_CRITERIA} criteria that matter to you; the ones you leave out get no weight.
        </p>
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {criteria.map((c) => {
            const checked = draft.chosen.includes(c.key);
            return (
              <li key={c.key} className="min-w-0">
                <label className="flex min-w-0 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-disabled:cursor-not-allowed has-disabled:opacity-60">
                  <CheckboxControl
                    checked={checked}
                    disabled={!checked && full}
                    aria-describedby="pairwise-hint"
                    onCheckedChange={() => onChange(toggleCriterion(draft, c.key, keys))}
                  />
                  <span className="min-w-0 break-words font-medium">{c.name}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>

      {pairs.length ? (
        <fieldset className="grid min-w-0 grid-cols-1 gap-2">
          <legend className="mb-1 text-sm font-medium">Which matters more, and how much?</legend>
          <ul className="grid grid-cols-1 gap-2">
            {pairs.map(([a, b]) => {
              const id = `pair-${a}-${b}`;
              const [nameA, nameB] = [name.get(a) ?? a, name.get(b) ?? b];
              return (
                <li key={id} className="grid min-w-0 grid-cols-1 gap-2 rounded-md border px-3 py-2.5">
                  <p className="min-w-0 break-words text-sm" aria-hidden>
                    <span className="font-medium">{nameA}</span> vs <span className="font-medium">{nameB}</span>
                  </p>
                  <SaatyScale
                    id={id}
                    nameA={nameA}
                    nameB={nameB}
                    value={draft.steps[pairKey(a, b)] ?? "1"}
                    onChange={(value) => onChange({ ...draft, steps: { ...draft.steps, [pairKey(a, b)]: value } })}
                  />
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}

      {outcome ? <PairwiseResult criteria={criteria.filter((c) => draft.chosen.includes(c.key))} outcome={outcome} /> : null}
    </div>
  );
}
