import Link from "next/link";
import { ClipboardList, Plus, Upload } from "lucide-react";
import { formatDistanceToNow } from "date-fns";
import { requireUser } from "@/lib/auth/session";
import { getTeam, getTeamDeletionSummary } from "@/lib/domain/teams";
import { TeamEvaluationList } from "@/components/team/evaluation-list";
import { DeleteTeamDialog, RenameTeamForm } from "@/components/team/team-settings";
import { listTeamEvaluations } from "@/lib/domain/evaluations";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { orNotFound } from "@/lib/http/page";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InviteForm, LeaveTeamButton, PendingInvitationActions, RemoveMemberButton, RoleSelect } from "@/components/forms/team-forms";
import { listPendingInvitations } from "@/lib/domain/invitations";
import { DateTime } from "@/components/ui/date-time";

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<{ deleted?: string }>;
}) {
  const { teamId } = await params;
  const { deleted } = await searchParams;
  const user = await requireUser(`/teams/${teamId}`);
  const actor = { userId: user.id };
  const team = await orNotFound(getTeam(actor, teamId));
  const evaluations = await listTeamEvaluations(actor, teamId);
  const manage = can(team.myRole, "members:manage");
  const voters = team.members.filter((m) => m.role !== "viewer").length;
  const invitations = manage ? await listPendingInvitations(actor, teamId) : [];
  // Only an owner renames or deletes the team; the counts are for the delete dialog.
  const deletion = can(team.myRole, "team:delete") ? await getTeamDeletionSummary(actor, teamId) : null;

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

      {deleted ? (
        <Alert variant="success" data-testid="draft-deleted">
          <AlertDescription>The draft was deleted. Its audit entries stay in the team&apos;s history.</AlertDescription>
        </Alert>
      ) : null}
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
          <TeamEvaluationList
            teamId={team.id}
            evaluations={evaluations}
            voters={voters}
            canArchive={can(team.myRole, "evaluation:archive")}
          />
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
                <CardDescription>Email a single-use link that expires in 3 days, or create one to share.</CardDescription>
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
                        <li key={i.id} className="grid gap-2 py-3 text-sm" data-testid="pending-invitation">
                          <span className="min-w-0">
                            <span className="font-medium">{ROLE_LABELS[i.role]}</span>
                            {i.email ? (
                              <span className="block break-all" data-testid="invitation-email">
                                {i.email}
                              </span>
                            ) : null}
                            <span className="block text-muted-foreground">
                              by {i.createdBy} · expires {formatDistanceToNow(i.expiresAt, { addSuffix: true })}
                            </span>
                            {i.lastSentAt ? (
                              <span className="block text-xs text-muted-foreground">
                                emailed <DateTime value={i.lastSentAt} /> · {i.sendsLeft} resend{i.sendsLeft === 1 ? "" : "s"} left
                              </span>
                            ) : null}
                          </span>
                          <PendingInvitationActions
                            teamId={team.id}
                            invitationId={i.id}
                            email={i.email}
                            sendsLeft={i.sendsLeft}
                            label={label}
                          />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </CardContent>
            </Card>
          ) : null}
          {deletion ? (
            <Card data-testid="team-settings">
              <CardHeader>
                <CardTitle as="h2">Team settings</CardTitle>
                <CardDescription>Only owners rename or delete the team.</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-4">
                <RenameTeamForm teamId={team.id} name={team.name} />
                <div className="grid gap-2 border-t pt-4">
                  <p className="text-sm text-muted-foreground">
                    Deleting the team removes its evaluations, ballots and comments for everyone; accounts stay.
                  </p>
                  <div>
                    <DeleteTeamDialog teamId={team.id} name={team.name} contents={deletion} />
                  </div>
                </div>
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
