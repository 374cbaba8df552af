"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { RowHeader } from "@/components/report/row-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ChartFigure } from "@/components/report/chart-figure";
import { axisTick, gridStroke, legendProps, shortLabel, tooltipProps } from "@/components/report/chart-theme";
import { percent, score } from "@/components/report/format";
import { formatWeight, type NameLookup } from "@/lib/report/sensitivity";
import { possessive } from "@/lib/report/grammar";
import { tornado } from "@/lib/engine/tornado";
import type { EngineReport } from "@/lib/engine/types";
import type { EvaluationView } from "@/lib/api/evaluation-view";

const CHANGE = 0.5;
const MAX_BARS = 8;
const SERIES = { down: "Weight halved", up: "Weight × 1.5" } as const;
/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) at or above x, for axis ticks. */
function niceCeiling(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * power).find((v) => v >= x)!;
}
const signed = (x: number) => (Math.abs(x) < 5e-3 ? "0" : `${x > 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`);

/** Tornado: how the leader's lead moves when one weight is halved or raised by half, widest swing first. */
export function TornadoChart({ table, report, names }: { table: EvaluationView["table"]; report: EngineReport; names: NameLookup }) {
  const leader = report.ranking[0].option;
  const { base, bars } = tornado(table, report.weights, leader, CHANGE);
  const shown = bars.filter((b) => Math.abs(b.high - b.low) > 1e-9).slice(0, MAX_BARS);
  const data = shown.map((b) => ({ name: names.criteria[b.criterion] ?? b.criterion, down: b.low - base, up: b.high - base }));
  const reach = niceCeiling(Math.max(0.01, ...data.flatMap((d) => [Math.abs(d.down), Math.abs(d.up)])));
  const ticks = [-reach, -reach / 2, 0, reach / 2, reach];
  const flip = new Map(report.sensitivity.map((s) => [s.criterion, s]));

  return (
    <ChartFigure
      label={`How ${possessive(names.options[leader] ?? leader)} lead changes with the weight of each criterion`}
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
          <XAxis
            type="number"
            domain={[-reach, reach]}
            ticks={ticks}
            tick={axisTick}
            tickFormatter={(v: number) => signed(v)}
            stroke={gridStroke}
          />
          <YAxis
            type="category"
            dataKey="name"
            width="auto"
            interval={0}
            tick={axisTick}
            tickFormatter={shortLabel(18)}
            stroke={gridStroke}
          />
          <Tooltip
            {...tooltipProps}
            formatter={(value, key) => [`${signed(Number(value))} points`, SERIES[key as keyof typeof SERIES] ?? key]}
          />
          <Legend {...legendProps} formatter={(key) => SERIES[key as keyof typeof SERIES] ?? key} />
          <ReferenceLine x={0} stroke="var(--foreground)" strokeOpacity={0.5} />
          {base <= reach ? (
            <ReferenceLine
              x={-base}
              stroke="var(--destructive)"
              strokeDasharray="4 3"
              label={{ value: "lead gone", fill: "var(--destructive)", fontSize: 11, position: "insideTopLeft" }}
            />
          ) : null}
          <Bar dataKey="down" stackId="swing" fill="var(--chart-2)" isAnimationActive={false} />
          <Bar dataKey="up" stackId="swing" fill="var(--chart-1)" isAnimationActive={false} />
        </BarChart>
      }
      table={
        <Table>
          <caption className="sr-only">
            {possessive(names.options[leader] ?? leader)} lead over the runner-up ({score(base)} points at the team&apos;s weights) when
            each weight changes
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
            {bars
              .filter((b) => b.weight > 0)
              .map((b) => {
                const s = flip.get(b.criterion);
                return (
                  <TableRow key={b.criterion}>
                    <RowHeader>{names.criteria[b.criterion] ?? b.criterion}</RowHeader>
                    <TableCell className="text-right tabular-nums">{percent(b.weight, 1)}</TableCell>
                    <TableCell className="text-right tabular-nums">{score(b.low)}</TableCell>
                    <TableCell className="text-right tabular-nums">{score(b.high)}</TableCell>
                    <TableCell>
                      {s?.flipAt != null && s.newLeader
                        ? `to ${names.options[s.newLeader] ?? s.newLeader} at weight ${formatWeight(s.flipAt)}`
                        : "never"}
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
