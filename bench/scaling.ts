// `npm run bench:scaling` (node --expose-gc through tsx): how the report's cost grows with the
// evaluation: computeReport (10,000-sample Monte Carlo, as the app runs it) for 10, 100 and 1,000
// voters × 24, 100 and 400 criteria, 4 options. Per cell: median time of RUNS runs, the heap the
// report's computation allocates at its peak (sampled by a major GC before and the heap right after,
// with the input and report kept alive), and the report's JSON size, which is what the view and
// /report send. Points ballots scattered around a shared base, as bench/engine.ts.
import { computeReport } from "@/lib/engine";
import type { EngineInput } from "@/lib/engine/types";

const VOTERS = [10, 100, 1000];
const CRITERIA = [24, 100, 400];
const OPTIONS = 4;
const SAMPLES = 10_000;
const RUNS = Number(process.env.RUNS ?? 5);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench:scaling does)");

function makeInput(voters: number, criterionCount: number): EngineInput {
  let state = 12345;
  const rnd = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const criteria = Array.from({ length: criterionCount }, (_, i) => ({ id: `c${i}`, name: `Criterion ${i}` }));
  const options = Array.from({ length: OPTIONS }, (_, i) => ({ id: `o${i}`, name: `Option ${i}` }));
  const ratings: Record<string, Record<string, number>> = {};
  for (const o of options) ratings[o.id] = Object.fromEntries(criteria.map((c) => [c.id, Math.round(rnd() * 100) / 10]));
  const base = criteria.map(() => rnd());
  const ballots = Array.from({ length: voters }, (_, v) => {
    // points need whole numbers adding up to 100: the heaviest criteria get them, the rest 0
    const raw = base
      .map((b, i) => ({ i, w: b * (0.5 + rnd()) }))
      .sort((a, b) => b.w - a.w)
      .slice(0, Math.min(criterionCount, 20));
    const sum = raw.reduce((a, b) => a + b.w, 0);
    const points = new Array<number>(criterionCount).fill(0);
    for (const { i, w } of raw) points[i] = Math.floor((100 * w) / sum);
    points[raw[0].i] += 100 - points.reduce((a, b) => a + b, 0);
    return { voter: `u${v}`, method: "points" as const, weights: Object.fromEntries(criteria.map((c, i) => [c.id, points[i]])) };
  });
  return { options, criteria, ratings, ballots, aggregation: "mean", samples: SAMPLES, seed: 42 };
}

const rows: string[] = [];
for (const voters of VOTERS) {
  for (const criteria of CRITERIA) {
    const input = makeInput(voters, criteria);
    computeReport(input); // warm up the code paths
    const times: number[] = [];
    let heap = 0;
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      gc();
      const before = process.memoryUsage().heapUsed;
      const started = performance.now();
      const report = computeReport(input);
      times.push(performance.now() - started);
      heap = Math.max(heap, process.memoryUsage().heapUsed - before);
      bytes = JSON.stringify(report).length;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    rows.push(
      `| ${voters} | ${criteria} | ${median.toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${(heap / 1024 / 1024).toFixed(1)} | ${(bytes / 1024).toFixed(1)} |`,
    );
    process.stderr.write(`› ${voters} voters × ${criteria} criteria: ${median.toFixed(1)} ms\n`);
  }
}
console.log(
  `computeReport, ${OPTIONS} options, ${SAMPLES.toLocaleString("en")} samples, median of ${RUNS} runs (Node ${process.version})\n`,
);
console.log("| voters | criteria | median ms | max ms | heap allocated MiB (max) | report JSON KiB |\n|---:|---:|---:|---:|---:|---:|");
console.log(rows.join("\n"));
