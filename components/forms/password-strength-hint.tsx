"use client";

import * as React from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import type { PasswordStrength } from "@/lib/validation/password-strength";

type Estimator = typeof import("@/lib/validation/password-strength");

// The estimator and its dictionary (~400 kB) load on first keystroke, not with the page.
let loading: Promise<Estimator> | undefined;
const loadEstimator = () => (loading ??= import("@/lib/validation/password-strength"));

const LABELS = ["Very weak", "Weak", "Fair", "Good", "Strong"] as const;
const BAR_COLOURS = ["bg-destructive", "bg-destructive", "bg-amber-500", "bg-emerald-600", "bg-emerald-600"] as const;
/** Wait this long after the last keystroke, so screen readers hear one update, not one per key. */
const SETTLE_MS = 300;

type Hint = PasswordStrength & { tooShortBy: number };

/**
 * A new-password input with a live strength hint under it: zxcvbn's score as a meter and a label,
 * plus its warning and first suggestion, from the same estimator the server applies. The hint is
 * linked to the input with aria-describedby and is a polite live region. Put it inside a Field,
 * which passes the id / aria props through.
 */
export function NewPasswordInput({ "aria-describedby": describedBy, onChange, className, ...props }: React.ComponentProps<typeof Input>) {
  const hintId = `${React.useId().replace(/[^a-zA-Z0-9_-]/g, "")}-strength`;
  const [password, setPassword] = React.useState("");
  const [hint, setHint] = React.useState<Hint | null>(null);

  React.useEffect(() => {
    if (!password) return;
    let current = true;
    const timer = setTimeout(() => {
      void loadEstimator().then(({ passwordStrength, MIN_PASSWORD_LENGTH }) => {
        if (!current) return;
        const tooShortBy = Math.max(0, MIN_PASSWORD_LENGTH - password.trim().length);
        setHint({ ...passwordStrength(password), tooShortBy });
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password]);

  // React resets an uncontrolled form after its action runs; the hint follows the emptied field.
  const inputRef = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    const form = inputRef.current?.form;
    const clear = () => setPassword("");
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);

  return (
    <div>
      <Input
        ref={inputRef}
        type="password"
        autoComplete="new-password"
        {...props}
        className={className}
        aria-describedby={[describedBy, hintId].filter(Boolean).join(" ")}
        onChange={(event) => {
          setPassword(event.target.value);
          onChange?.(event);
        }}
      />
      {/* Always rendered (even empty): a live region must exist before its content changes to be announced. */}
      <div id={hintId} aria-live="polite" className="text-[0.8125rem] leading-snug text-muted-foreground">
        {password && hint ? <StrengthHint hint={hint} /> : null}
      </div>
    </div>
  );
}

function StrengthHint({ hint }: { hint: Hint }) {
  const status =
    hint.tooShortBy > 0
      ? `${hint.tooShortBy} more character${hint.tooShortBy === 1 ? "" : "s"} needed.`
      : hint.strongEnough || hint.warning
        ? null
        : "Not accepted yet: add another word or two.";
  const advice = [status, hint.warning, hint.suggestions[0]].filter(Boolean).join(" ");
  return (
    <div className="grid gap-1 pt-1.5">
      <div className="flex items-center gap-2">
        <div aria-hidden="true" className="flex flex-1 gap-1" data-testid="password-strength-meter">
          {[0, 1, 2, 3].map((bar) => (
            <span
              key={bar}
              className={cn("h-1 flex-1 rounded-full", bar < Math.max(1, hint.score) ? BAR_COLOURS[hint.score] : "bg-muted")}
            />
          ))}
        </div>
        <span className="shrink-0 font-medium text-foreground">
          Strength: {LABELS[hint.score]}
          <span className="sr-only"> ({hint.score} of 4).</span>
        </span>
      </div>
      {advice ? <p>{advice}</p> : null}
    </div>
  );
}
