// The "Django or Flask" evaluation the app offers as a starting point: the built-in catalog in the
// shape of the evaluation form (keys instead of ids), ratings and citations included.
import { getCatalog } from "./builtin-catalog";
import type { Rating } from "./schema";

export interface EvaluationTemplate {
  title: string;
  problem: string;
  options: { key: string; name: string; summary: string }[];
  criteria: { key: string; name: string; description: string }[];
  /** ratings[optionKey][criterionKey] */
  ratings: Record<string, Record<string, Rating>>;
}

export function djangoOrFlaskTemplate(): EvaluationTemplate {
  const catalog = getCatalog();
  return {
    title: "Django or Flask",
    problem:
      "Which Python web framework should we build on? Weigh the criteria for our project; the ratings and their sources come from the built-in knowledge base and can be revised.",
    options: catalog.options.map(({ id, name, summary }) => ({ key: id, name, summary })),
    criteria: catalog.criteria.map(({ id, name, description }) => ({ key: id, name, description })),
    ratings: catalog.ratings,
  };
}
