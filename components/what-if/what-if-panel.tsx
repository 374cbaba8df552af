"use client";

import { useMemo, useState } from "react";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Slider } from "@/components/ui/slider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { WhatIfRanking } from "@/components/what-if/what-if-ranking";
import { CastBallotDialog } from "@/components/what-if/cast-ballot-dialog";
import { percent } from "@/components/report/format";
import { whatIfRanker } from "@/lib/engine/whatif";
import { SOURCE_LABELS, startingWeights } from "@/components/what-if/starting-weights";
import type { EvaluationView } from "@/lib/domain/report";

const SLIDER_MAX = 100;

/**
 * Drag the weights and the ranking recomputes in the browser with the engine's own weighted sum.
 * Nothing is saved unless the member casts the weights as their ballot. While the ballots are blind
 * the view holds no team weights, so the panel starts from the reader's own ballot: a private
 * preview that uses nobody else's.
 */
export function WhatIfPanel({ view, canCast }: { view: EvaluationView; canCast: boolean }) {
  const { table, report, myBallot } = view;
  const rank = useMemo(() => whatIfRanker(table), [table]);
  const start = useMemo(() => startingWeights({ table, report, myBallot }), [table, report, myBallot]);
  const labels = SOURCE_LABELS[start.source];
  // The starting weights as slider positions: only proportions matter, so the heaviest criterion
  // starts mid-way and can still be doubled. Live updates move them.
  const team = useMemo(() => {
    const weights = table.criteria.map((c) => start.weights[c.id] ?? 0);
    const heaviest = Math.max(...weights, 1e-9);
    return Object.fromEntries(table.criteria.map((c, i) => [c.id, (weights[i] / heaviest) * (SLIDER_MAX / 2)]));
  }, [table, start]);
  // Heaviest first by the team's weights, so the order holds still while the member drags.
  const criteria = useMemo(() => [...table.criteria].sort((a, b) => team[b.id] - team[a.id]), [table, team]);
  const weighted = criteria.filter((c) => team[c.id] > 0);
  const unweighted = criteria.filter((c) => team[c.id] === 0);
  // null: follow the team's weights; a record once the member drags a slider.
  const [dragged, setDragged] = useState<Record<string, number> | null>(null);
  const [cast, setCast] = useState(false);
  const values = dragged ?? team;
  const total = Object.values(values).reduce((sum, v) => sum + v, 0);
  const ranking = rank(values);
  const baseline = useMemo(() => rank(team), [rank, team]);
  const names = Object.fromEntries(table.options.map((o) => [o.id, o.name]));

  const slider = (c: { id: string; name: string }) => {
    const share = total > 0 ? values[c.id] / total : 0;
    return (
      <li key={c.id} className="grid min-w-0 gap-1.5">
        <div className="flex items-baseline justify-between gap-3 text-sm">
          <span id={`what-if-${c.id}-label`} className="min-w-0 break-words font-medium leading-snug">
            {c.name}
          </span>
          <span className="tabular-nums text-muted-foreground">{percent(share, 1)}</span>
        </div>
        <Slider
          aria-labelledby={`what-if-${c.id}-label`}
          min={0}
          max={SLIDER_MAX}
          step={1}
          value={[values[c.id]]}
          getAriaValueText={() => `${percent(share, 1)} of the weight`}
          onValueChange={([next]) => {
            setCast(false);
            setDragged({ ...values, [c.id]: next });
          }}
        />
      </li>
    );
  };

  if (table.criteria.length === 0 || table.options.length < 2) {
    return <p className="text-sm text-muted-foreground">Add at least two options and one criterion to explore what-ifs.</p>;
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:grid-rows-[auto_1fr]">
      {/* Above the sliders and kept in view on a phone; beside them on a wide screen. */}
      <div className="sticky top-0 z-10 -mx-5 border-b bg-card px-5 py-3 sm:-mx-6 sm:px-6 lg:static lg:col-start-2 lg:row-start-1 lg:mx-0 lg:border-0 lg:p-0">
        <WhatIfRanking ranking={ranking} baseline={baseline} names={names} baselineLabel={labels.baseline} />
      </div>
      <fieldset className="grid min-w-0 content-start gap-4 lg:col-start-1 lg:row-span-2 lg:row-start-1">
        <legend className="sr-only">Criterion weights</legend>
        <ul className="grid gap-x-6 gap-y-4 sm:grid-cols-2">{weighted.map(slider)}</ul>
        {unweighted.length ? (
          <details className="group">
            <summary className="cursor-pointer text-sm font-medium text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring">
              {unweighted.length} {unweighted.length === 1 ? "criterion" : "criteria"} {start.source === "team" ? "nobody weighted" : "your ballot gives no weight"}
            </summary>
            <ul className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">{unweighted.map(slider)}</ul>
          </details>
        ) : null}
      </fieldset>
      <div className="grid content-start gap-4 lg:col-start-2 lg:row-start-2">
        {cast ? (
          <Alert variant="success">
            <AlertDescription>
              Cast as your ballot.{" "}
              {report ? "The team's report now includes it." : "It stays hidden from everyone, the owner included, until the ballots are revealed."}
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => setDragged(null)} disabled={!dragged}>
            <RotateCcw aria-hidden /> {labels.reset}
          </Button>
          {canCast ? (
            <CastBallotDialog
              evaluationId={view.id}
              criteria={view.criteria}
              weights={values}
              replacing={!!view.myBallot}
              onCast={() => {
                setDragged(null);
                setCast(true);
              }}
            />
          ) : null}
        </div>
        <p className="text-xs text-muted-foreground">
          {canCast ? "Nothing is saved unless you cast these weights as your ballot." : "Exploring only: nothing here is saved."}
        </p>
      </div>
    </div>
  );
}
