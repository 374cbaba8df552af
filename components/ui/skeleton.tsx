import * as React from "react";

import { cn } from "@/lib/utils";

/** Loading placeholder. Decorative: wrap a group of skeletons in an element with aria-busy / a Spinner label. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div data-slot="skeleton" aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted-foreground/15", className)} {...props} />
  );
}
