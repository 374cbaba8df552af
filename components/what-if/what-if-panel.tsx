"use client";

import { useMemo, useState } from "react";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Slider } from "@/components/ui/slider";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { WhatIfRanking } from "@/components/what-if/what-if-ranking";
import { CastBallotDialog } from "@/components/what-if/cast-ballot-dialog";
import { SaveScenarioDialog } from "@/components/what-if/save-scenario-dialog";
import { ScenarioList } from "@/components/what-if/scenario-list";
import { useScenarios } from "@/components/what-if/use-scenarios";
import { percent } from "@/components/report/format";
import { whatIfRanker } from "@/lib/engine/whatif";
import { SOURCE_LABELS, startingWeights } from "@/components/what-if/starting-weights";
import { can } from "@/lib/permissions";
import { cn } from "@/lib/utils";
import { scenariosSharedWithTeam } from "@/lib/validation/scenario";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import type { Scenario } from "@/lib/api/client";

const SLIDER_MAX = 100;

/** Slider positions for weights in any unit: only proportions matter, the heaviest sits mid-way. */
function sliderPositions(criterionIds: string[], weights: Record<string, number>): Record<string, number> {
  const values = criterionIds.map((id) => (Object.hasOwn(weights, id) ? Math.max(0, weights[id]) : 0));
  const heaviest = Math.max(...values, 1e-9);
  return Object.fromEntries(criterionIds.map((id, i) => [id, (values[i] / heaviest) * (SLIDER_MAX / 2)]));
}

/**
 * Drag the weights and the ranking recomputes in the browser with the engine's own weighted sum.
 * Nothing changes for the team unless the member saves the weights as a named scenario or casts
 * them as their ballot. While the ballots are blind the view holds no team weights, so the panel
 * starts from the reader's own ballot: a private preview that uses nobody else's. `scenarioId`
 * (the page's `?scenario=`, a shared link) loads a saved scenario's weights.
 */
export function WhatIfPanel({
  view,
  canCast,
  currentUserId,
  scenarioId = null,
  onScenarioChange = () => {},
}: {
  view: EvaluationView;
  canCast: boolean;
  currentUserId: string;
  scenarioId?: string | null;
  onScenarioChange?: (scenarioId: string | null) => void;
}) {
  const { table, report, myBallot } = view;
  const rank = useMemo(() => whatIfRanker(table), [table]);
  const start = useMemo(() => startingWeights({ table, report, myBallot }), [table, report, myBallot]);
  const labels = SOURCE_LABELS[start.source];
  // The starting weights as slider positions: only proportions matter, so the heaviest criterion
  // starts mid-way and can still be doubled. Live updates move them.
  const team = useMemo(
    () =>
      sliderPositions(
        table.criteria.map((c) => c.id),
        start.weights,
      ),
    [table, start],
  );
  // Heaviest first by the team's weights, so the order holds still while the member drags.
  const criteria = useMemo(() => [...table.criteria].sort((a, b) => team[b.id] - team[a.id]), [table, team]);
  const weighted = criteria.filter((c) => team[c.id] > 0);
  const unweighted = criteria.filter((c) => team[c.id] === 0);
  // null: follow the team's weights; a record once the member drags a slider.
  const [dragged, setDragged] = useState<Record<string, number> | null>(null);
  const [cast, setCast] = useState(false);
  // The scenario whose weights the sliders hold, until the member drags or resets.
  const [loaded, setLoaded] = useState<Scenario | null>(null);
  const scenarios = useScenarios(view.id);
  const load = (scenario: Scenario) => {
    setLoaded(scenario);
    setCast(false);
    setDragged(
      sliderPositions(
        table.criteria.map((c) => c.id),
        scenario.weights,
      ),
    );
  };
  // A shared link: load the scenario it names once the list has it (during render, not in an effect,
  // so the first paint with the list already shows its weights).
  // `followed` remembers the link already followed, so dragging away from it (which clears the
  // link from the address) never snaps back while the address catches up.
  const [followed, setFollowed] = useState<string | null>(null);
  const requested = scenarioId ? scenarios.data?.find((s) => s.id === scenarioId) : undefined;
  if (requested && followed !== requested.id) {
    setFollowed(requested.id);
    load(requested);
  }
  const missing = !!scenarioId && scenarios.isSuccess && !requested;
  const sharedWithTeam = scenariosSharedWithTeam(view.status, view.visibility);
  const leaveScenario = () => {
    setLoaded(null);
    if (scenarioId) onScenarioChange(null);
  };
  const afterCast = () => {
    setDragged(null);
    leaveScenario();
    setCast(true);
  };
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
            if (loaded) leaveScenario();
          }}
        />
      </li>
    );
  };

  const notice = loaded ? (
    <Alert variant="info" data-testid="loaded-scenario">
      <AlertDescription>
        Showing the scenario “{loaded.name}” saved by {loaded.createdBy.id === currentUserId ? "you" : loaded.createdBy.name}.
      </AlertDescription>
    </Alert>
  ) : missing ? (
    <Alert variant="warning" data-testid="missing-scenario">
      <AlertDescription>
        That scenario is not available: it was deleted, or it stays private to the member who saved it until the ballots are revealed.
      </AlertDescription>
    </Alert>
  ) : null;
  if (table.criteria.length === 0 || table.options.length < 2) {
    return <p className="text-sm text-muted-foreground">Add at least two options and one criterion to explore what-ifs.</p>;
  }
  return (
    <div
      className={cn(
        "grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]",
        notice ? "lg:grid-rows-[auto_auto_1fr]" : "lg:grid-rows-[auto_1fr]",
      )}
    >
      {/* Above the sliders and kept in view on a phone; beside them on a wide screen. */}
      <div className="sticky top-0 z-10 -mx-5 border-b bg-card px-5 py-3 sm:-mx-6 sm:px-6 lg:static lg:col-start-2 lg:row-start-1 lg:mx-0 lg:border-0 lg:p-0">
        <WhatIfRanking ranking={ranking} baseline={baseline} names={names} baselineLabel={labels.baseline} />
      </div>
      {/* Which scenario the sliders hold: under the ranking, before the sliders on a phone. */}
      {notice ? <div className="lg:col-start-2 lg:row-start-2">{notice}</div> : null}
      <fieldset
        className={cn("grid min-w-0 content-start gap-4 lg:col-start-1 lg:row-start-1", notice ? "lg:row-span-3" : "lg:row-span-2")}
      >
        <legend className="sr-only">Criterion weights</legend>
        <ul className="grid gap-x-6 gap-y-4 sm:grid-cols-2">{weighted.map(slider)}</ul>
        {unweighted.length ? (
          <details className="group">
            <summary className="cursor-pointer text-sm font-medium text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring">
              {unweighted.length} {unweighted.length === 1 ? "criterion" : "criteria"}{" "}
              {start.source === "team" ? "nobody weighted" : "your ballot gives no weight"}
            </summary>
            <ul className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">{unweighted.map(slider)}</ul>
          </details>
        ) : null}
      </fieldset>
      <div className={cn("grid content-start gap-4 lg:col-start-2", notice ? "lg:row-start-3" : "lg:row-start-2")}>
        {cast ? (
          <Alert variant="success">
            <AlertDescription>
              Cast as your ballot.{" "}
              {report
                ? "The team's report now includes it."
                : "It stays hidden from everyone, the owner included, until the ballots are revealed."}
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button
            variant="outline"
            onClick={() => {
              setDragged(null);
              leaveScenario();
            }}
            disabled={!dragged}
          >
            <RotateCcw aria-hidden /> {labels.reset}
          </Button>
          {can(view.myRole, "comment:write") ? (
            <SaveScenarioDialog
              evaluationId={view.id}
              criterionKeys={view.criteria.map((c) => c.key)}
              weights={values}
              sharedWithTeam={sharedWithTeam}
              onSaved={(saved) => {
                setFollowed(saved.id);
                setLoaded(saved);
                onScenarioChange(saved.id);
              }}
            />
          ) : null}
          {canCast ? (
            <CastBallotDialog
              evaluationId={view.id}
              currentUserId={currentUserId}
              criteria={view.criteria}
              weights={values}
              replacing={!!view.myBallot}
              onCast={afterCast}
            />
          ) : null}
        </div>
        <p className="text-xs text-muted-foreground">
          {canCast
            ? "Nothing changes for the team unless you save these weights as a scenario or cast them as your ballot."
            : can(view.myRole, "comment:write")
              ? "Exploring: nothing changes unless you save these weights as a scenario."
              : "Exploring only: nothing here is saved."}
        </p>
        <ScenarioList
          evaluationId={view.id}
          currentUserId={currentUserId}
          criteria={view.criteria}
          sharedWithTeam={sharedWithTeam}
          canCast={canCast}
          hasBallot={!!view.myBallot}
          activeId={loaded?.id ?? null}
          onOpen={(scenario) => {
            setFollowed(scenario.id);
            load(scenario);
            onScenarioChange(scenario.id);
          }}
          onCast={afterCast}
        />
      </div>
    </div>
  );
}
