import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getTeam } from "@/lib/domain/teams";
import { can } from "@/lib/permissions";
import { orNotFound } from "@/lib/http/page";
import { Card, CardContent } from "@/components/ui/card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ImportRecordForm } from "@/components/records/import-record-form";

export const metadata = { title: "Import a decision record" };

export default async function ImportRecordPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser(`/teams/${teamId}/import`);
  const team = await orNotFound(getTeam({ userId: user.id }, teamId));
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/teams/${team.id}`} className="hover:underline">
            {team.name}
          </Link>
        }
        title="Import a decision record"
        description="Bring in a decision exported from Tradeoff, to revisit it or to keep it with this team's records."
      />
      {can(team.myRole, "evaluation:import") ? (
        <Card>
          <CardContent>
            <ImportRecordForm teamId={team.id} />
          </CardContent>
        </Card>
      ) : (
        <Alert variant="warning">
          <AlertDescription>
            Only owners and admins import decision records: an imported archive adds a decision to this team&rsquo;s records that nobody
            here made. Ask an admin to import it, or to make you an admin.
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
