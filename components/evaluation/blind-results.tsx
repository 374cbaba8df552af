"use client";

import { useMemo, useState } from "react";
import { EyeOff, LockKeyhole } from "lucide-react";
import { Button } from "@/components/ui/button";
import { score } from "@/components/report/format";
import { ballotWeights } from "@/lib/engine/ballot-weights";
import { whatIfRanker } from "@/lib/engine/whatif";
import type { EvaluationView } from "@/lib/api/evaluation-view";

/**
 * What the ranking card shows while the ballots are blind: how many have voted, that the results
 * wait for the reveal, and, for a member who has voted, a private preview of how the options rank
 * under their own ballot. The preview is computed here, in the browser, with the engine's weighted
 * sum: the view carries no one else's ballot, so there is nothing else it could use.
 */
export function BlindResults({ view, canVote }: { view: EvaluationView; canVote: boolean }) {
  const voters = view.members.filter((m) => m.role !== "viewer");
  const voted = voters.filter((m) => m.voted).length;
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="grid gap-4" data-testid="results-hidden">
      <div className="flex items-start gap-3">
        <span aria-hidden className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-full bg-primary-soft text-primary">
          <EyeOff className="size-4" />
        </span>
        <div className="grid gap-1 text-sm">
          <p className="font-medium">Results stay sealed until the ballots are revealed</p>
          <p className="text-muted-foreground">
            <span className="font-medium text-foreground tabular-nums">
              {voted} of {voters.length}
            </span>{" "}
            {voters.length === 1 ? "member has" : "members have"} voted. The ranking, the team&apos;s weights and how much they agree appear
            for everyone, the owner included, once the ballots are revealed, so nobody anchors on the first votes.
          </p>
        </div>
      </div>
      {view.myBallot ? (
        <div className="grid gap-3 rounded-lg border border-dashed p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="flex items-center gap-1.5 text-sm font-medium">
              <LockKeyhole className="size-3.5 text-muted-foreground" aria-hidden /> Your private preview
            </p>
            <Button
              variant="outline"
              size="sm"
              aria-expanded={previewing}
              aria-controls="private-preview"
              onClick={() => setPreviewing(!previewing)}
            >
              {previewing ? "Hide my preview" : "Preview the ranking under my ballot"}
            </Button>
          </div>
          {previewing ? <PrivatePreview view={view} /> : null}
          <p className="text-xs text-muted-foreground">
            Computed in your browser from your ballot alone. Nobody else sees it, and it says nothing about the team&apos;s ranking.
          </p>
        </div>
      ) : canVote && view.status === "voting" ? (
        <p className="text-sm text-muted-foreground">
          Cast your ballot to preview, privately, how the options rank under your own weights.
        </p>
      ) : null}
    </div>
  );
}

function PrivatePreview({ view }: { view: EvaluationView }) {
  const { table, myBallot } = view;
  const ranking = useMemo(() => {
    if (!myBallot) return [];
    return whatIfRanker(table)(
      ballotWeights(
        myBallot,
        table.criteria.map((c) => c.id),
      ),
    );
  }, [table, myBallot]);
  const names = new Map(table.options.map((o) => [o.id, o.name]));
  return (
    <ol id="private-preview" className="grid gap-3" aria-label="Ranking under your ballot (private preview)" data-testid="private-preview">
      {ranking.map((r) => (
        <li key={r.option} className="grid gap-1.5">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="flex items-center gap-2 font-medium">
              <span className="inline-flex size-6 items-center justify-center rounded-full bg-muted text-xs tabular-nums">{r.rank}</span>
              {names.get(r.option) ?? r.option}
            </span>
            <span className="tabular-nums text-muted-foreground">
              <span className="font-semibold text-foreground">{score(r.score)}</span> / 10
            </span>
          </div>
          <div className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
            <div className="h-full rounded-full bg-primary/60" style={{ width: `${(r.score / 10) * 100}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
