import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { passwordStrength, weakPasswordReason } from "@/lib/validation/password-strength";

describe("password strength hint", () => {
  it("scores and explains a common password, and accepts a long passphrase", () => {
    const weak = passwordStrength("password12");
    expect(weak.score).toBeLessThan(2);
    expect(weak.strongEnough).toBe(false);
    expect(weak.warning).toMatch(/commonly used password/);
    const strong = passwordStrength("violet harbour lantern 93");
    expect(strong.score).toBeGreaterThanOrEqual(3);
    expect(strong.strongEnough).toBe(true);
  });

  it("never disagrees with the server's rule", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 24 }), (password) => {
        expect(passwordStrength(password).strongEnough).toBe(weakPasswordReason(password) === null);
      }),
      { numRuns: 200 },
    );
  });
});
