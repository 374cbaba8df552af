"use client";

import { RadioGroup, SegmentItem } from "@/components/ui/radio-group";
import { SAATY_STEPS, saatyStepLabel } from "@/lib/ballots/saaty";

/**
 * One pairwise judgment as a labelled segmented scale: the left half says "A matters more" (9× at
 * the far end), the middle "equal", the right half "B matters more". Each segment's accessible
 * name is the full judgment ("Built-in security: 9× (extremely more)"); arrow keys move along it.
 */
export function SaatyScale({
  id,
  nameA,
  nameB,
  value,
  onChange,
}: {
  id: string;
  nameA: string;
  nameB: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="grid min-w-0 gap-1">
      <RadioGroup
        id={id}
        aria-label={`${nameA} vs ${nameB}`}
        orientation="horizontal"
        value={value}
        onValueChange={onChange}
        className="flex gap-0 overflow-hidden rounded-md border"
      >
        {SAATY_STEPS.map((step) => {
          const times = step.value >= 1 ? step.value : 1 / step.value;
          // Odd steps carry a number; even ones are the in-between ticks, still named for screen readers.
          const shown = step.value === 1 ? "=" : Math.round(times) % 2 === 1 ? String(Math.round(times)) : "";
          return (
            <SegmentItem
              key={step.key}
              value={step.key}
              aria-label={saatyStepLabel(step, nameA, nameB)}
              title={saatyStepLabel(step, nameA, nameB)}
              className={step.value === 1 ? "border-x font-semibold" : step.value > 1 ? "bg-chart-1/5" : "bg-chart-2/5"}
            >
              {shown}
            </SegmentItem>
          );
        })}
      </RadioGroup>
      <div className="flex justify-between gap-2 text-[0.7rem] leading-tight text-muted-foreground" aria-hidden>
        <span className="min-w-0 break-words">← {nameA} matters more</span>
        <span className="min-w-0 break-words text-right">{nameB} matters more →</span>
      </div>
    </div>
  );
}
