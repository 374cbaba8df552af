import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { RowHeader } from "@/components/report/row-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { score } from "@/components/report/format";
import { rankWithWeights } from "@/lib/engine/whatif";
import { TRIM_FRACTION } from "@/lib/engine/aggregate";
import type { Aggregation, EngineReport } from "@/lib/engine/types";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import type { NameLookup } from "@/lib/report/sensitivity";

const RULES: Record<Aggregation, { name: string; how: string }> = {
  mean: { name: "Mean", how: "the average of the members' weights" },
  median: { name: "Median", how: "the middle member's weight, unmoved by one outlier" },
  "trimmed-mean": {
    name: "Trimmed mean",
    how: `the average after dropping the top and bottom ${TRIM_FRACTION * 100}% (with 5 or more ballots)`,
  },
  geometric: { name: "Geometric mean", how: "multiplies weights, so a criterion anyone gives 0 counts for nothing" },
};

/** The winner and scores under every aggregation rule side by side, and whether the rule matters. */
export function AggregationComparison({
  table,
  report,
  names,
}: {
  table: EvaluationView["table"];
  report: EngineReport;
  names: NameLookup;
}) {
  const comparison = report.aggregations;
  if (!comparison) return <p className="text-sm text-muted-foreground">This report does not compare aggregation rules.</p>;
  const nameOf = (key: string) => names.options[key] ?? key;
  const winnersText = (winners: string[]) => winners.map(nameOf).join(" and ");
  return (
    <div className="grid gap-4">
      {comparison.winnerDependsOnRule ? (
        <Alert variant="warning" data-testid="aggregation-verdict">
          <AlertTitle>The winner depends on the rule</AlertTitle>
          <AlertDescription>
            Agree on the rule before you decide: the team&apos;s ballots do not point one way under every rule.
          </AlertDescription>
        </Alert>
      ) : (
        <Alert variant="success" data-testid="aggregation-verdict">
          <AlertTitle>Every rule picks {winnersText(comparison.rules[0].winners)}</AlertTitle>
          <AlertDescription>How the ballots are combined does not change the winner.</AlertDescription>
        </Alert>
      )}
      <Table>
        <caption className="sr-only">Winner and scores under each aggregation rule</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Rule</TableHead>
            <TableHead>Winner</TableHead>
            {table.options.map((o) => (
              <TableHead key={o.id} className="text-right">
                {o.name}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {comparison.rules.map((outcome) => {
            const scores = new Map(rankWithWeights(table, outcome.weights).map((r) => [r.option, r.score]));
            return (
              <TableRow key={outcome.rule} data-testid={`rule-${outcome.rule}`}>
                <RowHeader className="align-top">
                  <span className="flex flex-wrap items-center gap-2 font-medium">
                    {RULES[outcome.rule].name}
                    {outcome.rule === report.aggregation ? <Badge variant="secondary">in use</Badge> : null}
                  </span>
                  <span className="block min-w-40 text-xs text-muted-foreground">{RULES[outcome.rule].how}</span>
                </RowHeader>
                <TableCell className="align-top font-medium">{winnersText(outcome.winners)}</TableCell>
                {table.options.map((o) => (
                  <TableCell key={o.id} className="text-right align-top tabular-nums">
                    {score(scores.get(o.id) ?? 0)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
