"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { RowHeader } from "@/components/report/row-header";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ChartFigure } from "@/components/report/chart-figure";
import { axisTick, gridStroke, legendProps, shortLabel, tooltipProps } from "@/components/report/chart-theme";
import { chartColor, percent, score } from "@/components/report/format";
import type { EngineReport } from "@/lib/engine/types";
import type { EvaluationView } from "@/lib/api/evaluation-view";

// The heaviest criteria get their own colour; the rest share one "other" segment.
const NAMED_SEGMENTS = 5;
const OTHER = "__other";

/** How many points each criterion (weight × rating) adds to each option's score, as stacked bars. */
export function ContributionChart({ table, report }: { table: EvaluationView["table"]; report: EngineReport }) {
  // Criteria nobody weighted add nothing: they stay out of the chart and the table.
  const criteria = table.criteria
    .filter((c) => (report.weights[c.id] ?? 0) > 0)
    .sort((a, b) => (report.weights[b.id] ?? 0) - (report.weights[a.id] ?? 0));
  const named = criteria.length > NAMED_SEGMENTS + 1 ? criteria.slice(0, NAMED_SEGMENTS) : criteria;
  const rest = criteria.slice(named.length);
  const options = report.ranking.map((r) => table.options.find((o) => o.id === r.option)!).filter(Boolean);
  const adds = (option: string, criterion: string) => (report.weights[criterion] ?? 0) * (table.ratings[option]?.[criterion] ?? 0);
  const data = options.map((o) => ({
    name: o.name,
    ...Object.fromEntries(named.map((c) => [c.id, adds(o.id, c.id)])),
    [OTHER]: rest.reduce((sum, c) => sum + adds(o.id, c.id), 0),
  }));
  const names = new Map<string, string>([...named.map((c) => [c.id, c.name] as const), [OTHER, `${rest.length} other criteria`]]);

  return (
    <ChartFigure
      label="Contribution of each criterion to each option's score"
      chart={
        <BarChart
          layout="vertical"
          data={data}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: options.length * 56 + 96 }}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke={gridStroke} />
          <XAxis type="number" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={axisTick} stroke={gridStroke} />
          <YAxis type="category" dataKey="name" width="auto" tick={axisTick} tickFormatter={shortLabel(12)} stroke={gridStroke} />
          <Tooltip {...tooltipProps} formatter={(value, key) => [score(Number(value)), names.get(String(key)) ?? key]} />
          <Legend {...legendProps} formatter={(key) => names.get(String(key)) ?? key} />
          {named.map((c, i) => (
            <Bar key={c.id} dataKey={c.id} stackId="score" fill={chartColor(i)} isAnimationActive={false} />
          ))}
          {rest.length ? <Bar dataKey={OTHER} stackId="score" fill="var(--chart-6)" isAnimationActive={false} /> : null}
        </BarChart>
      }
      table={
        <Table>
          <caption className="sr-only">Points each weighted criterion adds to each option&apos;s score (weight × rating)</caption>
          <TableHeader>
            <TableRow>
              <TableHead>Criterion</TableHead>
              <TableHead className="text-right">Weight</TableHead>
              {options.map((o) => (
                <TableHead key={o.id} className="text-right">
                  {o.name}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {criteria.map((c) => (
              <TableRow key={c.id}>
                <RowHeader>{c.name}</RowHeader>
                <TableCell className="text-right tabular-nums">{percent(report.weights[c.id] ?? 0, 1)}</TableCell>
                {options.map((o) => (
                  <TableCell key={o.id} className="text-right tabular-nums">
                    {score(adds(o.id, c.id))}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <RowHeader>Score</RowHeader>
              <TableCell />
              {options.map((o) => (
                <TableCell key={o.id} className="text-right font-semibold tabular-nums">
                  {score(report.ranking.find((r) => r.option === o.id)?.score ?? 0)}
                </TableCell>
              ))}
            </TableRow>
          </TableFooter>
        </Table>
      }
    />
  );
}
