"use client";

import { Eye, EyeOff } from "lucide-react";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { VISIBILITIES, VISIBILITY_LABELS, visibilityOf, type Visibility } from "@/lib/ballots/visibility";

/**
 * Blind or open voting, as a radio group named `visibility` for a form (the create form, and the
 * draft's details). Blind is the default and comes first. Radix radios: arrow keys move the choice,
 * and a hidden input per radio submits `visibility` with the form as a native radio would.
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
    <fieldset className="grid gap-2">
      <legend id="visibility-legend" className="mb-1 text-sm font-medium">
        Results while voting
      </legend>
      <RadioGroup
        name="visibility"
        defaultValue={defaultValue}
        onValueChange={(value) => onChange?.(visibilityOf(value))}
        aria-labelledby="visibility-legend"
        aria-describedby={error ? "visibility-error" : undefined}
        aria-invalid={error ? true : undefined}
        className="grid gap-2 sm:grid-cols-2"
      >
        {VISIBILITIES.map((value) => {
          const Icon = value === "open" ? Eye : EyeOff;
          return (
            <label
              key={value}
              htmlFor={`visibility-${value}`}
              className="relative flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-primary/5"
            >
              <RadioGroupItem
                id={`visibility-${value}`}
                value={value}
                className="mt-1"
                aria-describedby={`visibility-${value}-description`}
              />
              <span className="grid gap-0.5">
                <span className="flex items-center gap-1.5 font-medium">
                  <Icon className="size-4 text-muted-foreground" aria-hidden /> {VISIBILITY_LABELS[value].title}
                </span>
                <span id={`visibility-${value}-description`} className="text-sm text-muted-foreground">
                  {VISIBILITY_LABELS[value].description}
                </span>
              </span>
            </label>
          );
        })}
      </RadioGroup>
      {error ? (
        <p id="visibility-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
