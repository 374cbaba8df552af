"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import { BALLOTS_SHOWN_FIRST } from "@/lib/api/first-ballots";
import { ACCEPTABLE_CONSISTENCY_RATIO, formatConsistencyRatio } from "@/lib/ballots/saaty";
import { Term } from "@/components/report/term";
import { ShowAllToggle } from "@/components/evaluation/show-all-toggle";

const pct = (x: number) => `${Math.round(x * 100)}%`;
const METHOD_LABELS: Record<string, string> = { points: "100 points", likert: "1–5 importance", pairwise: "pairwise" };

/**
 * The members' ballots once revealed, as the share each gives every criterion; from the second
 * round on, what each member changed since the round before. A view that holds only the first
 * ballots (the page's first render) asks for the rest with `loadAll` on "Show all".
 */
export function RevealedBallots({ view, loadAll }: { view: EvaluationView; loadAll?: () => Promise<unknown> }) {
  const [showAll, setShowAll] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const all = view.ballots;
  if (!all?.length) return null;
  const total = view.ballotsTotal ?? all.length;
  const loading = showAll && all.length < total;
  const ballots = showAll ? all : all.slice(0, BALLOTS_SHOWN_FIRST);
  const name = new Map(view.criteria.map((c) => [c.key, c.name]));
  // Only criteria someone gave weight to: a 24-column table of zeros helps no one.
  const shown = view.criteria.filter((c) => all.some((b) => (b.weights[c.key] ?? 0) >= 0.005));
  const round = view.round;
  return (
    <div className="grid gap-4">
      {round > 1 ? (
        <section aria-labelledby="round-changes" className="grid gap-2">
          <h3 id="round-changes" className="text-sm font-medium">
            What changed in round {round}
          </h3>
          <ul className="grid gap-1.5 text-sm" data-testid="round-changes">
            {ballots.map((b) => (
              <li key={b.voter}>
                <span className="font-medium">{b.voterName}</span>
                {": "}
                {!b.changes
                  ? "voted for the first time"
                  : b.changes.length === 0
                    ? "kept their ballot"
                    : b.changes
                        .slice(0, 4)
                        .map((c) => `${name.get(c.criterion) ?? c.criterion} ${pct(c.from)} → ${pct(c.to)}`)
                        .join(", ") + (b.changes.length > 4 ? `, and ${b.changes.length - 4} more` : "")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Table data-testid="revealed-ballots">
        <caption className="sr-only">Each member&apos;s weight for each criterion</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Criterion</TableHead>
            {ballots.map((b) => (
              <TableHead key={b.voter} className="text-right">
                {b.voterName}
                <span className="block text-xs font-normal text-muted-foreground">{METHOD_LABELS[b.method] ?? b.method}</span>
                {b.method === "pairwise" ? <ConsistencyNote cr={view.report?.consistency[b.voter]} /> : null}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((c) => (
            <TableRow key={c.key}>
              <TableHead scope="row" className="font-normal">
                {c.name}
              </TableHead>
              {ballots.map((b) => (
                <TableCell key={b.voter} className="text-right tabular-nums">
                  {pct(b.weights[c.key] ?? 0)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total > ballots.length || showAll ? (
        <ShowAllToggle
          shown={ballots.length}
          total={total}
          first={BALLOTS_SHOWN_FIRST}
          noun="ballots"
          note={
            loading ? (loadFailed ? "the rest could not be loaded: show the first ones and try again" : "loading the rest…") : undefined
          }
          showAll={showAll}
          onToggle={() => {
            if (!showAll && all.length < total && loadAll) {
              setLoadFailed(false);
              loadAll().catch(() => setLoadFailed(true));
            }
            setShowAll(!showAll);
          }}
          testId="ballots-shown"
        />
      ) : null}
    </div>
  );
}

/** A pairwise ballot's consistency ratio, flagged when Saaty would ask for its judgments to be revised. */
function ConsistencyNote({ cr }: { cr: number | undefined }) {
  if (cr === undefined) return null;
  const text = (
    <>
      <Term name="consistencyRatio">CR</Term> {formatConsistencyRatio(cr)}
    </>
  );
  return cr > ACCEPTABLE_CONSISTENCY_RATIO ? (
    <Badge variant="warning" className="mt-1 font-normal" data-testid="ballot-consistency">
      inconsistent: {text}
    </Badge>
  ) : (
    <span className="block text-xs font-normal text-muted-foreground tabular-nums" data-testid="ballot-consistency">
      {text}
    </span>
  );
}
