import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A table row's header cell (`<th scope="row">`), styled as body text rather than a column heading. */
export function RowHeader({ className, ...props }: ComponentProps<"th">) {
  return <th scope="row" className={cn("px-3 py-2.5 text-left align-middle font-medium first:pl-4 last:pr-4", className)} {...props} />;
}
