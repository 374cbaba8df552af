// One date format across the app: "4 May 2026, 14:30". Pure, for the UI and for text the server
// stores or mails (notification titles, emails), which name the time zone since readers are anywhere.
import { format } from "date-fns";

const PATTERN = "d MMM yyyy, HH:mm";

/** In the reader's time zone (the browser's, or the server's while rendering): "4 May 2026, 14:30". */
export function formatDateTime(value: Date | string | number, { dateOnly = false }: { dateOnly?: boolean } = {}): string {
  return format(new Date(value), dateOnly ? "d MMM yyyy" : PATTERN);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const twoDigits = (n: number) => String(n).padStart(2, "0");

/** The same format in UTC, saying so: "4 May 2026, 14:30 UTC" (from the UTC fields, exact in any server zone). */
export function formatUtcDateTime(value: Date | string | number): string {
  const d = new Date(value);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())} UTC`;
}
