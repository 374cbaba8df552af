"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/*
 * The Report, What-if and Discussion tabs load their code when first shown, not with the page: the
 * report's charts (Recharts), the in-browser engine and the comments' Markdown renderer were a third of
 * the evaluation page's JavaScript, and the page opens on Overview. A tab named in the address still
 * renders on the server; hovering or focusing a tab starts its download, so a click rarely waits.
 */
const loaders = {
  report: () => import("@/components/report/report-sections"),
  "what-if": () => import("@/components/what-if/what-if-panel"),
  discussion: () => import("@/components/comments/discussion-panel"),
};

export function preloadTab(tab: string) {
  if (Object.hasOwn(loaders, tab)) void loaders[tab as keyof typeof loaders]();
}

function TabLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="grid gap-4">
      <Skeleton className="h-8 w-1/3" />
      <Skeleton className="h-48 w-full" />
      <Skeleton className="h-32 w-full" />
    </div>
  );
}

export const ReportSections = dynamic(() => loaders.report().then((m) => m.ReportSections), {
  loading: () => <TabLoading label="Loading the report" />,
});

export const WhatIfPanel = dynamic(() => loaders["what-if"]().then((m) => m.WhatIfPanel), {
  loading: () => <TabLoading label="Loading the what-if preview" />,
});

export const DiscussionPanel = dynamic(() => loaders.discussion().then((m) => m.DiscussionPanel), {
  loading: () => <TabLoading label="Loading the discussion" />,
});
