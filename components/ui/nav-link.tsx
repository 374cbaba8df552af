"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A top-navigation link that shows where you are: highlighted, and aria-current="page", on its own
 * page and on the pages under it (/teams/… keeps "Teams" active).
 */
export function NavLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const pathname = usePathname() ?? "";
  const active = pathname === href || pathname.startsWith(`${href}/`) || (href === "/teams" && pathname.startsWith("/evaluations/"));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex h-8 items-center rounded-md px-2 text-sm sm:px-3 font-medium text-muted-foreground transition-colors hover:bg-muted hover:text-foreground",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "aria-[current=page]:bg-primary-soft aria-[current=page]:text-primary",
        className,
      )}
    >
      {children}
    </Link>
  );
}
