import type { CriterionId } from "../criteria";
import type { SourceFile } from "../sources";

/** A built-in rating: unlike a team's own, it must cite a source article verbatim. */
export interface SourcedRating {
  score: number;
  rationale: string;
  citations: { source: SourceFile; quote: string }[];
}

/** Ratings are authored per criterion so Django's and Flask's evidence can be reviewed side by side. */
export interface CriterionRatings {
  criterion: CriterionId;
  django: SourcedRating;
  flask: SourcedRating;
}
