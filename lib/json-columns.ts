// The JSON columns. The schema keeps structured payloads as JSON text on both engines
// (prisma/schema.prisma), and each column has exactly one reader here, parsed with zod: the domain,
// the report and the decision record read a column the same way, and a row that does not have its
// shape (written by hand, or by an older version) fails here with the column's name rather than
// deep inside a page. Pure, so lib/export (which builds records from raw rows) uses it too.
import { z } from "zod";
import { CitationSchema, type Citation } from "@/lib/catalog/schema";
import type { SuggestedWeights } from "@/lib/catalog/weights";

/** A stored JSON value that is not JSON, or not of its column's shape. */
export class StoredJsonError extends Error {
  override name = "StoredJsonError";
}

function column<T>(name: string, schema: z.ZodType<T>): (text: string) => T {
  return (text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new StoredJsonError(`${name} is not valid JSON: ${text.slice(0, 80)}`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new StoredJsonError(`${name} does not have its shape: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
}

/**
 * An object of values checked entry by entry and rebuilt with Object.fromEntries, so a key such as
 * "__proto__" (a criterion key is user text) stays an own key: z.record assigns keys, and drops it.
 */
const ownRecord = <V>(schema: z.ZodType<V>) =>
  z
    .custom<object>((value) => typeof value === "object" && value !== null && !Array.isArray(value), "must be an object")
    .transform((value) => Object.entries(value))
    .pipe(z.array(z.tuple([z.string(), schema])))
    .transform((entries): Record<string, V> => Object.fromEntries(entries));

/** Rating.citations: the sources a rating cites (built-in seed files, or a team's own title and url). */
export const readRatingCitations: (text: string) => Citation[] = column("Rating.citations", CitationSchema.array());

/**
 * Ballot.payload and BallotRevision.payload: `{ weights }` (points, likert) or `{ comparisons }`
 * (pairwise). Only the envelope is checked: the values are the engine's to judge, which leaves a
 * ballot it cannot score out of the report with the reason instead of failing the page.
 */
export const readBallotPayload = column(
  "ballot payload",
  z.object({ weights: z.unknown().optional(), comparisons: z.unknown().optional() }),
);

/** Scenario.weights: points per criterion key. */
export const readCriterionWeights = column("criterion weights", ownRecord(z.number()));

/**
 * Evaluation.suggestedWeights: what suggestWeights (lib/catalog) returned for the project profile:
 * the weights, which seed ballots and are checked here, and their explanations, display text from
 * the catalog kept as written.
 */
export const readSuggestedWeights = column(
  "Evaluation.suggestedWeights",
  z
    .object({ weights: ownRecord(z.number()), explanations: z.array(z.unknown()), startingPoint: z.string() })
    .loose() as unknown as z.ZodType<SuggestedWeights>,
);

/** Comment.mentions: the ids of the members a comment mentions. */
export const readMentionIds = column("Comment.mentions", z.array(z.string()));

/** AuditEntry.detail: what an audited change was, free-form by action. */
export const readAuditDetail = column("AuditEntry.detail", z.unknown());

/**
 * User.notificationPrefs: a channel per notification kind. Lenient by design: a preference that
 * cannot be read falls back to the default channel rather than stopping notifications.
 */
export function readNotificationPrefs(text: string): Record<string, unknown> {
  try {
    return column("User.notificationPrefs", ownRecord(z.unknown()))(text);
  } catch {
    return {};
  }
}
