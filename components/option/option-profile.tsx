import { ThumbsDown, ThumbsUp, Scale } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RatingEvidence, type CitationEditing, type RatedCriterion } from "@/components/option/rating-evidence";
import { can } from "@/lib/permissions";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import { STRENGTH_FROM, WEAKNESS_UP_TO, ratingVerdict } from "@/lib/report/rating-verdict";

/** The option's ratings split into strengths (7+), weaknesses (4 or less) and the rest, most weighty first. */
export function OptionProfile({ view, optionId }: { view: EvaluationView; optionId: string }) {
  const weights = view.report?.weights;
  const rated: RatedCriterion[] = view.criteria.flatMap((criterion) => {
    const rating = view.ratings.find((r) => r.optionId === optionId && r.criterionId === criterion.id);
    return rating ? [{ criterion, rating, weight: weights ? (weights[criterion.key] ?? 0) : null }] : [];
  });
  rated.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || b.rating.score - a.rating.score);
  // The same reading of a rating as the decision record's pros and cons (lib/report/rating-verdict.ts).
  const strengths = rated.filter((r) => ratingVerdict(r.rating.score) === "strength");
  const weaknesses = rated.filter((r) => ratingVerdict(r.rating.score) === "weakness");
  const between = rated.filter((r) => ratingVerdict(r.rating.score) === "neutral");
  const order = weights ? "the team's heaviest criteria first" : "highest rated first";
  // Ratings, and so their sources, change only while the evaluation is a draft.
  const editing: CitationEditing | null = view.status === "draft" && can(view.myRole, "evaluation:edit") ? { evaluationId: view.id } : null;
  return (
    <div className="grid gap-6">
      <Section
        icon={ThumbsUp}
        title="Strengths"
        description={`Rated ${STRENGTH_FROM} or more; ${order}.`}
        items={strengths}
        tone="strength"
        empty="No rating of 7 or more."
        editing={editing}
      />
      <Section
        icon={ThumbsDown}
        title="Weaknesses"
        description={`Rated ${WEAKNESS_UP_TO} or less; ${order}.`}
        items={weaknesses}
        tone="weakness"
        empty="No rating of 4 or less."
        editing={editing}
      />
      {between.length ? (
        <Section
          icon={Scale}
          title="In between"
          description={`Rated between ${WEAKNESS_UP_TO} and ${STRENGTH_FROM}.`}
          items={between}
          tone="neutral"
          empty=""
          editing={editing}
        />
      ) : null}
    </div>
  );
}

function Section({
  icon: Icon,
  title,
  description,
  items,
  tone,
  empty,
  editing,
}: {
  icon: LucideIcon;
  title: string;
  description: string;
  items: RatedCriterion[];
  tone: "strength" | "weakness" | "neutral";
  empty: string;
  editing: CitationEditing | null;
}) {
  // Ratings on criteria nobody weighted do not move the score: they wait behind a disclosure.
  const weighed = items.filter((item) => item.weight !== 0);
  const unweighed = items.filter((item) => item.weight === 0);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2">
          <Icon className="size-4 text-muted-foreground" aria-hidden /> {title}{" "}
          <span className="font-normal text-muted-foreground">({items.length})</span>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? <p className="text-sm text-muted-foreground">{empty}</p> : null}
        {weighed.length ? (
          <ul className="grid grid-cols-1 gap-3" data-testid={`option-${tone}`}>
            {weighed.map((item) => (
              <RatingEvidence key={item.criterion.key} item={item} tone={tone} editing={editing} />
            ))}
          </ul>
        ) : null}
        {unweighed.length ? (
          <details className="group mt-3">
            <summary className="cursor-pointer text-sm font-medium text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring">
              {unweighed.length} on criteria the team gave no weight
            </summary>
            <ul className="mt-3 grid grid-cols-1 gap-3">
              {unweighed.map((item) => (
                <RatingEvidence key={item.criterion.key} item={item} tone={tone} editing={editing} />
              ))}
            </ul>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}
