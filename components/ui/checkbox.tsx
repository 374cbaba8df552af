import * as React from "react";

import { cn } from "@/lib/utils";

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type">;

/** Native checkbox styled to the theme (works with forms and server actions, no JS needed). */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <input
      data-slot="checkbox"
      type="checkbox"
      className={cn(
        "size-4 shrink-0 cursor-pointer rounded border-input accent-primary",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        "aria-invalid:outline-2 aria-invalid:outline-destructive/50",
        className,
      )}
      {...props}
    />
  );
}

export type RadioProps = Omit<React.ComponentProps<"input">, "type">;

/** Native radio button styled to the theme. Group several with the same `name` inside a FieldSet. */
export function Radio({ className, ...props }: RadioProps) {
  return (
    <input
      data-slot="radio"
      type="radio"
      className={cn(
        "size-4 shrink-0 cursor-pointer accent-primary",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
