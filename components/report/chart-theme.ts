// Recharts styling from the theme's CSS variables, so charts follow light and dark mode.
export const axisTick = { fill: "var(--muted-foreground)", fontSize: 12 };
export const gridStroke = "var(--border)";
export const tooltipProps = {
  contentStyle: {
    background: "var(--popover)",
    border: "1px solid var(--border)",
    borderRadius: "0.5rem",
    color: "var(--popover-foreground)",
    fontSize: 12,
  },
  cursor: { fill: "var(--muted)", opacity: 0.6 },
} as const;
// itemSorter null keeps the series order (heaviest criterion first) instead of sorting by name.
export const legendProps = { iconType: "circle", iconSize: 8, itemSorter: null, wrapperStyle: { fontSize: 12, paddingTop: 8 } } as const;

/** Long criterion names shortened for axis ticks; the full name is in the data table. */
export const shortLabel = (max: number) => (value: string) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
