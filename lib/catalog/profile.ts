// The project profile of docs/CONTRACTS.md ("Project profile"): the input of `recommend` and
// of the app's questionnaire form, which reuses this schema so both reject the same things.
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";

export const PROJECT_SIZES = ["small", "medium", "large"] as const;
export const TIMELINES = ["tight", "normal", "relaxed"] as const;
export const TEAM_EXPERIENCE_LEVELS = ["beginner", "intermediate", "expert"] as const;
export const NEEDS = [
  "admin-panel",
  "user-accounts",
  "orm",
  "rest-api",
  "microservices",
  "ml-serving",
  "content-management",
  "ecommerce",
  "security-compliance",
  "custom-architecture",
  "rapid-prototype",
  "long-term-maintenance",
  "data-dashboard",
  "async-realtime",
  // Added after the audit (issue 14): situations the articles discuss that had no answer.
  "spa-mobile-backend",
  "blog-forum",
  "internal-tool",
  "internationalisation",
  "testing-ci",
] as const;
/** The budget, separate from the timeline because two articles name it on its own. */
export const BUDGETS = ["tight", "normal"] as const;
/** What the team says it prefers: prescribed conventions, free choice of components, or no view. */
export const TEAM_PREFERENCES = ["none", "conventions", "flexibility"] as const;

export type ProjectSize = (typeof PROJECT_SIZES)[number];
export type Timeline = (typeof TIMELINES)[number];
export type TeamExperience = (typeof TEAM_EXPERIENCE_LEVELS)[number];
export type Need = (typeof NEEDS)[number];
export type Budget = (typeof BUDGETS)[number];
export type TeamPreference = (typeof TEAM_PREFERENCES)[number];

const oneOf = (values: readonly string[]) => `expected one of: ${values.join(", ")}`;

export const ProjectProfileSchema = z.object({
  projectSize: z.enum(PROJECT_SIZES, { error: oneOf(PROJECT_SIZES) }),
  timeline: z.enum(TIMELINES, { error: oneOf(TIMELINES) }),
  teamExperience: z.enum(TEAM_EXPERIENCE_LEVELS, { error: oneOf(TEAM_EXPERIENCE_LEVELS) }),
  teamSize: z
    .number({ error: "expected a whole number of people" })
    .int("expected a whole number of people")
    .min(1, "a team has at least 1 person")
    .max(10_000, "at most 10000 people"),
  needs: z
    .array(z.enum(NEEDS, { error: oneOf(NEEDS) }), { error: "expected a list of needs" })
    .refine((needs) => new Set(needs).size === needs.length, "each need may appear only once"),
  /** Optional so profiles written against the original contract stay valid; absent = "normal". */
  budget: z.enum(BUDGETS, { error: oneOf(BUDGETS) }).optional(),
  /** Optional; absent = "none". */
  teamPreference: z.enum(TEAM_PREFERENCES, { error: oneOf(TEAM_PREFERENCES) }).optional(),
});

export type ProjectProfile = z.infer<typeof ProjectProfileSchema>;

/** Validates a profile; throws AppError("invalid") whose message and fields name the bad field. */
export function parseProfile(input: unknown): ProjectProfile {
  return parseOrThrow(ProjectProfileSchema, input, "profile");
}
