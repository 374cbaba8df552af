import { z } from "zod";
import { LIMITS } from "@/lib/limits";
import { VISIBILITIES } from "@/lib/vocabulary";

export { EVALUATION_STATUSES, AGGREGATIONS, type EvaluationStatus } from "@/lib/vocabulary";

const name = (what: string) =>
  z.string().trim().min(1, `${what} name is required`).max(LIMITS.nameLength, `${what} name is at most ${LIMITS.nameLength} characters`);

export const CreateEvaluationSchema = z.object({
  title: z.string().trim().min(3, "Title must be at least 3 characters").max(120, "Title is at most 120 characters"),
  problem: z.string().trim().max(LIMITS.problemLength, `Problem statement is at most ${LIMITS.problemLength} characters`).default(""),
  template: z.enum(["django-flask", "blank"], { error: "Choose a template" }),
  /** blind (default): results stay hidden until the ballots are revealed; open: live results while voting */
  visibility: z.enum(VISIBILITIES, { error: "Choose blind or open voting" }).default("blind"),
});
export type CreateEvaluationInput = z.infer<typeof CreateEvaluationSchema>;

export const UpdateEvaluationSchema = z.object({
  title: CreateEvaluationSchema.shape.title,
  problem: CreateEvaluationSchema.shape.problem,
  /** left out: the evaluation keeps its visibility */
  visibility: z.enum(VISIBILITIES, { error: "Choose blind or open voting" }).optional(),
});

export const AddItemSchema = z.object({
  kind: z.enum(["option", "criterion"]),
  name: name("Item"),
  description: z.string().trim().max(LIMITS.descriptionLength, `Description is at most ${LIMITS.descriptionLength} characters`).default(""),
});

export const RenameItemSchema = z.object({
  kind: z.enum(["option", "criterion"]),
  id: z.string().min(1),
  name: name("Item"),
});

export const RemoveItemSchema = z.object({
  kind: z.enum(["option", "criterion"]),
  id: z.string().min(1),
});

export const RatingSchema = z.object({
  optionId: z.string().min(1),
  criterionId: z.string().min(1),
  score: z.coerce.number({ error: "Score must be a number" }).min(0, "Score is at least 0").max(10, "Score is at most 10"),
  /** left out: the rating keeps the rationale it has */
  rationale: z.string().trim().max(500, "Rationale is at most 500 characters").optional(),
});

/** "Django or Flask" → "django-or-flask" */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "item";
}

export const TransitionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("open-voting"),
      deadline: z.iso.datetime({ local: true, offset: true, error: "Deadline must be a date and time" }).optional().or(z.literal("")),
      quorum: z.coerce.number().int("Quorum is a whole number").min(1, "Quorum is at least 1").max(1000).optional().or(z.literal("")),
    }),
    z.object({ action: z.literal("reveal") }),
    z.object({
      action: z.literal("second-round"),
      deadline: z.iso.datetime({ local: true, offset: true, error: "Deadline must be a date and time" }).optional().or(z.literal("")),
    }),
    z.object({
      action: z.literal("decide"),
      optionId: z.string().min(1, "Choose the option the team decided on"),
      rationale: z.string().trim().min(10, "Explain the decision in at least 10 characters").max(4000),
      override: z.string().trim().max(1000).optional(),
    }),
    z.object({ action: z.literal("supersede") }),
  ],
  { error: "action must be open-voting, reveal, second-round, decide or supersede" },
);
export type TransitionInput = z.infer<typeof TransitionSchema>;

/**
 * A web address a citation links to: https only, so a stored link can never run script
 * (javascript:), leak to plain http, or point at a local file. Shared by the citation form, the
 * rating's stored JSON and the decision record (lib/export/record-schema.ts).
 */
export const httpsUrlSchema = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: "Must be an https:// web address" })
  .max(2000, "Address is at most 2000 characters");

/** A team's own source on one of its ratings: the article's title, where to read it, and the words relied on. */
export const AddCitationSchema = z.object({
  optionId: z.string().min(1),
  criterionId: z.string().min(1),
  title: z
    .string()
    .trim()
    .min(1, "Title is required")
    .max(LIMITS.nameLength * 2, `Title is at most ${LIMITS.nameLength * 2} characters`),
  url: z.string().trim().pipe(httpsUrlSchema),
  quote: z
    .string()
    .trim()
    .min(1, "Quote the passage the rating relies on")
    .max(LIMITS.descriptionLength, `Quote is at most ${LIMITS.descriptionLength} characters`),
});
export type AddCitationInput = z.infer<typeof AddCitationSchema>;

export const RemoveCitationSchema = z.object({
  optionId: z.string().min(1),
  criterionId: z.string().min(1),
  /** the citation's position in the rating's list, as shown */
  index: z.coerce.number().int().min(0),
});

/** Archive (file away) or restore an evaluation; its status is not touched. */
export const ArchiveSchema = z.object({ archived: z.boolean({ error: "archived must be true or false" }) });
