import { RowHeader } from "@/components/report/row-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import { SourceCitation } from "@/components/option/source-citation";
import { RatingDisclosure } from "@/components/evaluation/rating-disclosure";

/** Each option's rating on each criterion, with a "why this score" disclosure of rationale and quotes. */
export function RatingsTable({ view }: { view: EvaluationView }) {
  const rating = new Map(view.ratings.map((r) => [`${r.optionId}:${r.criterionId}`, r]));
  return (
    // The frame scrolls in both directions, so the option names stay in view (sticky header) while
    // reading down 24 criteria, and the criterion names stay in view while scrolling sideways.
    <>
      <p className="mb-2 flex items-center gap-1 text-xs text-muted-foreground sm:hidden" aria-hidden>
        Swipe the table sideways for every option <span>→</span>
      </p>
      <Table containerClassName="max-h-[75vh] overflow-y-auto" className="min-w-[32rem]">
        <caption className="sr-only">Ratings of each option on each criterion, 0 to 10</caption>
        <TableHeader className="sticky top-0 z-10 bg-muted shadow-[0_1px_0_var(--color-border)]">
          <TableRow>
            <TableHead className="sticky left-0 z-10 bg-muted">Criterion</TableHead>
            {view.options.map((o) => (
              <TableHead key={o.id}>{o.name}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.criteria.map((c) => (
            <TableRow key={c.id}>
              <RowHeader className="sticky left-0 z-[1] w-[42%] min-w-36 max-w-72 bg-card align-top whitespace-normal break-words">
                {c.name}
                {c.description ? <span className="block text-xs font-normal text-muted-foreground">{c.description}</span> : null}
              </RowHeader>
              {view.options.map((o) => {
                const r = rating.get(`${o.id}:${c.id}`);
                if (!r)
                  return (
                    <TableCell key={o.id} className="align-top text-muted-foreground">
                      not rated
                    </TableCell>
                  );
                return (
                  <TableCell key={o.id} className="align-top">
                    <RatingDisclosure
                      testId={`why-${o.key}-${c.key}`}
                      summary={
                        <>
                          <span className="font-semibold tabular-nums">{r.score}</span>
                          <span className="text-muted-foreground"> / 10</span>
                          <span className="ml-2 text-xs text-primary underline-offset-2 group-open:underline">why this score</span>
                        </>
                      }
                    >
                      {() => (
                        <div className="mt-2 grid gap-2 text-sm">
                          {r.rationale ? <p>{r.rationale}</p> : null}
                          {r.citations.map((q, i) => (
                            <blockquote key={i} className="border-l-2 border-primary/40 pl-2 text-muted-foreground">
                              &ldquo;{q.quote}&rdquo;
                              <footer className="mt-0.5 text-xs">
                                — <SourceCitation citation={q} />
                              </footer>
                            </blockquote>
                          ))}
                        </div>
                      )}
                    </RatingDisclosure>
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
