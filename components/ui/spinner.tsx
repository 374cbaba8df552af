import * as React from "react";
import { LoaderCircle } from "lucide-react";

import { cn } from "@/lib/utils";

export type SpinnerProps = Omit<React.ComponentProps<"span">, "children"> & {
  /** Accessible label announced to screen readers. */
  label?: string;
  /** Show the label visibly next to the spinner. */
  showLabel?: boolean;
  size?: "sm" | "default" | "lg";
  /** Visual only (e.g. inside a Button that already says "Saving…"): no role, hidden from AT. */
  decorative?: boolean;
};

const SIZES = { sm: "size-3.5", default: "size-4", lg: "size-6" } as const;

export function Spinner({ className, label = "Loading", showLabel = false, size = "default", decorative = false, ...props }: SpinnerProps) {
  if (decorative) {
    return (
      <span data-slot="spinner" aria-hidden="true" className={cn("inline-flex", className)} {...props}>
        <LoaderCircle className={cn("animate-spin", SIZES[size])} />
      </span>
    );
  }
  return (
    <span data-slot="spinner" role="status" className={cn("inline-flex items-center gap-2 text-muted-foreground", className)} {...props}>
      <LoaderCircle aria-hidden="true" className={cn("animate-spin", SIZES[size])} />
      <span className={showLabel ? "text-sm" : "sr-only"}>{label}</span>
    </span>
  );
}
