"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Bell } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { getUnreadNotificationCount } from "@/lib/api/client";
import { apiPaths } from "@/lib/api/paths";
import { queryKeys } from "@/lib/api/query-keys";
import { useEventSource } from "@/components/live/use-event-source";

/** While the user's event stream is down, the count is polled this often instead. */
const POLL_MS = 5_000;
/** With the stream up, a slow poll still catches anything a dropped event would have missed. */
const SAFETY_POLL_MS = 60_000;
/** How long to wait before opening a new stream once the browser has given up on one. */
const REOPEN_MS = 5_000;

/**
 * Subscribes to the user's own event stream (apiPaths.notificationEvents()), on every page:
 * each `notification` event invalidates every ["notifications", …] query, so the count rises as
 * soon as a notification is committed. True while the stream is up.
 */
function useNotificationEvents(): boolean {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  // The notifications page is rendered on the server: it re-renders when one arrives.
  const onListPage = useRef(false);
  useEffect(() => {
    onListPage.current = pathname === "/notifications";
  }, [pathname]);
  return useEventSource(
    () => apiPaths.notificationEvents(),
    {
      // Whatever arrived while the stream was down.
      ready: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }),
      notification: () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() });
        if (onListPage.current) router.refresh();
      },
    },
    { reopenMs: REOPEN_MS },
  );
}

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const streaming = useNotificationEvents();
  const { data } = useQuery({
    queryKey: queryKeys.unreadNotifications(),
    queryFn: getUnreadNotificationCount,
    initialData: initialUnread,
    refetchInterval: streaming ? SAFETY_POLL_MS : POLL_MS,
    refetchOnWindowFocus: true,
  });
  const unread = data ?? 0;
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Button asChild variant="ghost" size="sm" className="relative">
      <Link href="/notifications" aria-label={label} data-testid="notification-bell" data-live={streaming ? "true" : "false"}>
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
