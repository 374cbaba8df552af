import { apiRoute } from "@/lib/http/api";
import { NoParams } from "@/lib/http/params";
import { listNotifications, unreadNotificationCount } from "@/lib/domain/notifications";

export const dynamic = "force-dynamic";

/** The signed-in user's newest notifications and unread count (the header's bell polls this). */
export const GET = apiRoute(NoParams, async ({ actor, request }) => {
  const countOnly = request.nextUrl.searchParams.get("count") === "1";
  const unread = await unreadNotificationCount(actor);
  return countOnly ? { unread } : { unread, notifications: await listNotifications(actor) };
});
