import * as React from "react";

import { cn } from "@/lib/utils";

export type ProgressProps = Omit<React.ComponentProps<"div">, "children"> & {
  /** Current value; `null`/undefined renders an indeterminate bar. */
  value?: number | null;
  max?: number;
  /** Accessible name (required unless aria-labelledby is given). */
  label?: string;
  /** Human-readable value, e.g. "3 of 5 voted". */
  valueText?: string;
  variant?: "default" | "success" | "warning" | "destructive";
  size?: "sm" | "default";
  indicatorClassName?: string;
};

const FILL = {
  default: "bg-primary",
  success: "bg-success",
  warning: "bg-warning",
  destructive: "bg-destructive",
} as const;

export function Progress({
  value,
  max = 100,
  label,
  valueText,
  variant = "default",
  size = "default",
  className,
  indicatorClassName,
  ...props
}: ProgressProps) {
  const indeterminate = value === null || value === undefined || Number.isNaN(value);
  const clamped = indeterminate ? 0 : Math.min(Math.max(value, 0), max);
  const pct = max > 0 ? (clamped / max) * 100 : 0;
  return (
    <div
      data-slot="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={indeterminate ? undefined : clamped}
      aria-valuetext={valueText}
      data-state={indeterminate ? "indeterminate" : pct >= 100 ? "complete" : "loading"}
      className={cn("relative w-full overflow-hidden rounded-full bg-muted-foreground/15", size === "sm" ? "h-1.5" : "h-2.5", className)}
      {...props}
    >
      <div
        data-slot="progress-indicator"
        className={cn(
          "h-full rounded-full transition-[width] duration-500 ease-out",
          FILL[variant],
          indeterminate && "w-1/3 animate-pulse",
          indicatorClassName,
        )}
        style={indeterminate ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
