import { z } from "zod";
import { MIN_PASSWORD_LENGTH, weakPasswordReason } from "@/lib/validation/password-strength";

const email = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }));

/**
 * A new password: at least 10 characters that are not all spaces, and not guessable from the
 * common-password dictionary (lib/validation/password-strength.ts). Used by sign-up, password
 * change and password reset, on the server (the forms submit to server actions that parse with it).
 */
export const NewPasswordSchema = z
  .string({ error: "Password is required" })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Password is at most 200 characters")
  .refine(
    (value) => value.trim().length >= MIN_PASSWORD_LENGTH,
    `Password must be at least ${MIN_PASSWORD_LENGTH} characters other than spaces`,
  )
  .superRefine((value, ctx) => {
    if (value.trim().length < MIN_PASSWORD_LENGTH) return;
    const reason = weakPasswordReason(value);
    if (reason) ctx.addIssue({ code: "custom", message: reason });
  });

export const SignUpSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
  email,
  password: NewPasswordSchema,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(200),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const UpdateNameSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
});

const currentPassword = z.string({ error: "Current password is required" }).min(1, "Current password is required").max(200);

export const ChangeEmailSchema = z.object({ email, currentPassword });

export const ChangePasswordSchema = z.object({ currentPassword, newPassword: NewPasswordSchema });

export const DeleteAccountSchema = z.object({
  currentPassword,
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm" }),
});

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z.object({
  token: z.string().trim().min(10, "This reset link is not valid").max(200, "This reset link is not valid"),
  newPassword: NewPasswordSchema,
});

/** Every kind of notification; Settings lists one choice per kind. */
export const NOTIFICATION_KINDS = ["mention", "reply", "invited", "voting_opened", "voting_due", "revealed", "decided"] as const;
export const NOTIFICATION_CHANNELS = ["both", "in_app", "email", "none"] as const;

/** Per kind of notification, where it goes; the settings form sends one select per kind. */
export const NotificationPrefsSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      z.enum(NOTIFICATION_CHANNELS, { error: "Choose in-app, email, both or none" }).default("both"),
    ]),
  ) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodDefault<z.ZodEnum<{ [K in (typeof NOTIFICATION_CHANNELS)[number]]: K }>>>,
);

export const VerifyEmailSchema = z.object({
  token: z.string().trim().min(10, "This confirmation link is not valid").max(200, "This confirmation link is not valid"),
});

/** A session row id, as the Revoke button in Settings sends it. */
export const SessionIdSchema = z.string().min(1).max(64);
