import Link from "next/link";
import { ArchiveRestore, ChevronRight } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { ArchiveButton } from "@/components/team/archive-button";
import { formatRecordNumber } from "@/lib/export/file-name";
import type { listTeamEvaluations } from "@/lib/domain/evaluations";

type TeamEvaluation = Awaited<ReturnType<typeof listTeamEvaluations>>[number];

interface ListProps {
  teamId: string;
  evaluations: TeamEvaluation[];
  /** members who can vote, for "n of m voted" */
  voters: number;
  /** whether the reader may archive and restore */
  canArchive: boolean;
}

function EvaluationCard({ teamId, evaluation: e, voters, canArchive }: Omit<ListProps, "evaluations"> & { evaluation: TeamEvaluation }) {
  return (
    <Card className="transition-colors hover:border-primary/40 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-ring">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div className="grid min-w-0 gap-1">
          <CardTitle as="h3" className="break-words">
            {/* The whole title is the link; the archive button beside it stays a separate control. */}
            <Link href={`/evaluations/${e.id}`} className="hover:underline focus-visible:outline-none">
              {e.recordNumber ? (
                <span className="mr-1.5 font-mono text-sm text-muted-foreground">#{formatRecordNumber(e.recordNumber)}</span>
              ) : null}
              {e.title}
            </Link>
          </CardTitle>
          <CardDescription>
            {e.options} options · {e.criteria} criteria · created <DateTime value={e.createdAt} dateOnly />
            {e.archivedAt ? (
              <>
                {" "}
                · archived <DateTime value={e.archivedAt} dateOnly />
              </>
            ) : null}
          </CardDescription>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {e.imported ? (
            // Its ballots came from a file, so "n of m voted" would count this team's members wrongly.
            <Badge variant="info" data-testid="imported-badge" title={`Imported from a record (sha256 ${e.imported.sha256.slice(0, 12)}…)`}>
              <ArchiveRestore aria-hidden /> Imported from a record
            </Badge>
          ) : (
            <span className="text-sm text-muted-foreground" data-testid="ballot-count">
              {e.ballots} of {voters} voted
            </span>
          )}
          <StatusBadge status={e.status} />
          {canArchive ? (
            <ArchiveButton
              teamId={teamId}
              evaluationId={e.id}
              title={e.title}
              archived={e.archivedAt !== null}
              voting={e.status === "voting"}
            />
          ) : null}
        </div>
      </CardHeader>
    </Card>
  );
}

/** The team's evaluations: active ones first, archived ones filed in a collapsed section below. */
export function TeamEvaluationList({ teamId, evaluations, voters, canArchive }: ListProps) {
  const active = evaluations.filter((e) => !e.archivedAt);
  const archived = evaluations.filter((e) => e.archivedAt);
  const card = (e: TeamEvaluation) => (
    <li key={e.id}>
      <EvaluationCard teamId={teamId} evaluation={e} voters={voters} canArchive={canArchive} />
    </li>
  );
  return (
    <div className="grid gap-4">
      {active.length ? (
        <ul className="grid gap-3" aria-label="Evaluations">
          {active.map(card)}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
          Every evaluation is archived. Restore one to bring it back here.
        </p>
      )}
      {archived.length ? (
        <details className="group rounded-lg border bg-muted/30" data-testid="archived-evaluations">
          <summary className="flex cursor-pointer list-none items-center gap-2 p-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-ring">
            <ChevronRight className="size-4 transition-transform group-open:rotate-90" aria-hidden />
            Archived <span className="font-normal text-muted-foreground">({archived.length})</span>
          </summary>
          <ul className="grid gap-3 p-3 pt-0" aria-label="Archived evaluations">
            {archived.map(card)}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
