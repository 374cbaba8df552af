import { formatDistanceToNow } from "date-fns";
import { KeyRound } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/domain/api-tokens";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreateTokenForm, RevokeTokenButton } from "@/components/forms/token-forms";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const tokens = await listApiTokens({ userId: user.id });
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title="Settings" description={`Signed in as ${user.email}`} />
      <Card>
        <CardHeader>
          <CardTitle as="h2">Personal API tokens</CardTitle>
          <CardDescription>
            Scripts and CI jobs use a token as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> with the
            same access as you. Tokens are stored hashed.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <CreateTokenForm />
          {tokens.length === 0 ? (
            <EmptyState icon={KeyRound} title="No tokens yet" description="Create one above to call the API from a script." />
          ) : (
            <ul className="divide-y" aria-label="API tokens">
              {tokens.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span>
                    <span className="font-medium">{t.name}</span>
                    <span className="block text-muted-foreground">
                      created {formatDistanceToNow(t.createdAt, { addSuffix: true })}
                      {t.lastUsedAt ? `, last used ${formatDistanceToNow(t.lastUsedAt, { addSuffix: true })}` : ", never used"}
                    </span>
                  </span>
                  <RevokeTokenButton tokenId={t.id} name={t.name} />
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
