import { formatDateTime } from "@/lib/dates";

export { formatDateTime };

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
