import Link from "next/link";
import { Users } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { listMyTeams } from "@/lib/domain/teams";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreateTeamForm } from "@/components/forms/team-forms";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata = { title: "Teams" };

export default async function TeamsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireUser("/teams");
  const teams = await listMyTeams({ userId: user.id });
  const { deleted } = await searchParams;
  return (
    <div className="grid gap-8">
      <PageHeader title="Your teams" description="Each team decides together: its members vote, its evaluations stay private to it." />
      {deleted ? (
        <Alert variant="success" data-testid="team-deleted">
          <AlertDescription>The team was deleted with its evaluations, ballots and comments.</AlertDescription>
        </Alert>
      ) : null}
      {teams.length === 0 ? (
        <EmptyState
          icon={Users}
          title="You are not in a team yet"
          description="Create a team below, or ask a teammate for an invite link."
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Teams">
          {teams.map((team) => (
            <li key={team.id}>
              <Link href={`/teams/${team.id}`} className="block rounded-xl focus-visible:outline-2 focus-visible:outline-ring">
                <Card className="h-full transition-colors hover:border-primary/40">
                  <CardHeader>
                    <CardTitle as="h2">{team.name}</CardTitle>
                    <CardDescription>
                      {team.members} {team.members === 1 ? "member" : "members"} · {team.evaluations}{" "}
                      {team.evaluations === 1 ? "evaluation" : "evaluations"}
                    </CardDescription>
                  </CardHeader>
                  <CardContent>
                    <Badge variant="secondary">{ROLE_LABELS[team.role]}</Badge>
                  </CardContent>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card>
        <CardHeader>
          <CardTitle as="h2">Create a team</CardTitle>
          <CardDescription>You become its owner and can invite teammates.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateTeamForm />
        </CardContent>
      </Card>
    </div>
  );
}
