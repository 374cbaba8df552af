import { requireUser } from "@/lib/auth/session";
import { getTeam } from "@/lib/domain/teams";
import { can } from "@/lib/permissions";
import { orNotFound } from "@/lib/http/page";
import { TeamFormPage } from "@/components/team/team-form-page";
import { ImportRecordForm } from "@/components/records/import-record-form";

export const metadata = { title: "Import a decision record" };

export default async function ImportRecordPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser(`/teams/${teamId}/import`);
  const team = await orNotFound(getTeam({ userId: user.id }, teamId));
  return (
    <TeamFormPage
      team={team}
      title="Import a decision record"
      description="Bring in a decision exported from Tradeoff, to revisit it or to keep it with this team's records."
      allowed={can(team.myRole, "evaluation:import")}
      refusal={
        <>
          Only owners and admins import decision records: an imported archive adds a decision to this team&rsquo;s records that nobody here
          made. Ask an admin to import it, or to make you an admin.
        </>
      }
    >
      <ImportRecordForm teamId={team.id} />
    </TeamFormPage>
  );
}
