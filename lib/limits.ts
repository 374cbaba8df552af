/**
 * Every size limit of the application, in one place, so the forms, the API handlers, the
 * importer and the engine agree on them. Pure: no imports, safe in the browser and the CLI.
 *
 * Why limits at all: every request is parsed, validated and (for ballots) fed through an
 * O(n²)–O(n³) computation; bounding the inputs bounds the work one request can cause.
 */
export const LIMITS = {
  /** options one evaluation can compare */
  optionsPerEvaluation: 20,
  /** criteria one evaluation can weigh (a full pairwise ballot then has 60·59/2 = 1770 comparisons) */
  criteriaPerEvaluation: 60,
  /** option, criterion, member and other display names */
  nameLength: 80,
  /** option and criterion descriptions, rating rationales */
  descriptionLength: 500,
  /** an evaluation's problem statement */
  problemLength: 4000,
  /** one discussion comment */
  commentLength: 4000,
  /** ballots (over all rounds) one imported decision record may carry */
  ballotsPerImport: 1000,
  /** voting rounds one imported decision record may carry */
  roundsPerImport: 10,
  /** saved what-if scenarios one evaluation can hold (checked under the evaluation's write lock) */
  scenariosPerEvaluation: 50,
  /** largest request body accepted, by kind of route */
  bodyBytes: {
    ballot: 64 * 1024,
    comment: 16 * 1024,
    /** a named what-if: a name and at most one weight per criterion */
    scenario: 16 * 1024,
    import: 2 * 1024 * 1024,
    /** any other JSON request */
    json: 256 * 1024,
  },
} as const;

/**
 * The most comparisons a pairwise ballot over `criteriaCount` criteria can hold: one per
 * unordered pair, n(n-1)/2. More than that means a pair was judged twice.
 */
export function maxComparisons(criteriaCount: number): number {
  const n = Math.max(0, Math.floor(criteriaCount));
  return (n * (n - 1)) / 2;
}
