import * as React from "react";

import { cn } from "@/lib/utils";

export function Card({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="card"
      className={cn(
        "flex min-w-0 flex-col gap-5 rounded-xl border border-border bg-card py-5 text-card-foreground shadow-sm shadow-black/[0.03] sm:py-6",
        className,
      )}
      {...props}
    />
  );
}

export function CardHeader({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="card-header"
      className={cn(
        "grid auto-rows-min grid-rows-[auto_auto] items-start gap-1.5 px-5 sm:px-6",
        "has-data-[slot=card-action]:grid-cols-[1fr_auto]",
        "[.border-b]:pb-5",
        className,
      )}
      {...props}
    />
  );
}

type HeadingLevel = "h1" | "h2" | "h3" | "h4" | "h5" | "h6";

/** Card title. Renders an <h3> by default; pick the right level with `as`. */
export function CardTitle({ className, as: Comp = "h3", ...props }: React.ComponentProps<"h3"> & { as?: HeadingLevel }) {
  return <Comp data-slot="card-title" className={cn("text-base font-semibold leading-snug tracking-tight", className)} {...props} />;
}

export function CardDescription({ className, ...props }: React.ComponentProps<"p">) {
  return <p data-slot="card-description" className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="card-content" className={cn("px-5 sm:px-6", className)} {...props} />;
}

export function CardFooter({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="card-footer"
      className={cn("mt-auto flex flex-wrap items-center gap-2 px-5 sm:px-6 [.border-t]:pt-5", className)}
      {...props}
    />
  );
}
