import { Badge } from "@/components/ui/badge";
import { percent } from "@/components/report/format";
import { SourceCitation } from "@/components/option/source-citation";
import { AddCitationForm, RemoveCitationButton } from "@/components/option/citation-form";
import type { EvaluationView } from "@/lib/api/evaluation-view";

export interface RatedCriterion {
  criterion: EvaluationView["criteria"][number];
  rating: EvaluationView["ratings"][number];
  /** the team's weight for the criterion, when there is a report */
  weight: number | null;
}

const TONE = { strength: "success", weakness: "destructive", neutral: "muted" } as const;

/** Who may cite sources here: members with edit rights, while the evaluation is a draft. */
export interface CitationEditing {
  evaluationId: string;
}

/** One rating with why it is what it is: the rationale and the quoted sources. */
export function RatingEvidence({
  item,
  tone,
  editing,
}: {
  item: RatedCriterion;
  tone: keyof typeof TONE;
  editing?: CitationEditing | null;
}) {
  const { criterion, rating, weight } = item;
  const ref = editing ? { evaluationId: editing.evaluationId, optionId: rating.optionId, criterionId: rating.criterionId } : null;
  return (
    <li className="grid gap-2 rounded-lg border bg-card p-4" data-testid={`evidence-${criterion.key}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{criterion.name}</h3>
        <span className="flex items-center gap-2 text-xs text-muted-foreground">
          {weight !== null ? <span>team weight {percent(weight)}</span> : null}
          <Badge variant={TONE[tone]} className="tabular-nums">
            {rating.score} / 10
          </Badge>
        </span>
      </div>
      {rating.rationale ? <p className="text-sm">{rating.rationale}</p> : null}
      {rating.citations.length ? (
        <ul className="grid gap-2">
          {rating.citations.map((citation, i) => (
            <li key={i}>
              <blockquote className="border-l-2 border-primary/40 pl-3 text-sm text-muted-foreground">
                &ldquo;{citation.quote}&rdquo;
                <footer className="mt-1 text-xs">
                  — <SourceCitation citation={citation} />
                  {/* Only the team's own citations can be removed; the knowledge base's stay. */}
                  {ref && citation.url ? <RemoveCitationButton {...ref} index={i} title={citation.title ?? citation.source} /> : null}
                </footer>
              </blockquote>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-muted-foreground">No source cited.</p>
      )}
      {ref ? <AddCitationForm {...ref} criterionName={criterion.name} /> : null}
    </li>
  );
}
