import { z } from "zod";
import { ROLES } from "@/lib/permissions";

export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id");

export const CreateTeamSchema = z.object({
  name: z.string().trim().min(2, "Team name must be at least 2 characters").max(60, "Team name is at most 60 characters"),
});

export const RoleSchema = z.enum(ROLES, { error: "Role must be owner, admin, member or viewer" });

/** Optional: an empty field means a link to share by hand instead of an email. */
const inviteEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string({ error: "Enter a valid email address" })
    .trim()
    .toLowerCase()
    .max(254, "Email is at most 254 characters")
    .pipe(z.email({ error: "Enter a valid email address" }))
    .optional(),
);

export const CreateInvitationSchema = z.object({
  role: RoleSchema,
  email: inviteEmail,
});

export const ChangeRoleSchema = z.object({
  userId: idSchema,
  role: RoleSchema,
});

export const TOKEN_EXPIRY_DAYS = ["", "7", "30", "90", "365"] as const;

export const CreateTokenSchema = z.object({
  name: z.string().trim().min(1, "Token name is required").max(60, "Token name is at most 60 characters"),
  /** days until the token stops working; "" or absent: never */
  expiresInDays: z
    .enum(TOKEN_EXPIRY_DAYS, { error: "Expiry must be never, 7, 30, 90 or 365 days" })
    .optional()
    .transform((v) => (v ? Number(v) : null)),
});
