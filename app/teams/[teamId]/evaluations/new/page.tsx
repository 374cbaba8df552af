import { requireUser } from "@/lib/auth/session";
import { getTeam } from "@/lib/domain/teams";
import { can } from "@/lib/permissions";
import { orNotFound } from "@/lib/http/page";
import { TeamFormPage } from "@/components/team/team-form-page";
import { CreateEvaluationForm } from "@/components/forms/create-evaluation-form";

export const metadata = { title: "New evaluation" };

export default async function NewEvaluationPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser(`/teams/${teamId}/evaluations/new`);
  const team = await orNotFound(getTeam({ userId: user.id }, teamId));
  return (
    <TeamFormPage
      team={team}
      title="New evaluation"
      description="Frame the decision. You can edit options, criteria and ratings until voting opens."
      allowed={can(team.myRole, "evaluation:edit")}
      refusal="Viewers cannot create evaluations. Ask an admin for the member role."
    >
      <CreateEvaluationForm teamId={team.id} teamSize={team.members.length} />
    </TeamFormPage>
  );
}
