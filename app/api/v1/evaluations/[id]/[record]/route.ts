import { apiRoute } from "@/lib/http/api";
import { RecordParams, RecordQuery, recordFormatOf } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/errors";
import { exportDecisionRecord } from "@/lib/domain/records";

/**
 * The decision record as record.md, record.json or record.csv. Anyone who may read the evaluation
 * may download it, named or with `?anonymise=1`: members already see each other's revealed
 * ballots in the app, and the anonymised form is for sharing outside the team. Downloads are
 * attachments unless `?inline=1`. A decided evaluation's record is served from its frozen
 * snapshot, so the same URL gives the same bytes every time.
 */
export const GET = apiRoute(RecordParams, async ({ actor, params, request }) => {
  const query = parseOrThrow(RecordQuery, Object.fromEntries(request.nextUrl.searchParams), "query");
  const file = await exportDecisionRecord(actor, params.id, recordFormatOf(params.record), {
    anonymise: query.anonymise,
    wide: query.layout === "wide",
  });
  const disposition = query.inline ? "inline" : "attachment";
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `${disposition}; filename="${file.filename}"`,
      // Ballots and names: never stored by shared caches.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
