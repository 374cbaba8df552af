import * as React from "react";
import { ChevronDown } from "lucide-react";

import { cn } from "@/lib/utils";

export type NativeSelectProps = React.ComponentProps<"select"> & {
  /** Class for the wrapper (width/layout); `className` styles the <select> itself. */
  wrapperClassName?: string;
};

/**
 * Styled native <select>: zero JS, works in server-rendered forms and with Field.
 * Prefer this for simple choices; use the Radix Select for rich option content.
 */
export function NativeSelect({ className, wrapperClassName, children, ...props }: NativeSelectProps) {
  return (
    <div data-slot="native-select-wrapper" className={cn("relative w-full min-w-0", wrapperClassName)}>
      <select
        data-slot="native-select"
        className={cn(
          "h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-card py-1 pl-3 pr-9 text-base text-foreground shadow-xs sm:text-sm",
          "transition-[border-color,box-shadow] duration-150",
          "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40",
          "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60",
          "aria-invalid:border-destructive",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
