import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getTeam } from "@/lib/domain/teams";
import { can } from "@/lib/permissions";
import { orNotFound } from "@/lib/http/page";
import { Card, CardContent } from "@/components/ui/card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { CreateEvaluationForm } from "@/components/forms/create-evaluation-form";

export const metadata = { title: "New evaluation" };

export default async function NewEvaluationPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser(`/teams/${teamId}/evaluations/new`);
  const team = await orNotFound(getTeam({ userId: user.id }, teamId));
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/teams/${team.id}`} className="hover:underline">
            {team.name}
          </Link>
        }
        title="New evaluation"
        description="Frame the decision. You can edit options, criteria and ratings until voting opens."
      />
      {can(team.myRole, "evaluation:edit") ? (
        <Card>
          <CardContent>
            <CreateEvaluationForm teamId={team.id} teamSize={team.members.length} />
          </CardContent>
        </Card>
      ) : (
        <Alert variant="warning">
          <AlertDescription>Viewers cannot create evaluations. Ask an admin for the member role.</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
