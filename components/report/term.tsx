"use client";

import type { ReactNode } from "react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { GLOSSARY, type GlossaryKey } from "@/lib/report/glossary";

/**
 * A statistical term with its one-line explanation, shown on hover and on keyboard focus (the
 * trigger is a button, so it is reachable with Tab; Radix opens the tooltip on focus). The
 * explanation is also the button's accessible description, for screen readers.
 */
export function Term({ name, children }: { name: GlossaryKey; children?: ReactNode }) {
  const entry = GLOSSARY[name];
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          className="cursor-help rounded-sm underline decoration-dotted decoration-muted-foreground/70 underline-offset-4 focus-visible:outline-2 focus-visible:outline-ring"
          data-term={name}
        >
          {children ?? entry.term}
        </button>
      </TooltipTrigger>
      <TooltipContent>{entry.short}</TooltipContent>
    </Tooltip>
  );
}
