import { KeyRound } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/domain/api-tokens";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreateTokenForm, RevokeTokenButton } from "@/components/forms/token-forms";
import { DeleteAccountForm, EmailForm, NameForm, NotificationPrefsForm, PasswordForm } from "@/components/forms/account-forms";
import { getNotificationPrefs } from "@/lib/domain/notifications";
import { listSessions } from "@/lib/domain/sessions";
import { pendingEmailChange } from "@/lib/domain/email-verification";
import { DateTime } from "@/components/ui/date-time";
import { SessionList } from "@/components/account/session-list";
import { VerifyEmailNotice } from "@/components/account/verify-email-notice";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireUser("/settings");
  const { changed } = await searchParams;
  const actor = { userId: user.id, sessionId: user.sessionId };
  const [tokens, prefs, sessions, pendingEmail] = await Promise.all([
    listApiTokens(actor),
    getNotificationPrefs(actor),
    listSessions(actor),
    pendingEmailChange(actor),
  ]);
  const now = new Date();
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title="Settings" description={`Signed in as ${user.email}`} />
      {changed === "password" ? (
        <p role="status" className="rounded-md border border-success/40 bg-success/10 px-3 py-2 text-sm">
          Password changed. Every other session of your account has been signed out.
        </p>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle as="h2">Profile</CardTitle>
          <CardDescription>Your name is shown to your teams on ballots, comments and the audit log.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 md:grid-cols-2">
          {user.emailVerified ? null : (
            <div className="md:col-span-2">
              <VerifyEmailNotice email={user.email} />
            </div>
          )}
          <NameForm name={user.name} />
          <EmailForm email={user.email} pendingEmail={pendingEmail} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Password</CardTitle>
        </CardHeader>
        <CardContent>
          <PasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Personal API tokens</CardTitle>
          <CardDescription>
            Scripts and CI jobs use a token as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> with the same access
            as you. Tokens are stored hashed.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <CreateTokenForm />
          {tokens.length === 0 ? (
            <EmptyState icon={KeyRound} title="No tokens yet" description="Create one above to call the API from a script." />
          ) : (
            <ul className="divide-y" aria-label="API tokens">
              {tokens.map((t) => (
                <li key={t.id} data-testid="api-token" className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span className="min-w-0">
                    <span className="font-medium break-words">{t.name}</span>
                    <span className="block text-muted-foreground">
                      created <DateTime value={t.createdAt} dateOnly />
                      {t.lastUsedAt ? (
                        <>
                          , last used <DateTime value={t.lastUsedAt} />
                        </>
                      ) : (
                        ", never used"
                      )}
                      {t.expiresAt ? (
                        t.expiresAt <= now ? (
                          ", expired"
                        ) : (
                          <>
                            , expires <DateTime value={t.expiresAt} dateOnly />
                          </>
                        )
                      ) : (
                        ", never expires"
                      )}
                    </span>
                  </span>
                  <RevokeTokenButton tokenId={t.id} name={t.name} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Notifications</CardTitle>
          <CardDescription>
            Where each kind of notification reaches you. Email is sent only when the server has SMTP configured.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <NotificationPrefsForm prefs={prefs} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Active sessions</CardTitle>
          <CardDescription>
            Every browser signed in to your account. Revoke one you do not recognise or no longer use: it is signed out on its next request.
            Signing out ends them all, this one included. API tokens are not affected; revoke them above.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <SessionList sessions={sessions} />
        </CardContent>
      </Card>
      <Card className="border-destructive/40">
        <CardHeader>
          <CardTitle as="h2">Delete account</CardTitle>
          <CardDescription>
            Your name is replaced by &ldquo;Deleted user&rdquo; everywhere: your ballots stay in their evaluations&rsquo; tamper-evident
            history, your comments stay without your name, and you leave every team (ballots in open votes are withdrawn). Teams where you
            are the only member are deleted. If you are the last owner of a team with other members, make someone else an owner first. This
            cannot be undone.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteAccountForm />
        </CardContent>
      </Card>
    </div>
  );
}
