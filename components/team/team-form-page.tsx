import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

/**
 * A page of one form that acts on a team (a new evaluation, an import): the team's name leading
 * back to it, the title, and the form, or why the reader's role cannot use it.
 */
export function TeamFormPage({
  team,
  title,
  description,
  allowed,
  refusal,
  children,
}: {
  team: { id: string; name: string };
  title: string;
  description: string;
  allowed: boolean;
  refusal: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/teams/${team.id}`} className="hover:underline">
            {team.name}
          </Link>
        }
        title={title}
        description={description}
      />
      {allowed ? (
        <Card>
          <CardContent>{children}</CardContent>
        </Card>
      ) : (
        <Alert variant="warning">
          <AlertDescription>{refusal}</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
