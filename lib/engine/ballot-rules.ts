// What one ballot must satisfy for the engine to score it. One set of rules, three users:
// - the engine's input schema (schema.ts) reports every broken rule with its path;
// - computeReport (ballots.ts) leaves out a ballot breaking any of them and says why: stored
//   ballots are not re-validated, and may predate a rule or have been edited in the database;
// - the ballot form and castBallot (lib/validation/ballot.ts) refuse such a ballot up front.
// Pure, no I/O; criteria are looked up through `isCriterion` so callers keep their own index.
import { maxComparisons } from "@/lib/limits";
import { isPlainRecord } from "./own-keys";

/** A points ballot distributes exactly this many points. */
export const POINTS_TOTAL = 100;
/** Slack for floating-point sums like 33.3 + 33.3 + 33.4 (the API only sends whole points). */
export const POINTS_TOLERANCE = 1e-6;
export const SAATY_MAX = 9;
/** Saaty's scale runs 1/9..9; a little slack below 1/9 accepts rounded reciprocals like 0.111. */
export const SAATY_MIN = 1 / 9 - 0.001;

/** A broken rule; `path` is relative to the ballot (e.g. ["comparisons", 2, "b"]). */
export interface BallotIssue {
  path: (string | number)[];
  message: string;
}

export interface Comparison {
  a: string;
  b: string;
  value: number;
}

type IsCriterion = (id: string) => boolean;

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Why a points entry is not usable, or null. */
export function pointsValueProblem(value: unknown): string | null {
  if (!isFiniteNumber(value)) return "expected a number";
  return value < 0 ? "points cannot be negative" : null;
}

/** Why a likert entry is not usable, or null. */
export function likertValueProblem(value: unknown): string | null {
  if (!isFiniteNumber(value)) return "expected a number";
  return Number.isInteger(value) && value >= 1 && value <= 5 ? null : "importance is a whole number 1-5";
}

/** Why a pairwise judgment is not usable, or null. Bounded, so no weight can underflow to 0. */
export function saatyValueProblem(value: unknown): string | null {
  if (!isFiniteNumber(value)) return "expected a number";
  return value >= SAATY_MIN && value <= SAATY_MAX ? null : "must be on Saaty's scale, 1/9 to 9";
}

/**
 * Rules of a points or likert ballot's weights, in one pass over its own keys (so "constructor"
 * is a key only when the ballot has one): each entry is a valid number and names
 * a criterion; points sum to 100; a likert ballot rates at least one criterion. A bad entry
 * spoils the total, so the total is only checked when every entry is a number in range.
 */
export function weightIssues(
  method: "points" | "likert",
  weights: Readonly<Record<string, unknown>>,
  isCriterion: IsCriterion,
): BallotIssue[] {
  const valueProblem = method === "points" ? pointsValueProblem : likertValueProblem;
  const issues: BallotIssue[] = [];
  let total = 0;
  let everyValueUsable = true;
  // for-in with an own-key check, not Object.keys: several times faster on 40,000 entries (V8's
  // enum cache), and still only own keys, even if something made a prototype key enumerable.
  for (const key in weights) {
    if (!Object.hasOwn(weights, key)) continue;
    const value = weights[key];
    const problem = valueProblem(value);
    if (problem) {
      issues.push({ path: ["weights", key], message: problem });
      everyValueUsable = false;
      continue;
    }
    if (!isCriterion(key)) issues.push({ path: ["weights", key], message: `unknown criterion "${key}"` });
    total += value as number;
  }
  if (!everyValueUsable) return issues;
  if (method === "points" && !(Math.abs(total - POINTS_TOTAL) <= POINTS_TOLERANCE)) {
    issues.push({ path: ["weights"], message: `points must sum to ${POINTS_TOTAL}, these sum to ${total}` });
  }
  if (method === "likert" && !(total > 0)) {
    issues.push({ path: ["weights"], message: "a likert ballot must rate at least one criterion" });
  }
  return issues;
}

/**
 * Rules of a pairwise ballot's comparisons: at most one per pair of criteria; each names two known,
 * distinct criteria; no pair judged twice (either way round; opposite judgments are called a
 * contradiction); and together they link every criterion they name into one connected graph.
 * Without that last rule the relative weight of two unlinked groups is undetermined and the
 * engine's least-squares solve has no unique answer.
 */
export function comparisonIssues(comparisons: readonly Comparison[], isCriterion: IsCriterion, criterionCount: number): BallotIssue[] {
  const most = maxComparisons(criterionCount);
  if (comparisons.length > most) {
    // Checked first: it bounds the work below by the size of the evaluation, not of the request.
    return [
      {
        path: ["comparisons"],
        message: `at most ${most} ${most === 1 ? "comparison" : "comparisons"}: one per pair of the ${criterionCount} criteria (this ballot has ${comparisons.length})`,
      },
    ];
  }
  const issues: BallotIssue[] = [];
  const links = new UnionFind();
  /** by unordered pair: the first comparison of it, and its judgment of the pair's first id over its second */
  const judged = new Map<string, { index: number; ratio: number }>();
  comparisons.forEach(({ a, b, value }, index) => {
    const problem = (path: (string | number)[], message: string) => issues.push({ path: ["comparisons", index, ...path], message });
    if (!isCriterion(a)) return problem(["a"], `unknown criterion "${a}"`);
    if (!isCriterion(b)) return problem(["b"], `unknown criterion "${b}"`);
    if (a === b) return problem(["b"], `cannot compare "${a}" with itself`);
    const [first, second, ratio] = a < b ? [a, b, value] : [b, a, 1 / value];
    const pair = JSON.stringify([first, second]);
    const earlier = judged.get(pair);
    if (earlier) {
      // Opposite sides of 1: one judgment says the first matters more, the other the second.
      const opposite = (earlier.ratio - 1) * (ratio - 1) < 0;
      return problem(
        [],
        opposite
          ? `contradicts comparison ${earlier.index}: "${first}" and "${second}" are judged both ways round`
          : `"${a}" and "${b}" are compared more than once (also in comparison ${earlier.index})`,
      );
    }
    judged.set(pair, { index, ratio });
    links.union(a, b);
  });
  const groups = links.groups();
  if (groups.length > 1) {
    const listed = groups.map((group) => describeGroup(group)).join(" and ");
    issues.push({
      path: ["comparisons"],
      message: `the comparisons form ${groups.length} separate groups (${listed}); compare a criterion of each group with one of another, or their relative weight is undetermined`,
    });
  }
  return issues;
}

/**
 * Why the engine cannot score this ballot, or null. Checks everything from the shape up, as the
 * ballot may come from storage without having passed the input schema. Voters are checked by the
 * caller, which sees all ballots (one ballot per voter).
 */
export function ballotProblem(ballot: unknown, isCriterion: IsCriterion, criterionCount: number): string | null {
  if (!isPlainRecord(ballot)) return "not a ballot: expected an object";
  const { method } = ballot;
  if (method === "pairwise") {
    const { comparisons } = ballot;
    if (!Array.isArray(comparisons)) return "comparisons: expected a list of comparisons";
    if (comparisons.length === 0) return "comparisons: a pairwise ballot needs at least one comparison";
    for (let k = 0; k < comparisons.length; k++) {
      const comparison: unknown = comparisons[k];
      if (!isPlainRecord(comparison) || typeof comparison.a !== "string" || typeof comparison.b !== "string") {
        return `comparisons.${k}: expected { a, b, value } with criterion ids a and b`;
      }
      const problem = saatyValueProblem(comparison.value);
      if (problem) return `comparisons.${k}.value: ${problem}`;
    }
    return firstIssue(comparisonIssues(comparisons as Comparison[], isCriterion, criterionCount));
  }
  if (method === "points" || method === "likert") {
    const { weights } = ballot;
    if (!isPlainRecord(weights)) return "weights: expected an object of numbers by criterion id";
    return firstIssue(weightIssues(method, weights, isCriterion));
  }
  return `method: ${JSON.stringify(method) ?? "none"} is not points, likert or pairwise`;
}

/** "comparisons.2.b: unknown criterion …", or the bare message for the whole ballot's list. */
function firstIssue(issues: readonly BallotIssue[]): string | null {
  if (!issues.length) return null;
  const { path, message } = issues[0];
  return path.length > 1 ? `${path.join(".")}: ${message}` : message;
}

const GROUP_NAMES_SHOWN = 5;

/** `"a", "b", "c"`, or the first few and how many more: a 60-criterion message stays readable. */
function describeGroup(ids: readonly string[]): string {
  const shown = ids
    .slice(0, GROUP_NAMES_SHOWN)
    .map((id) => JSON.stringify(id))
    .join(", ");
  return ids.length > GROUP_NAMES_SHOWN ? `${shown} and ${ids.length - GROUP_NAMES_SHOWN} more` : shown;
}

/** Disjoint sets of criterion ids (a Map, so any id is an ordinary key); groups in first-seen order. */
class UnionFind {
  private readonly parent = new Map<string, string>();

  union(a: string, b: string): void {
    for (const id of [a, b]) if (!this.parent.has(id)) this.parent.set(id, id);
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA !== rootB) this.parent.set(rootA, rootB);
  }

  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.root(id);
      const group = byRoot.get(root);
      if (group) group.push(id);
      else byRoot.set(root, [id]);
    }
    return [...byRoot.values()];
  }

  private root(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps later lookups short on long chains.
    for (let next = id; next !== root;) {
      const up = this.parent.get(next)!;
      this.parent.set(next, root);
      next = up;
    }
    return root;
  }
}
