"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ChartFigure } from "@/components/report/chart-figure";
import { axisTick, gridStroke, legendProps, shortLabel, tooltipProps } from "@/components/report/chart-theme";
import { percent, score } from "@/components/report/format";
import { formatWeight, type NameLookup } from "@/lib/export/sensitivity";
import { tornado } from "@/lib/engine/tornado";
import type { EngineReport } from "@/lib/engine/types";
import type { EvaluationView } from "@/lib/domain/report";

const CHANGE = 0.5;
const MAX_BARS = 8;
const SERIES = { down: "Weight halved", up: "Weight × 1.5" } as const;
const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;

/** Tornado: how the leader's lead moves when one weight is halved or raised by half, widest swing first. */
export function TornadoChart({ table, report, names }: { table: EvaluationView["table"]; report: EngineReport; names: NameLookup }) {
  const leader = report.ranking[0].option;
  const { base, bars } = tornado(table, report.weights, leader, CHANGE);
  const shown = bars.filter((b) => Math.abs(b.high - b.low) > 1e-9).slice(0, MAX_BARS);
  const data = shown.map((b) => ({ name: names.criteria[b.criterion] ?? b.criterion, down: b.low - base, up: b.high - base }));
  const reach = Math.max(0.01, ...data.flatMap((d) => [Math.abs(d.down), Math.abs(d.up)]));
  const domain = [-reach * 1.1, reach * 1.1];
  const flip = new Map(report.sensitivity.map((s) => [s.criterion, s]));

  return (
    <ChartFigure
      label={`How ${names.options[leader] ?? leader}'s lead changes with each criterion's weight`}
      chart={
        <BarChart
          layout="vertical"
          data={data}
          stackOffset="sign"
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: data.length * 34 + 84 }}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke={gridStroke} />
          <XAxis type="number" domain={domain} tick={axisTick} tickFormatter={(v: number) => signed(v)} stroke={gridStroke} allowDataOverflow />
          <YAxis type="category" dataKey="name" width={120} interval={0} tick={axisTick} tickFormatter={shortLabel(17)} stroke={gridStroke} />
          <Tooltip {...tooltipProps} formatter={(value, key) => [`${signed(Number(value))} points`, SERIES[key as keyof typeof SERIES] ?? key]} />
          <Legend {...legendProps} formatter={(key) => SERIES[key as keyof typeof SERIES] ?? key} />
          <ReferenceLine x={0} stroke="var(--foreground)" strokeOpacity={0.5} />
          {-base >= domain[0] ? <ReferenceLine x={-base} stroke="var(--destructive)" strokeDasharray="4 3" /> : null}
          <Bar dataKey="down" stackId="swing" fill="var(--chart-2)" isAnimationActive={false} />
          <Bar dataKey="up" stackId="swing" fill="var(--chart-1)" isAnimationActive={false} />
        </BarChart>
      }
      table={
        <Table>
          <caption className="sr-only">
            {names.options[leader] ?? leader}&apos;s lead over the runner-up ({score(base)} points at the team&apos;s weights) when each
            weight changes
          </caption>
          <TableHeader>
            <TableRow>
              <TableHead>Criterion</TableHead>
              <TableHead className="text-right">Weight</TableHead>
              <TableHead className="text-right">Lead if halved</TableHead>
              <TableHead className="text-right">Lead if × 1.5</TableHead>
              <TableHead>Leader changes</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {bars.map((b) => {
              const s = flip.get(b.criterion);
              return (
                <TableRow key={b.criterion}>
                  <TableHead scope="row" className="font-normal">
                    {names.criteria[b.criterion] ?? b.criterion}
                  </TableHead>
                  <TableCell className="text-right tabular-nums">{percent(b.weight, 1)}</TableCell>
                  <TableCell className="text-right tabular-nums">{score(b.low)}</TableCell>
                  <TableCell className="text-right tabular-nums">{score(b.high)}</TableCell>
                  <TableCell>
                    {s?.flipAt != null && s.newLeader ? `to ${names.options[s.newLeader] ?? s.newLeader} at weight ${formatWeight(s.flipAt)}` : "never"}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      }
    />
  );
}
