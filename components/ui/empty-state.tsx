import * as React from "react";
import type { LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

export type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  /** A lucide icon component (e.g. `icon={Inbox}`) or any node. */
  icon?: LucideIcon | React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Call to action, e.g. a <Button>. */
  action?: React.ReactNode;
  /** Heading level for the title (default h3). */
  headingLevel?: 2 | 3 | 4;
  /** Drop the dashed border (e.g. when already inside a Card). */
  bare?: boolean;
};

function isComponentType(value: unknown): value is LucideIcon {
  return typeof value === "function" || (typeof value === "object" && value !== null && "$$typeof" in value && "render" in value);
}

export function EmptyState({
  icon,
  title,
  description,
  action,
  headingLevel = 3,
  bare = false,
  className,
  children,
  ...props
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  let iconNode: React.ReactNode = null;
  if (isComponentType(icon)) {
    const Icon = icon;
    iconNode = <Icon aria-hidden="true" className="size-6" />;
  } else if (icon) {
    iconNode = icon;
  }
  return (
    <div
      data-slot="empty-state"
      className={cn(
        "flex min-w-0 flex-col items-center justify-center gap-3 px-6 py-12 text-center",
        !bare && "rounded-xl border border-dashed border-input/70 bg-card/60",
        className,
      )}
      {...props}
    >
      {iconNode ? (
        <div
          aria-hidden="true"
          className="mb-1 flex size-12 items-center justify-center rounded-full bg-primary-soft text-primary ring-8 ring-primary-soft/40"
        >
          {iconNode}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-foreground">{title}</Heading>
      {description ? <div className="max-w-sm text-sm text-muted-foreground">{description}</div> : null}
      {children}
      {action ? <div className="mt-2 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
