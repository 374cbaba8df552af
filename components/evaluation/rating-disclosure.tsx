"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A rating's "why this score" disclosure. Its content (rationale and quotes) is rendered only once
 * opened: a table of 24 criteria × its options holds ~50 of them, which were most of the
 * evaluation page's HTML and of its server render (docs/PERFORMANCE.md). A native <details>, so
 * it opens by keyboard and before hydration; what was opened before hydration shows once hydrated.
 */
export function RatingDisclosure({ testId, summary, children }: { testId: string; summary: ReactNode; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} className="group" data-testid={testId} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer list-none">{summary}</summary>
      {open ? children() : null}
    </details>
  );
}
