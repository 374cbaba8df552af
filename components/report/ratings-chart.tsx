"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, gridStroke, legendProps, shortLabel, tooltipProps } from "@/components/report/chart-theme";
import { chartColor } from "@/components/report/format";
import type { EvaluationView } from "@/lib/api/evaluation-view";

/**
 * Each option's rating (0-10) on each criterion, side by side: with team weights, only the weighted
 * criteria, heaviest first. Its data table is the full ratings table.
 */
export function RatingsChart({ table, weights }: { table: EvaluationView["table"]; weights?: Record<string, number> }) {
  const criteria = weights
    ? table.criteria.filter((c) => (weights[c.id] ?? 0) > 0).sort((a, b) => (weights[b.id] ?? 0) - (weights[a.id] ?? 0))
    : table.criteria;
  const data = criteria.map((c) => ({
    name: c.name,
    ...Object.fromEntries(table.options.map((o) => [o.id, table.ratings[o.id]?.[c.id] ?? 0])),
  }));
  const optionName = new Map(table.options.map((o) => [o.id, o.name]));
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      accessibilityLayer={false}
      barGap={2}
      style={{ width: "100%", height: criteria.length * (table.options.length * 10 + 18) + 72 }}
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
    >
      <CartesianGrid horizontal={false} stroke={gridStroke} />
      <XAxis type="number" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={axisTick} stroke={gridStroke} />
      <YAxis type="category" dataKey="name" width="auto" interval={0} tick={axisTick} tickFormatter={shortLabel(18)} stroke={gridStroke} />
      <Tooltip {...tooltipProps} formatter={(value, key) => [`${value} / 10`, optionName.get(String(key)) ?? key]} />
      <Legend {...legendProps} formatter={(key) => optionName.get(String(key)) ?? key} />
      {table.options.map((o, i) => (
        <Bar key={o.id} dataKey={o.id} fill={chartColor(i)} radius={[0, 3, 3, 0]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
