import { RowHeader } from "@/components/report/row-header";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { percent } from "@/components/report/format";
import { Term } from "@/components/report/term";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import type { EngineReport } from "@/lib/engine/types";

/** Each criterion's team weight with how far apart the members are (spread) and how much they agree. */
export function WeightsTable({ view, report }: { view: EvaluationView; report: EngineReport }) {
  const all = view.criteria.map((c) => ({
    ...c,
    weight: report.weights[c.key] ?? 0,
    spread: view.weightSpread?.[c.key],
    consensus: report.consensus.byCriterion[c.key] as number | undefined,
  }));
  const rows = all.filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight);
  const unweighted = all.filter((r) => r.weight === 0);
  const max = Math.max(...rows.map((r) => r.weight), 0.01);
  return (
    <Table>
      <caption className="sr-only">Team weight, spread and consensus per criterion, heaviest first</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Criterion</TableHead>
          <TableHead className="w-2/5">Team weight</TableHead>
          <TableHead className="text-right">
            <Term name="spread">± Spread</Term>
          </TableHead>
          <TableHead className="text-right">
            <Term name="iqr">IQR</Term>
          </TableHead>
          <TableHead className="text-right">
            <Term name="consensus" />
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <RowHeader>{r.name}</RowHeader>
            <TableCell>
              <div className="flex items-center gap-2">
                <span className="w-12 shrink-0 text-right tabular-nums" data-testid={`weight-${r.key}`}>
                  {percent(r.weight, 1)}
                </span>
                <span className="hidden h-1.5 min-w-16 flex-1 overflow-hidden rounded-full bg-muted sm:block" aria-hidden>
                  <span className="block h-full rounded-full bg-primary" style={{ width: `${(r.weight / max) * 100}%` }} />
                </span>
              </div>
            </TableCell>
            <TableCell className="text-right tabular-nums">{r.spread ? `± ${percent(r.spread.sd, 1)}` : "—"}</TableCell>
            <TableCell className="text-right tabular-nums">{r.spread ? percent(r.spread.iqr, 1) : "—"}</TableCell>
            <TableCell className="text-right tabular-nums">{r.consensus === undefined ? "—" : percent(r.consensus)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      {unweighted.length ? (
        <TableFooter>
          <TableRow>
            <TableCell colSpan={5} className="whitespace-normal text-xs font-normal text-muted-foreground">
              Nobody weighted {unweighted.length === 1 ? "this criterion" : `these ${unweighted.length} criteria`}, so{" "}
              {unweighted.length === 1 ? "it adds" : "they add"} nothing to any score: {unweighted.map((r) => r.name).join(", ")}.
            </TableCell>
          </TableRow>
        </TableFooter>
      ) : null}
    </Table>
  );
}
