import * as React from "react";

import { cn } from "@/lib/utils";

export const inputClasses = cn(
  "flex h-9 w-full min-w-0 rounded-md border border-input bg-card px-3 py-1 text-base text-foreground shadow-xs sm:text-sm",
  "transition-[border-color,box-shadow] duration-150",
  "placeholder:text-muted-foreground",
  "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60",
  "read-only:bg-muted/60",
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive/40",
  "file:-ml-1 file:mr-3 file:h-7 file:rounded file:border-0 file:bg-secondary file:px-2 file:text-sm file:font-medium file:text-secondary-foreground",
);

export type InputProps = React.ComponentProps<"input">;

/** Text input. Uses 16px text on small screens so iOS doesn't zoom on focus. */
export function Input({ className, type = "text", ...props }: InputProps) {
  return <input data-slot="input" type={type} className={cn(inputClasses, className)} {...props} />;
}
