import Link from "next/link";
import { Bell } from "lucide-react";
import { formatDistanceToNow } from "date-fns";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/domain/notifications";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { MarkAllReadButton, MarkReadLink } from "@/components/notifications/notification-actions";

export const metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const notifications = await listNotifications({ userId: user.id });
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader
        title="Notifications"
        description="Mentions, replies, invitations, and voting, deadline, reveal and decision events in your teams."
        actions={unread > 0 ? <MarkAllReadButton /> : null}
      />
      {notifications.length === 0 ? (
        <EmptyState icon={Bell} title="Nothing yet" description="You will be told here when someone mentions you or a vote moves on." />
      ) : (
        <Card>
          <CardContent className="p-0">
            <ul className="divide-y" aria-label="Notifications">
              {notifications.map((n) => (
                <li key={n.id} className="flex items-start gap-3 px-4 py-3" data-testid="notification" data-unread={!n.readAt}>
                  <span aria-hidden className={`mt-2 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-primary"}`} />
                  <div className="grid min-w-0 flex-1 gap-0.5">
                    <MarkReadLink id={n.id} href={n.url} unread={!n.readAt}>
                      {n.title}
                    </MarkReadLink>
                    <span className="text-xs text-muted-foreground">
                      <DateTime value={n.createdAt} /> ({formatDistanceToNow(n.createdAt, { addSuffix: true })})
                      {n.readAt ? "" : " · unread"}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
      <p className="text-sm text-muted-foreground">
        Email for notifications is sent when the server has SMTP configured.{" "}
        <Link className="text-primary underline underline-offset-2" href="/settings">
          Choose what reaches you, and how, in Settings
        </Link>
        .
      </p>
    </div>
  );
}
