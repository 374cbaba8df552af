import { Button } from "@/components/ui/button";

/**
 * "Showing 12 of 200 …" and the button that shows the rest, for lists a large team would make too
 * long to render whole (the revealed ballots, who has voted).
 */
export function ShowAllToggle({
  shown,
  total,
  first,
  noun,
  note,
  showAll,
  onToggle,
  testId,
}: {
  shown: number;
  total: number;
  /** how many are shown before "Show all" */
  first: number;
  /** plural: "ballots", "members" */
  noun: string;
  /** said after the count, such as how the first ones were chosen */
  note?: string;
  showAll: boolean;
  onToggle: () => void;
  testId?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
      <span data-testid={testId}>
        Showing {shown} of {total} {noun}
        {note ? `, ${note}` : null}
      </span>
      <Button variant="outline" size="sm" onClick={onToggle} aria-expanded={showAll}>
        {showAll ? `Show the first ${first}` : `Show all ${total} ${noun}`}
      </Button>
    </div>
  );
}
