import { Trophy } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EvaluationView } from "@/lib/domain/report";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The engine's ranking (score and win probability) and each criterion's aggregated weight. */
export function RankingPanel({ view }: { view: EvaluationView }) {
  const report = view.report;
  if (!report) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="ranking-empty">
        The ranking appears as soon as the first ballot is cast.
      </p>
    );
  }
  const optionName = new Map(view.options.map((o) => [o.key, o.name]));
  const criterionName = new Map(view.criteria.map((c) => [c.key, c.name]));
  const maxScore = Math.max(10, ...report.ranking.map((r) => r.score));
  const weights = Object.entries(report.weights).sort((a, b) => b[1] - a[1]);
  return (
    <div className="grid gap-6">
      <ol className="grid gap-3" aria-label="Ranking" data-testid="ranking">
        {report.ranking.map((r) => (
          <li key={r.option} className="grid gap-1.5" data-testid={`rank-${r.option}`}>
            <div className="flex items-baseline justify-between gap-3">
              <span className="flex items-center gap-2 font-medium">
                <span className="inline-flex size-6 items-center justify-center rounded-full bg-muted text-xs tabular-nums">{r.rank}</span>
                {optionName.get(r.option) ?? r.option}
                {r.rank === 1 ? <Trophy className="size-4 text-warning" aria-label="Leader" /> : null}
              </span>
              <span className="text-sm tabular-nums text-muted-foreground">
                <span className="font-semibold text-foreground" data-testid="score">{r.score.toFixed(2)}</span> / 10 · wins in {pct(r.winProbability)} of samples
              </span>
            </div>
            <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
              <div className="h-full rounded-full bg-primary" style={{ width: `${(r.score / maxScore) * 100}%` }} />
            </div>
          </li>
        ))}
      </ol>
      <Table>
        <caption className="sr-only">Aggregated criterion weights</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Criterion</TableHead>
            <TableHead className="text-right">Team weight</TableHead>
            <TableHead className="text-right">Consensus</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {weights.map(([key, w]) => (
            <TableRow key={key}>
              <TableCell>{criterionName.get(key) ?? key}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid={`weight-${key}`}>{pct(w)}</TableCell>
              <TableCell className="text-right tabular-nums">{pct(report.consensus.byCriterion[key] ?? 1)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
