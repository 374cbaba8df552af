import { format } from "date-fns";

/** One date format across the app: "4 May 2026, 14:30" (or "4 May 2026" with dateOnly). */
export function formatDateTime(value: Date | string | number, { dateOnly = false }: { dateOnly?: boolean } = {}): string {
  return format(new Date(value), dateOnly ? "d MMM yyyy" : "d MMM yyyy, HH:mm");
}

/**
 * A date and time as <time>. The server renders in its time zone and the browser may differ by a
 * few hours, so the text is allowed to change on hydration.
 */
export function DateTime({ value, dateOnly, className }: { value: Date | string | number; dateOnly?: boolean; className?: string }) {
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} className={className} suppressHydrationWarning>
      {formatDateTime(date, { dateOnly })}
    </time>
  );
}
