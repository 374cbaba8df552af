import { z } from "zod";
import { CreateTeamSchema } from "@/lib/validation/team";

/** A team's new name follows the rules of its first one. */
export const RenameTeamSchema = CreateTeamSchema;

/**
 * Deleting a team is confirmed by typing its name: the handler compares it with the name in the
 * deleting transaction, so a rename racing the dialog makes the confirmation fail, not pass.
 */
export const DeleteTeamSchema = z.object({
  confirmName: z.string({ error: "Type the team's name to confirm" }).trim().min(1, "Type the team's name to confirm"),
});
