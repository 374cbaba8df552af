"use client";

import { useTransition, useState } from "react";
import { useRouter } from "next/navigation";
import { Archive, ArchiveRestore } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setArchivedFromTeamAction } from "@/app/teams/actions";

/**
 * Files an evaluation away (or back) from the team's list. Archiving one that is open for voting
 * stops its ballots until it is restored, so that case asks first.
 */
export function ArchiveButton({
  teamId,
  evaluationId,
  title,
  archived,
  voting,
}: {
  teamId: string;
  evaluationId: string;
  title: string;
  archived: boolean;
  voting: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = () =>
    start(async () => {
      const state = await setArchivedFromTeamAction(teamId, evaluationId, !archived);
      if (state && !state.ok) setError(state.message);
      else {
        setError(null);
        router.refresh();
      }
    });
  const label = archived ? `Restore ${title}` : `Archive ${title}`;
  const button = (
    <Button variant="ghost" size="sm" disabled={pending} aria-label={label} onClick={voting && !archived ? undefined : run}>
      {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
      {archived ? "Restore" : "Archive"}
    </Button>
  );
  return (
    <span className="inline-flex items-center gap-2">
      {voting && !archived ? (
        <ConfirmDialog
          trigger={button}
          title={`Archive “${title}” while voting is open?`}
          description="Archiving files it away and pauses the vote: nobody can cast or change a ballot until it is restored. Ballots already cast and the status stay as they are."
          confirmLabel="Archive and pause voting"
          pending={pending}
          onConfirm={run}
        />
      ) : (
        button
      )}
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
    </span>
  );
}
