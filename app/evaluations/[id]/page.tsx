import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/page";
import { PageHeader } from "@/components/ui/page-header";
import { EvaluationWorkspace } from "@/components/evaluation/workspace";
import { ExportMenu } from "@/components/records/export-menu";
import { IntegrityBadge } from "@/components/records/integrity-badge";
import { getEvaluationView } from "@/lib/domain/report";
import { firstBallotsOnly } from "@/lib/api/first-ballots";
import { ballotsRevealed } from "@/lib/ballots/visibility";
import { getEvaluationLifecycle } from "@/lib/domain/evaluations";
import { ArchivedNotice, EvaluationLifecycleActions } from "@/components/team/evaluation-lifecycle";
import { RecordNumberBadge } from "@/components/records/record-number";
import { madrRepositoryPath } from "@/lib/export/file-name";

export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/evaluations/${id}`);
  const view = await orNotFound(getEvaluationView({ userId: user.id }, id));
  const lifecycle = await orNotFound(getEvaluationLifecycle({ userId: user.id }, id));
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/teams/${view.teamId}`} className="hover:underline">
            {view.teamName}
          </Link>
        }
        title={view.title}
        titleAddon={lifecycle.recordNumber ? <RecordNumberBadge recordNumber={lifecycle.recordNumber} /> : null}
        actions={
          <>
            <IntegrityBadge evaluationId={view.id} />
            <ExportMenu
              evaluationId={view.id}
              available={ballotsRevealed(view.status)}
              madrPath={madrRepositoryPath(view.title, lifecycle.recordNumber)}
            />
            <EvaluationLifecycleActions evaluationId={view.id} lifecycle={lifecycle} />
          </>
        }
      />
      <ArchivedNotice evaluationId={view.id} lifecycle={lifecycle} />
      <EvaluationWorkspace initial={firstBallotsOnly(view)} currentUserId={user.id} />
    </div>
  );
}
