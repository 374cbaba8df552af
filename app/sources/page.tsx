import type { Metadata } from "next";
import { BookOpen } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCatalog } from "@/lib/catalog/builtin-catalog";
import { SOURCE_FILES, SOURCES } from "@/lib/catalog/sources";
import { ratingsBySource } from "@/lib/report/source-index";
import { SOURCE_COVERAGE, citationPublisher, sourceAnchor } from "@/lib/report/source-links";
import { ratingVerdict } from "@/lib/report/rating-verdict";

export const metadata: Metadata = { title: "Sources" };

const VERDICT_BADGE = { strength: "success", neutral: "muted", weakness: "destructive" } as const;

/** The articles the built-in ratings rest on, each with every rating that quotes it. Public: the catalog is. */
export default function SourcesPage() {
  const citing = ratingsBySource(getCatalog());
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Sources"
        description="The five articles the built-in Django and Flask ratings are drawn from. Under each: what it covers, and every rating that quotes it, so you can check a score against the words it rests on."
      />
      <ol className="grid gap-6">
        {SOURCE_FILES.map((file, i) => {
          const publisher = citationPublisher(file);
          const ratings = citing[file];
          return (
            <li key={file} id={sourceAnchor(file)} className="scroll-mt-20">
              <Card>
                <CardHeader>
                  <CardTitle as="h2" className="flex items-start gap-2 text-lg">
                    <BookOpen className="mt-1 size-4 shrink-0 text-primary" aria-hidden />
                    <span>
                      <span className="text-muted-foreground tabular-nums">{i + 1}. </span>
                      {SOURCES[file].title}
                    </span>
                  </CardTitle>
                  <CardDescription>
                    {publisher ? <>Published by {publisher}. </> : <>Publisher not named in the article. </>}
                    {SOURCE_COVERAGE[file]}
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <details className="group">
                    <summary className="cursor-pointer text-sm font-medium text-primary hover:underline">
                      {ratings.length} {ratings.length === 1 ? "rating cites" : "ratings cite"} this article
                    </summary>
                    <ul className="mt-3 grid gap-3" data-testid={`citing-${sourceAnchor(file)}`}>
                      {ratings.map((rating, j) => (
                        <li key={j} className="grid gap-1 rounded-lg border p-3 text-sm">
                          <div className="flex flex-wrap items-center justify-between gap-2">
                            <span className="font-medium">
                              {rating.option} · {rating.criterion}
                            </span>
                            <Badge variant={VERDICT_BADGE[ratingVerdict(rating.score)]} className="tabular-nums">
                              {rating.score} / 10
                            </Badge>
                          </div>
                          <blockquote className="border-l-2 border-primary/40 pl-3 text-muted-foreground">
                            &ldquo;{rating.quote}&rdquo;
                          </blockquote>
                        </li>
                      ))}
                    </ul>
                  </details>
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
