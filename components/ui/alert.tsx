import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

export const alertVariants = cva(
  [
    "relative grid w-full min-w-0 grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm",
    "has-[>svg]:grid-cols-[1.125rem_1fr] has-[>svg]:gap-x-3 [&>:not(svg)]:col-start-2",
    "[&>svg]:mt-0.5 [&>svg]:size-[1.125rem] [&>svg]:text-current",
  ].join(" "),
  {
    variants: {
      variant: {
        default: "border-border bg-card text-card-foreground [&>svg]:text-primary",
        info: "border-info/30 bg-info-soft text-foreground [&>svg]:text-info",
        destructive: "border-destructive/30 bg-destructive-soft text-foreground [&>svg]:text-destructive",
        success: "border-success/30 bg-success-soft text-foreground [&>svg]:text-success",
        warning: "border-warning/60 bg-warning-soft text-foreground [&>svg]:text-warning-foreground dark:[&>svg]:text-warning",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

const DEFAULT_ICONS: Record<NonNullable<VariantProps<typeof alertVariants>["variant"]>, LucideIcon> = {
  default: Info,
  info: Info,
  destructive: CircleAlert,
  success: CircleCheck,
  warning: TriangleAlert,
};

export type AlertProps = React.ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /**
     * Leading icon. Defaults to an icon matching the variant; pass `false` for none,
     * or any lucide icon component.
     */
    icon?: LucideIcon | false;
  };

/**
 * Inline message. role="alert" for destructive (announced immediately),
 * role="status" otherwise. Override with the `role` prop if needed.
 */
export function Alert({ className, variant, icon, role, children, ...props }: AlertProps) {
  const Icon = icon === false ? null : (icon ?? DEFAULT_ICONS[variant ?? "default"]);
  return (
    <div
      data-slot="alert"
      data-variant={variant ?? "default"}
      role={role ?? (variant === "destructive" ? "alert" : "status")}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {Icon ? <Icon aria-hidden="true" /> : null}
      {children}
    </div>
  );
}

export function AlertTitle({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="alert-title" className={cn("col-start-2 min-h-4 font-semibold leading-snug tracking-tight", className)} {...props} />
  );
}

export function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn(
        "col-start-2 text-sm leading-relaxed text-foreground/80 [&>p+p]:mt-1.5 [&_a]:font-medium [&_a]:text-foreground [&_a]:underline",
        className,
      )}
      {...props}
    />
  );
}
