import * as React from "react";

import { cn } from "@/lib/utils";

export type PageHeaderProps = Omit<React.ComponentProps<"header">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons / menus shown on the right (stacked under the title on mobile). */
  actions?: React.ReactNode;
  /** Small line above the title: breadcrumbs, a back link, a status badge… */
  eyebrow?: React.ReactNode;
  /** Inline element after the title, e.g. a <StatusBadge>. */
  titleAddon?: React.ReactNode;
};

/** Page title block. Renders the page's <h1>; use exactly one per page. */
export function PageHeader({ title, description, actions, eyebrow, titleAddon, className, children, ...props }: PageHeaderProps) {
  return (
    <header
      data-slot="page-header"
      className={cn(
        "flex min-w-0 flex-col gap-4 border-b border-border pb-5 sm:flex-row sm:items-end sm:justify-between sm:gap-6",
        className,
      )}
      {...props}
    >
      <div className="min-w-0 flex-1 space-y-1.5">
        {eyebrow ? <div className="text-sm text-muted-foreground">{eyebrow}</div> : null}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
          <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight text-foreground sm:text-3xl">{title}</h1>
          {titleAddon}
        </div>
        {description ? <div className="max-w-3xl text-sm text-muted-foreground sm:text-base">{description}</div> : null}
        {children}
      </div>
      {actions ? (
        <div data-print="hide" className="flex flex-wrap items-center gap-2 sm:shrink-0 sm:justify-end">
          {actions}
        </div>
      ) : null}
    </header>
  );
}
