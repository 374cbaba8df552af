"use client";

import * as React from "react";
import * as RadioGroupPrimitive from "@radix-ui/react-radio-group";

import { cn } from "@/lib/utils";

/** Radix radio group: arrow keys move between items, one tab stop for the group. */
export function RadioGroup({ className, ...props }: React.ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return <RadioGroupPrimitive.Root data-slot="radio-group" className={cn("grid gap-2", className)} {...props} />;
}

/** A round radio button drawn to the theme. */
export function RadioGroupItem({ className, ...props }: React.ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      data-slot="radio-group-item"
      className={cn(
        "grid size-4 shrink-0 cursor-pointer place-items-center rounded-full border border-input bg-background shadow-xs transition-colors",
        "data-[state=checked]:border-primary",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    >
      <RadioGroupPrimitive.Indicator className="size-2 rounded-full bg-primary" />
    </RadioGroupPrimitive.Item>
  );
}

/** A segment of a segmented control: a radio drawn as a button in a row of buttons. */
export function SegmentItem({ className, ...props }: React.ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      data-slot="segment-item"
      className={cn(
        "relative flex h-9 min-w-0 flex-1 cursor-pointer items-center justify-center text-xs font-medium tabular-nums text-muted-foreground transition-colors",
        "hover:bg-muted hover:text-foreground",
        "data-[state=checked]:z-10 data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground",
        "focus-visible:z-20 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
