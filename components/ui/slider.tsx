"use client";

import * as React from "react";
import * as SliderPrimitive from "@radix-ui/react-slider";

import { cn } from "@/lib/utils";

type ThumbA11yProps = {
  /** Accessible name for the thumb(s). One of aria-label / aria-labelledby is required. */
  "aria-label"?: string;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-required"?: boolean | "true" | "false";
  /** Static value text, e.g. "High importance". */
  "aria-valuetext"?: string;
};

export type SliderProps = Omit<React.ComponentProps<typeof SliderPrimitive.Root>, keyof ThumbA11yProps | "id"> &
  ThumbA11yProps & {
    /** Put on the (first) thumb so <label htmlFor> / Field wiring can reach it. */
    id?: string;
    /** Per-thumb accessible names for range sliders, e.g. ["Minimum", "Maximum"]. */
    thumbLabels?: string[];
    /** Human-readable value text per thumb, e.g. v => `${v} of 5`. */
    getAriaValueText?: (value: number, index: number) => string;
    thumbClassName?: string;
  };

/**
 * Accessible slider (Radix). Accessibility props are forwarded to every thumb
 * (the element with role="slider"), not the root, so screen readers announce them.
 *
 *   <Slider aria-label="Weight for Performance" min={0} max={10} step={1}
 *           defaultValue={[5]} name="weight" getAriaValueText={(v) => `${v} of 10`} />
 */
export function Slider({
  className,
  thumbClassName,
  defaultValue,
  value,
  min = 0,
  max = 100,
  id,
  thumbLabels,
  getAriaValueText,
  "aria-label": ariaLabel,
  "aria-labelledby": ariaLabelledby,
  "aria-describedby": ariaDescribedby,
  "aria-invalid": ariaInvalid,
  "aria-required": ariaRequired,
  "aria-valuetext": ariaValuetext,
  onValueChange,
  ...props
}: SliderProps) {
  // Mirror uncontrolled values so thumb count and aria-valuetext stay current.
  const [internal, setInternal] = React.useState<number[]>(() =>
    Array.isArray(defaultValue) && defaultValue.length > 0 ? defaultValue : [min],
  );
  const values = Array.isArray(value) ? value : internal;
  const handleValueChange = React.useCallback(
    (next: number[]) => {
      setInternal(next);
      onValueChange?.(next);
    },
    [onValueChange],
  );

  return (
    <SliderPrimitive.Root
      data-slot="slider"
      defaultValue={defaultValue}
      value={value}
      min={min}
      max={max}
      onValueChange={handleValueChange}
      className={cn(
        "relative flex w-full touch-none select-none items-center py-2 data-[disabled]:opacity-50",
        "data-[orientation=vertical]:h-full data-[orientation=vertical]:min-h-40 data-[orientation=vertical]:w-auto data-[orientation=vertical]:flex-col data-[orientation=vertical]:px-2 data-[orientation=vertical]:py-0",
        className,
      )}
      {...props}
    >
      <SliderPrimitive.Track
        data-slot="slider-track"
        className={cn(
          "relative grow overflow-hidden rounded-full bg-muted-foreground/20",
          "data-[orientation=horizontal]:h-2 data-[orientation=horizontal]:w-full data-[orientation=vertical]:h-full data-[orientation=vertical]:w-2",
          ariaInvalid === true || ariaInvalid === "true" ? "bg-destructive/25" : null,
        )}
      >
        <SliderPrimitive.Range
          data-slot="slider-range"
          className="absolute bg-primary data-[orientation=horizontal]:h-full data-[orientation=vertical]:w-full"
        />
      </SliderPrimitive.Track>
      {values.map((v, index) => {
        const labelledBy = thumbLabels?.[index] ? undefined : ariaLabelledby;
        let label = thumbLabels?.[index] ?? (labelledBy ? undefined : ariaLabel);
        if (label && !thumbLabels?.[index] && values.length > 1) {
          const part = index === 0 ? "minimum" : index === values.length - 1 ? "maximum" : `value ${index + 1}`;
          label = `${label}, ${part}`;
        }
        return (
          <SliderPrimitive.Thumb
            key={index}
            data-slot="slider-thumb"
            id={index === 0 ? id : undefined}
            aria-label={label}
            aria-labelledby={labelledBy}
            aria-describedby={ariaDescribedby}
            aria-invalid={ariaInvalid}
            aria-required={ariaRequired}
            aria-valuetext={getAriaValueText ? getAriaValueText(v, index) : ariaValuetext}
            className={cn(
              "block size-5 shrink-0 rounded-full border-2 border-primary bg-card shadow-md ring-primary/20",
              "transition-[box-shadow,transform] duration-150 hover:ring-4 active:scale-110",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring focus-visible:ring-4",
              "data-[disabled]:pointer-events-none",
              thumbClassName,
            )}
          />
        );
      })}
    </SliderPrimitive.Root>
  );
}
