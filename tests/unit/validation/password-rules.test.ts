import { describe, expect, it } from "vitest";
import { SignUpSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "@/lib/errors";

const attempt = (password: string) => SignUpSchema.safeParse({ name: "Ada", email: "ada@example.com", password });

describe("new password rules", () => {
  it.each(["password12", "1234567890", "          ", "qwertyuiop", "iloveyou12"])("refuses %j, naming the password field", (password) => {
    const result = attempt(password);
    expect(result.success).toBe(false);
    const fields = fieldErrorsOf(result.error!);
    expect(fields.password).toMatch(/Password/);
    expect(Object.keys(fields)).toEqual(["password"]);
  });

  it("says why a common password is refused", () => {
    const fields = fieldErrorsOf(attempt("password12").error!);
    expect(fields.password).toMatch(/too easy to guess/);
  });

  it("refuses short passwords with the length rule", () => {
    expect(fieldErrorsOf(attempt("short").error!).password).toBe("Password must be at least 10 characters");
  });

  it.each(["correct horse battery staple", "e2e-password-123", "another long password"])("accepts %j", (password) => {
    expect(attempt(password).success).toBe(true);
  });
});
