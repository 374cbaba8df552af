"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Archive, ArchiveRestore, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { deleteDraftAction, setArchivedAction } from "@/app/evaluations/[id]/actions";
import type { EvaluationLifecycle } from "@/lib/domain/evaluations";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function useLifecycleAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<{ ok: boolean; message?: string } | null>) =>
    start(async () => {
      const state = await action();
      if (state && !state.ok) setError(state.message ?? "Something went wrong.");
      else {
        setError(null);
        router.refresh();
      }
    });
  return { run, pending, error };
}

/** Archive / restore and, for a draft, delete: the evaluation's filing actions, beside the export menu. */
export function EvaluationLifecycleActions({ evaluationId, lifecycle }: { evaluationId: string; lifecycle: EvaluationLifecycle }) {
  const { run, pending, error } = useLifecycleAction();
  const archived = lifecycle.archivedAt !== null;
  const { options, criteria, comments } = lifecycle.contents;
  return (
    <>
      {lifecycle.canArchive && !archived ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={pending} data-testid="archive-evaluation">
              <Archive aria-hidden /> Archive
            </Button>
          }
          title={`Archive “${lifecycle.title}”?`}
          description={
            lifecycle.status === "voting"
              ? "Voting is open: archiving pauses it, so nobody can cast or change a ballot until the evaluation is restored. Its status, ballots and record stay as they are."
              : "It leaves the team's list of active evaluations for the Archived section. Nothing in it changes, and you can restore it at any time."
          }
          confirmLabel={lifecycle.status === "voting" ? "Archive and pause voting" : "Archive"}
          pending={pending}
          onConfirm={() => run(() => setArchivedAction(evaluationId, true))}
        />
      ) : null}
      {lifecycle.canDelete ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={pending} data-testid="delete-draft" className="text-destructive">
              <Trash2 aria-hidden /> Delete draft
            </Button>
          }
          title={`Delete the draft “${lifecycle.title}”?`}
          description={
            `This deletes the draft with its ${count(options, "option", "options")}, ${count(criteria, "criterion", "criteria")}, ` +
            `their ratings and sources, and ${count(comments, "comment", "comments")}. It cannot be undone; the team's audit trail keeps a note that it was deleted.` +
            (lifecycle.revisits ? ` The decision it revisits (“${lifecycle.revisits}”) stands again.` : "")
          }
          confirmLabel="Delete draft"
          destructive
          pending={pending}
          onConfirm={() => run(() => deleteDraftAction(evaluationId))}
        />
      ) : null}
      {error ? (
        <p role="alert" className="basis-full text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Said at the top of an archived evaluation, with the way back. */
export function ArchivedNotice({ evaluationId, lifecycle }: { evaluationId: string; lifecycle: EvaluationLifecycle }) {
  const { run, pending, error } = useLifecycleAction();
  if (!lifecycle.archivedAt) return null;
  return (
    <Alert variant="info" data-testid="archived-notice">
      <AlertTitle>
        Archived <DateTime value={lifecycle.archivedAt} dateOnly />
      </AlertTitle>
      <AlertDescription className="flex flex-wrap items-center justify-between gap-3">
        <span>
          {lifecycle.status === "voting"
            ? "Voting is paused: no ballot can be cast or changed until the evaluation is restored."
            : "Filed away from the team's active list; everything in it stays as it was."}
        </span>
        {lifecycle.canArchive ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => setArchivedAction(evaluationId, false))}
            data-testid="restore-evaluation"
          >
            <ArchiveRestore aria-hidden /> Restore
          </Button>
        ) : null}
        {error ? (
          <span role="alert" className="basis-full text-destructive">
            {error}
          </span>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}
