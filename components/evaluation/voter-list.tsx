"use client";

import { useState } from "react";
import { CheckCircle2, Circle } from "lucide-react";
import { ShowAllToggle } from "@/components/evaluation/show-all-toggle";
import type { EvaluationView } from "@/lib/api/evaluation-view";

/**
 * Members listed before "Show all": a 200-member team's list was a fifth of the evaluation page's
 * HTML and server render, and what a large team needs first is who has not voted yet.
 */
export const VOTERS_SHOWN_FIRST = 12;

/** Who may vote and whether they have; a large team's list starts with those who have not. */
export function VoterList({ voters }: { voters: EvaluationView["members"] }) {
  const [showAll, setShowAll] = useState(false);
  const large = voters.length > VOTERS_SHOWN_FIRST;
  // A stable sort: within each group, members keep the view's order.
  const ordered = large ? [...voters].sort((a, b) => Number(a.voted) - Number(b.voted)) : voters;
  const shown = large && !showAll ? ordered.slice(0, VOTERS_SHOWN_FIRST) : ordered;
  return (
    <div className="grid gap-3">
      <ul className="grid gap-2 text-sm" data-testid="voters">
        {shown.map((m) => (
          <li key={m.id} className="flex items-center gap-2">
            {m.voted ? (
              <CheckCircle2 className="size-4 text-success" aria-label="voted" />
            ) : (
              <Circle className="size-4 text-muted-foreground" aria-label="not yet" />
            )}
            {m.name}
          </li>
        ))}
      </ul>
      {large ? (
        <ShowAllToggle
          shown={shown.length}
          total={voters.length}
          first={VOTERS_SHOWN_FIRST}
          noun="members"
          note="those who have not voted first"
          showAll={showAll}
          onToggle={() => setShowAll(!showAll)}
        />
      ) : null}
    </div>
  );
}
