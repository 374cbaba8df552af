"use client";

import { useState } from "react";
import { Check, Link2, Trash2, Vote } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { CastBallotDialog } from "@/components/what-if/cast-ballot-dialog";
import { useDeleteScenario, useScenarios } from "@/components/what-if/use-scenarios";
import { cn } from "@/lib/utils";
import type { Scenario } from "@/lib/api/client";

/** The link that opens the what-if panel with a scenario's weights. */
export function scenarioPath(evaluationId: string, scenarioId: string) {
  return `/evaluations/${evaluationId}?scenario=${encodeURIComponent(scenarioId)}`;
}

/**
 * The evaluation's saved scenarios: name, who saved it and when, a link that opens its weights,
 * and, per row, cast it as my ballot (while I can vote) and delete (its creator, an owner or admin).
 */
export function ScenarioList({
  evaluationId,
  currentUserId,
  criteria,
  sharedWithTeam,
  canCast,
  hasBallot,
  activeId,
  onOpen,
  onCast,
}: {
  evaluationId: string;
  currentUserId: string;
  criteria: { key: string; name: string }[];
  sharedWithTeam: boolean;
  canCast: boolean;
  hasBallot: boolean;
  activeId: string | null;
  onOpen: (scenario: Scenario) => void;
  onCast: () => void;
}) {
  const scenarios = useScenarios(evaluationId);
  const remove = useDeleteScenario(evaluationId);
  const [copied, setCopied] = useState<string | null>(null);

  const [copyFailed, setCopyFailed] = useState(false);
  const copyLink = async (scenario: Scenario) => {
    try {
      await navigator.clipboard.writeText(new URL(scenarioPath(evaluationId, scenario.id), window.location.origin).toString());
      setCopyFailed(false);
      setCopied(scenario.id);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the scenario's name is the link.
      setCopyFailed(true);
    }
  };

  return (
    <section aria-labelledby="scenarios-heading" className="grid gap-3" data-testid="scenarios">
      <div className="grid gap-0.5">
        <h3 id="scenarios-heading" className="text-sm font-semibold">
          Saved scenarios
        </h3>
        <p className="text-xs text-muted-foreground">
          {sharedWithTeam
            ? "Shared with the team: open one to load its weights, or send its link."
            : "While the ballots are blind you see only your own; the team sees them once the ballots are revealed."}
        </p>
      </div>
      {scenarios.isPending ? (
        <div className="grid gap-2" aria-busy="true" aria-label="Loading scenarios">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : scenarios.isError ? (
        <Alert variant="destructive">
          <AlertDescription>Could not load the scenarios: {scenarios.error.message}</AlertDescription>
        </Alert>
      ) : scenarios.data.length === 0 ? (
        <p className="rounded-md border border-dashed px-3 py-4 text-sm text-muted-foreground">
          No saved scenarios yet. Move the sliders and save them to compare later or to share with the team.
        </p>
      ) : (
        <ul className="grid gap-2">
          {scenarios.data.map((s) => (
            <li
              key={s.id}
              className={cn("grid min-w-0 gap-2 rounded-md border px-3 py-2", activeId === s.id && "border-primary bg-primary-soft/40")}
              data-testid="scenario"
            >
              <div className="flex min-w-0 flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <a
                  href={scenarioPath(evaluationId, s.id)}
                  className="min-w-0 break-words font-medium text-primary underline-offset-2 hover:underline"
                  aria-current={activeId === s.id ? "true" : undefined}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey) return; // a new tab follows the link itself
                    e.preventDefault();
                    onOpen(s);
                  }}
                >
                  {s.name}
                </a>
                {s.shared ? null : <Badge variant="muted">Only you, until revealed</Badge>}
              </div>
              <p className="text-xs text-muted-foreground">
                {s.createdBy.id === currentUserId ? "You" : s.createdBy.name} · <DateTime value={s.createdAt} />
              </p>
              <div className="flex flex-wrap gap-2">
                <Button variant="outline" size="sm" onClick={() => void copyLink(s)} aria-label={`Copy link to ${s.name}`}>
                  {copied === s.id ? <Check aria-hidden /> : <Link2 aria-hidden />} {copied === s.id ? "Link copied" : "Copy link"}
                </Button>
                {canCast ? (
                  <CastBallotDialog
                    evaluationId={evaluationId}
                    currentUserId={currentUserId}
                    criteria={criteria}
                    weights={s.weights}
                    replacing={hasBallot}
                    onCast={onCast}
                    title={`Cast “${s.name}” as your ballot?`}
                    trigger={
                      <Button size="sm" aria-label={`Cast ${s.name} as my ballot`}>
                        <Vote aria-hidden /> Cast as my ballot
                      </Button>
                    }
                  />
                ) : null}
                {s.canDelete ? (
                  <ConfirmDialog
                    title={`Delete “${s.name}”?`}
                    description="The scenario and its link stop working for everyone. Ballots cast from it stay."
                    confirmLabel="Delete scenario"
                    destructive
                    pending={remove.isPending}
                    onConfirm={() => remove.mutate(s.id)}
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Delete ${s.name}`}>
                        <Trash2 aria-hidden /> Delete
                      </Button>
                    }
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {copyFailed ? (
        <p className="text-xs text-muted-foreground" role="status">
          Could not copy here: the scenario&apos;s name is its link, copy it from there.
        </p>
      ) : null}
      {remove.isError ? (
        <Alert variant="destructive">
          <AlertDescription>{remove.error.message}</AlertDescription>
        </Alert>
      ) : null}
    </section>
  );
}
