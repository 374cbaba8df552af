"use client";

import { Eye, EyeOff } from "lucide-react";
import { VISIBILITIES, VISIBILITY_LABELS, type Visibility } from "@/lib/ballots/visibility";

/**
 * Blind or open voting, as a radio group named `visibility` for a form (the create form, and the
 * draft's details). Blind is the default and comes first.
 */
export function VisibilityField({
  defaultValue = "blind",
  error,
  onChange,
}: {
  defaultValue?: Visibility;
  error?: string;
  /** called when the choice changes, for forms that save as you go */
  onChange?: (value: Visibility) => void;
}) {
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? "visibility-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Results while voting</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {VISIBILITIES.map((value) => {
          const Icon = value === "open" ? Eye : EyeOff;
          return (
            <label
              key={value}
              className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
            >
              <input
                type="radio"
                name="visibility"
                value={value}
                defaultChecked={value === defaultValue}
                onChange={(e) => e.currentTarget.checked && onChange?.(value)}
                className="mt-1"
              />
              <span className="grid gap-0.5">
                <span className="flex items-center gap-1.5 font-medium">
                  <Icon className="size-4 text-muted-foreground" aria-hidden /> {VISIBILITY_LABELS[value].title}
                </span>
                <span className="text-sm text-muted-foreground">{VISIBILITY_LABELS[value].description}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id="visibility-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
