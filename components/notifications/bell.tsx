"use client";

import Link from "next/link";
import { Bell } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";

/**
 * Polls often enough that a mention shows within seconds, cheaply (one indexed count). On an
 * evaluation page it is sooner: each event on the evaluation's open stream invalidates every
 * ["notifications", …] query (components/evaluation/use-evaluation.ts), so the count refreshes at once.
 */
const POLL_MS = 5_000;

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { data } = useQuery({
    queryKey: ["notifications", "unread"],
    queryFn: async () => {
      const response = await fetch("/api/v1/notifications?count=1", { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { unread: number }).unread;
    },
    initialData: initialUnread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
  const unread = data ?? 0;
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Button asChild variant="ghost" size="sm" className="relative">
      <Link href="/notifications" aria-label={label} data-testid="notification-bell">
        <Bell aria-hidden />
        {unread > 0 ? (
          <span
            className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] font-semibold leading-4 text-destructive-foreground"
            data-testid="unread-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Link>
    </Button>
  );
}
