import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { orNotFound } from "@/lib/http/page";
import { PageHeader } from "@/components/ui/page-header";
import { EvaluationWorkspace } from "@/components/evaluation/workspace";
import { ExportMenu } from "@/components/records/export-menu";
import { IntegrityBadge } from "@/components/records/integrity-badge";
import { getEvaluationView } from "@/lib/domain/report";
import { ballotsRevealed } from "@/lib/ballots/visibility";

export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/evaluations/${id}`);
  const view = await orNotFound(getEvaluationView({ userId: user.id }, id));
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href={`/teams/${view.teamId}`} className="hover:underline">{view.teamName}</Link>}
        title={view.title}
        actions={
          <>
            <IntegrityBadge evaluationId={view.id} />
            <ExportMenu evaluationId={view.id} available={ballotsRevealed(view.status)} />
          </>
        }
      />
      <EvaluationWorkspace initial={view} currentUserId={user.id} />
    </div>
  );
}
