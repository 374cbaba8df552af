"use client";

// The questionnaire's live answer: the verdict, where it starts, the heaviest criteria, and one
// entry per reason saying which framework it favours, by how much, with quotes and article titles.
// Uses the same rules the server applies (lib/catalog), so it updates as the user answers.
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/report/percent";
import { getCatalog, recommend, ProjectProfileSchema, sourceTitle, type Citation } from "@/lib/catalog";

function Quotes({ citations }: { citations: Citation[] }) {
  return citations.map((c, j) => (
    <blockquote key={j} className="mt-1 border-l-2 pl-2 text-muted-foreground">
      &ldquo;{c.quote}&rdquo; <cite className="not-italic">({sourceTitle(c.source)})</cite>
    </blockquote>
  ));
}

export function SuggestedWeightsPanel({ profile }: { profile: unknown }) {
  const catalog = useMemo(() => getCatalog(), []);
  const criterionName = useMemo(() => new Map(catalog.criteria.map((c) => [c.id, c.name])), [catalog]);
  const optionName = useMemo(() => new Map(catalog.options.map((o) => [o.id, o.name])), [catalog]);
  const result = useMemo(() => {
    const parsed = ProjectProfileSchema.safeParse(profile);
    return parsed.success ? recommend(parsed.data) : null;
  }, [profile]);
  if (!result) {
    return (
      <p className="text-sm text-muted-foreground">Complete the profile (team size is a whole number from 1) to see suggested weights.</p>
    );
  }
  const topWeights = Object.entries(result.weights)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6);
  const reasons = [...result.explanations].sort((a, b) => b.shift - a.shift);

  return (
    <section aria-labelledby="suggestion-heading" className="grid gap-3 rounded-md bg-muted/50 p-3" data-testid="suggested-weights">
      <h3 id="suggestion-heading" className="text-sm font-medium">
        Suggested weights (members still cast their own ballots)
      </h3>
      <p className="text-sm" data-testid="suggestion-summary">
        {result.summary}
      </p>
      <ol className="grid gap-1 text-sm sm:grid-cols-2">
        {topWeights.map(([id, w]) => (
          <li key={id} className="flex justify-between gap-2">
            <span>{criterionName.get(id) ?? id}</span>
            <span className="tabular-nums text-muted-foreground">{formatPercent(w, 1)}</span>
          </li>
        ))}
      </ol>
      <details>
        <summary className="cursor-pointer text-sm font-medium">
          Why these weights ({reasons.length} {reasons.length === 1 ? "reason" : "reasons"})
        </summary>
        <p className="mt-2 text-sm text-muted-foreground" data-testid="starting-point">
          {result.startingPoint}
        </p>
        {reasons.length ? (
          <ul className="mt-2 grid gap-3 text-sm" data-testid="weight-explanations">
            {reasons.map((e) => (
              <li key={e.rule} className="grid gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge variant={e.favours === "django" ? "info" : e.favours === "flask" ? "success" : "muted"}>
                    {e.favours ? `Towards ${optionName.get(e.favours) ?? e.favours} · ${e.shift.toFixed(2)} pts` : "No measurable effect"}
                  </Badge>
                  <span className="text-xs text-muted-foreground">
                    {e.changes.map((c) => `${criterionName.get(c.criterion) ?? c.criterion} ${c.change}`).join(", ")}
                  </span>
                </div>
                <p>{e.reason}</p>
                <Quotes citations={e.citations} />
                {e.otherSide ? (
                  <div className="mt-1 rounded border border-dashed p-2">
                    <p className="text-xs font-medium">
                      The other side (towards {optionName.get(e.otherSide.favours) ?? e.otherSide.favours}): {e.otherSide.says}
                    </p>
                    <Quotes citations={e.otherSide.citations} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm">No answer so far changes the starting weights.</p>
        )}
      </details>
    </section>
  );
}
