"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";

async function markRead(ids?: string[]) {
  await fetch("/api/v1/notifications/read", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(ids ? { ids } : {}),
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
          await queryClient.invalidateQueries({ queryKey: ["notifications"] });
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
        if (unread) void markRead([id]).then(() => queryClient.invalidateQueries({ queryKey: ["notifications"] }));
      }}
    >
      {children}
    </Link>
  );
}
