import type { ReactNode } from "react";
import { ChevronRight } from "lucide-react";

/**
 * A chart with its numbers: the drawing is hidden from assistive technology, and the same data
 * sits in a table behind a "Show the numbers" disclosure that keyboard and screen-reader users reach.
 */
export function ChartFigure({ label, chart, table }: { label: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="grid min-w-0 grid-cols-1 gap-3" aria-label={label}>
      <div aria-hidden="true" className="min-w-0 select-none">
        {chart}
      </div>
      <details className="group min-w-0 text-sm">
        <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-sm font-medium text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
          <ChevronRight className="size-4 transition-transform group-open:rotate-90" aria-hidden />
          Show the numbers
        </summary>
        <div className="mt-3">{table}</div>
      </details>
    </figure>
  );
}
