import * as React from "react";
import { Slot } from "@radix-ui/react-slot";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";
import { EVALUATION_STATUSES, type EvaluationStatus } from "@/lib/vocabulary";

export const badgeVariants = cva(
  [
    "inline-flex w-fit shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium leading-4",
    "transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
    "[&>svg]:pointer-events-none [&>svg]:size-3",
  ].join(" "),
  {
    variants: {
      variant: {
        default: "border-transparent bg-primary text-primary-foreground",
        secondary: "border-transparent bg-secondary text-secondary-foreground",
        outline: "border-border bg-transparent text-foreground",
        muted: "border-transparent bg-muted text-muted-foreground",
        destructive: "border-destructive/20 bg-destructive-soft text-destructive",
        success: "border-success/25 bg-success-soft text-success",
        warning: "border-warning/50 bg-warning-soft text-warning-foreground dark:text-warning",
        info: "border-info/25 bg-info-soft text-info",
        // Decision statuses
        draft: "border-border bg-muted text-muted-foreground",
        voting: "border-primary/25 bg-primary-soft text-primary",
        revealed: "border-info/25 bg-info-soft text-info",
        decided: "border-success/25 bg-success-soft text-success",
        superseded: "border-warning/50 bg-warning-soft text-warning-foreground dark:text-warning",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export type BadgeProps = React.ComponentProps<"span"> & VariantProps<typeof badgeVariants> & { asChild?: boolean };

export function Badge({ className, variant, asChild = false, ...props }: BadgeProps) {
  const Comp = asChild ? Slot : "span";
  return <Comp data-slot="badge" className={cn(badgeVariants({ variant }), className)} {...props} />;
}

export const DECISION_STATUSES = EVALUATION_STATUSES;
export type DecisionStatus = EvaluationStatus;

const STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: "Draft",
  voting: "Voting",
  revealed: "Revealed",
  decided: "Decided",
  superseded: "Superseded",
};

const STATUS_DOT: Record<DecisionStatus, string> = {
  draft: "bg-muted-foreground/70",
  voting: "bg-primary animate-pulse",
  revealed: "bg-info",
  decided: "bg-success",
  superseded: "bg-warning",
};

export function isDecisionStatus(value: unknown): value is DecisionStatus {
  return typeof value === "string" && (DECISION_STATUSES as readonly string[]).includes(value);
}

export type StatusBadgeProps = Omit<BadgeProps, "variant" | "asChild" | "children"> & {
  /** Decision status string (unknown values render as a neutral badge). */
  status: DecisionStatus | (string & {});
  /** Override the visible text (defaults to the capitalised status). */
  label?: React.ReactNode;
};

/** Coloured pill with a status dot for a decision's lifecycle status. */
export function StatusBadge({ status, label, className, ...props }: StatusBadgeProps) {
  const known = isDecisionStatus(status);
  return (
    <Badge variant={known ? status : "outline"} data-status={status} className={className} {...props}>
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", known ? STATUS_DOT[status] : "bg-muted-foreground")} />
      {label ?? (known ? STATUS_LABELS[status] : status)}
    </Badge>
  );
}
