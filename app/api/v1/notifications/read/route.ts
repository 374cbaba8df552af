import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { NoParams } from "@/lib/http/params";
import { idSchema } from "@/lib/validation/team";
import { parseOrThrow } from "@/lib/errors";
import { markNotificationsRead } from "@/lib/domain/notifications";

const MarkReadSchema = z.object({ ids: z.array(idSchema).max(200).optional() });

/** Marks notifications read: `{ ids }`, or all of them with `{}`. */
export const POST = apiRoute(NoParams, async ({ actor, json }) => {
  const { ids } = parseOrThrow(MarkReadSchema, await json(), "notifications");
  return { marked: await markNotificationsRead(actor, ids) };
});
