import Link from "next/link";
import { ArchiveRestore, ClipboardList, Plus, Upload } from "lucide-react";
import { formatDistanceToNow } from "date-fns";
import { requireUser } from "@/lib/auth/session";
import { getTeam } from "@/lib/domain/teams";
import { listTeamEvaluations } from "@/lib/domain/evaluations";
import { can, ROLE_LABELS } from "@/lib/domain/permissions";
import { orNotFound } from "@/lib/http/page";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Avatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InviteForm, LeaveTeamButton, RemoveMemberButton, RevokeInvitationButton, RoleSelect } from "@/components/forms/team-forms";
import { listPendingInvitations } from "@/lib/domain/invitations";

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser(`/teams/${teamId}`);
  const actor = { userId: user.id };
  const team = await orNotFound(getTeam(actor, teamId));
  const evaluations = await listTeamEvaluations(actor, teamId);
  const manage = can(team.myRole, "members:manage");
  const voters = team.members.filter((m) => m.role !== "viewer").length;
  const invitations = manage ? await listPendingInvitations(actor, teamId) : [];

  return (
    <div className="grid gap-8">
      <PageHeader
        title={team.name}
        description={`${team.members.length} ${team.members.length === 1 ? "member" : "members"} · you are ${ROLE_LABELS[team.myRole].toLowerCase()}`}
        actions={
          can(team.myRole, "evaluation:edit") ? (
            <>
              {/* Importing is for owners and admins: an archive adds a decision nobody here made. */}
              {can(team.myRole, "evaluation:import") ? (
                <Button variant="outline" asChild>
                  <Link href={`/teams/${team.id}/import`}>
                    <Upload /> Import record
                  </Link>
                </Button>
              ) : null}
              <Button asChild>
                <Link href={`/teams/${team.id}/evaluations/new`}>
                  <Plus /> New evaluation
                </Link>
              </Button>
            </>
          ) : null
        }
      />

      <section aria-labelledby="evaluations-heading" className="grid gap-3">
        <h2 id="evaluations-heading" className="text-lg font-semibold">
          Evaluations
        </h2>
        {evaluations.length === 0 ? (
          <EmptyState
            icon={ClipboardList}
            title="No evaluations yet"
            description="Start one from the Django or Flask template, or from a blank slate."
            action={
              can(team.myRole, "evaluation:edit") ? (
                <Button asChild>
                  <Link href={`/teams/${team.id}/evaluations/new`}>New evaluation</Link>
                </Button>
              ) : null
            }
          />
        ) : (
          <ul className="grid gap-3" aria-label="Evaluations">
            {evaluations.map((e) => (
              <li key={e.id}>
                <Link href={`/evaluations/${e.id}`} className="block rounded-xl focus-visible:outline-2 focus-visible:outline-ring">
                  <Card className="transition-colors hover:border-primary/40">
                    <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
                      <div className="grid gap-1">
                        <CardTitle as="h3">{e.title}</CardTitle>
                        <CardDescription>
                          {e.options} options · {e.criteria} criteria · created {formatDistanceToNow(e.createdAt, { addSuffix: true })}
                        </CardDescription>
                      </div>
                      <div className="flex items-center gap-2">
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
                      </div>
                    </CardHeader>
                  </Card>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Members</CardTitle>
            <CardDescription>Owners and admins manage members; viewers can read but not vote.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y" aria-label="Members">
              {team.members.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-3 py-3">
                  <Avatar name={m.name} />
                  <div className="min-w-40 flex-1">
                    <p className="truncate font-medium">
                      {m.name} {m.id === user.id ? <span className="text-muted-foreground">(you)</span> : null}
                    </p>
                    <p className="truncate text-sm text-muted-foreground">{m.email}</p>
                  </div>
                  {manage && m.id !== user.id ? (
                    <>
                      <RoleSelect teamId={team.id} userId={m.id} role={m.role} name={m.name} />
                      <RemoveMemberButton teamId={team.id} userId={m.id} name={m.name} />
                    </>
                  ) : (
                    <Badge variant="secondary">{ROLE_LABELS[m.role]}</Badge>
                  )}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          {manage ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Invite a teammate</CardTitle>
                <CardDescription>Create a single-use link that expires in 3 days.</CardDescription>
              </CardHeader>
              <CardContent>
                <InviteForm teamId={team.id} canInviteOwner={team.myRole === "owner"} />
              </CardContent>
            </Card>
          ) : null}
          {manage ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Pending invitations</CardTitle>
                <CardDescription>Links not yet used. A revoked link stops working at once.</CardDescription>
              </CardHeader>
              <CardContent>
                {invitations.length === 0 ? (
                  <p className="text-sm text-muted-foreground">No pending invitations.</p>
                ) : (
                  <ul className="divide-y" aria-label="Pending invitations">
                    {invitations.map((i) => {
                      const label = `${ROLE_LABELS[i.role].toLowerCase()} invitation by ${i.createdBy}`;
                      return (
                        <li key={i.id} className="flex items-center justify-between gap-2 py-2 text-sm" data-testid="pending-invitation">
                          <span className="min-w-0">
                            <span className="font-medium">{ROLE_LABELS[i.role]}</span>
                            {i.email ? <span className="block truncate">{i.email}</span> : null}
                            <span className="block text-muted-foreground">
                              by {i.createdBy} · expires {formatDistanceToNow(i.expiresAt, { addSuffix: true })}
                            </span>
                          </span>
                          <RevokeInvitationButton teamId={team.id} invitationId={i.id} label={label} />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle as="h2">Leave this team</CardTitle>
              <CardDescription>The last owner cannot leave; make someone else an owner first.</CardDescription>
            </CardHeader>
            <CardContent>
              <LeaveTeamButton teamId={team.id} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
