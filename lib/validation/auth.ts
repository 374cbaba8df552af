import { z } from "zod";

const email = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }));

export const SignUpSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
  email,
  password: z
    .string({ error: "Password is required" })
    .min(10, "Password must be at least 10 characters")
    .max(200, "Password is at most 200 characters"),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(200),
});
export type SignInInput = z.infer<typeof SignInSchema>;
