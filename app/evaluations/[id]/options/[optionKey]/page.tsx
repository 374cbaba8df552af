import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { getEvaluationView } from "@/lib/domain/report";
import { listComments } from "@/lib/domain/comments";
import { can } from "@/lib/permissions";
import { orNotFound } from "@/lib/http/page";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { OptionProfile } from "@/components/option/option-profile";
import { OptionNotes } from "@/components/option/option-notes";
import { percent, score } from "@/components/report/format";

export default async function OptionPage({ params }: { params: Promise<{ id: string; optionKey: string }> }) {
  const { id, optionKey } = await params;
  const user = await requireUser(`/evaluations/${id}/options/${optionKey}`);
  const actor = { userId: user.id };
  const view = await orNotFound(getEvaluationView(actor, id));
  const option = view.options.find((o) => o.key === optionKey);
  if (!option) notFound();
  const comments = await listComments(actor, id);
  const ranked = view.report?.ranking.find((r) => r.option === option.key);
  const others = view.options.filter((o) => o.key !== option.key);

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/evaluations/${id}`} className="inline-flex items-center gap-1 hover:underline">
            <ArrowLeft className="size-3.5" aria-hidden /> {view.title}
          </Link>
        }
        title={option.name}
        titleAddon={
          ranked ? (
            <Badge variant={ranked.rank === 1 ? "success" : "secondary"}>
              Ranked {ranked.rank} of {view.options.length}
            </Badge>
          ) : null
        }
        description={option.summary || undefined}
      >
        {ranked ? (
          <p className="text-sm text-muted-foreground">
            Scores <span className="font-semibold text-foreground tabular-nums">{score(ranked.score)}</span> / 10 with the team&apos;s
            weights
            {ranked.winProbability === null ? (
              "."
            ) : (
              <>
                {" "}
                and wins in <span className="font-semibold text-foreground tabular-nums">{percent(ranked.winProbability, 1)}</span> of
                simulations.
              </>
            )}
          </p>
        ) : null}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <OptionProfile view={view} optionId={option.id} />
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Team notes</CardTitle>
              <CardDescription>The team&apos;s discussion of {option.name}.</CardDescription>
            </CardHeader>
            <CardContent>
              <OptionNotes evaluationId={id} option={option} initial={comments} canComment={can(view.myRole, "comment:write")} />
            </CardContent>
          </Card>
          {others.length ? (
            <nav aria-label="Other options" className="grid gap-2 text-sm">
              <h2 className="font-medium text-muted-foreground">Other options</h2>
              <ul className="flex flex-wrap gap-2">
                {others.map((o) => (
                  <li key={o.key}>
                    <Link
                      href={`/evaluations/${id}/options/${o.key}`}
                      className="inline-flex rounded-md border px-3 py-1.5 hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
                    >
                      {o.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </div>
  );
}
