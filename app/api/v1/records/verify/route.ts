import { apiRoute } from "@/lib/http/api";
import { NoParams } from "@/lib/http/params";
import { verifyRecord } from "@/lib/export";

/**
 * Checks an exported JSON record against the SHA-256 it carries: `{ valid, sha256, reason? }`.
 * A changed record is 200 with `valid: false`; a file that is not a record at all is a 422.
 * Needs no database, but only signed-in users and token holders may use it, like the rest of the API.
 */
export const POST = apiRoute(NoParams, async ({ json }) => verifyRecord(await json()));
