"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { markNotificationsRead } from "@/lib/api/client";
import { ApiError } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";

/** A refused mark (e.g. signed out meanwhile) is not worth an error: the list re-renders as it stands. */
async function markRead(ids?: string[]) {
  await markNotificationsRead(ids).catch((error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
  });
}

export function MarkAllReadButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await markRead();
          await queryClient.invalidateQueries({ queryKey: queryKeys.notifications() });
          router.refresh();
        })
      }
    >
      Mark all read
    </Button>
  );
}

/** Opening a notification marks it read. */
export function MarkReadLink({ id, href, unread, children }: { id: string; href: string; unread: boolean; children: React.ReactNode }) {
  const queryClient = useQueryClient();
  return (
    <Link
      href={href}
      className={`break-words hover:underline ${unread ? "font-medium" : "text-muted-foreground"}`}
      onClick={() => {
        if (unread) void markRead([id]).then(() => queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }));
      }}
    >
      {children}
    </Link>
  );
}
