// `npm run bench`: the engine on 1,000 voters × 40 criteria × 12 options with 10,000 Monte Carlo
// samples, beside a plain typed-array loop doing the same sampling and scoring (the same work as
// ../shared/checks/baseline-loop.mjs, ported here), and the what-if re-rank time for 40 × 12.
// Both sides start from the same JSON text, so parsing is counted on both.
import { computeReport, parseEngineInput, rankWithWeights, whatIfRanker } from "@/lib/engine";

const VOTERS = 1000;
const CRITERIA = 40;
const OPTIONS = 12;
const SAMPLES = 10_000;
const RUNS = 7;

/** The contract checker's generator: points ballots scattered ±50% around a shared base. */
function makeInput(voters: number, criterionCount: number, optionCount: number, samples: number) {
  let state = 12345;
  const rnd = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const criteria = Array.from({ length: criterionCount }, (_, i) => ({ id: `c${i}`, name: `Criterion ${i}` }));
  const options = Array.from({ length: optionCount }, (_, i) => ({ id: `o${i}`, name: `Option ${i}` }));
  const ratings: Record<string, Record<string, number>> = {};
  for (const o of options) {
    ratings[o.id] = {};
    for (const c of criteria) ratings[o.id][c.id] = Math.round(rnd() * 100) / 10;
  }
  const base = criteria.map(() => rnd());
  const ballots = Array.from({ length: voters }, (_, v) => {
    const raw = base.map((b) => b * (0.5 + rnd()));
    const sum = raw.reduce((a, b) => a + b, 0);
    const points = raw.map((x) => Math.floor((100 * x) / sum));
    points[0] += 100 - points.reduce((a, b) => a + b, 0);
    return { voter: `u${v}`, method: "points", weights: Object.fromEntries(criteria.map((c, i) => [c.id, points[i]])) };
  });
  return { options, criteria, ratings, ballots, aggregation: "mean", samples, seed: 7 };
}

/** Plain loop: mean of points ballots, moment-fitted Dirichlet, Marsaglia-Tsang gammas, winners. */
function plainLoop(text: string): Float64Array {
  const inp = JSON.parse(text);
  const C: string[] = inp.criteria.map((c: { id: string }) => c.id);
  const O: string[] = inp.options.map((o: { id: string }) => o.id);
  const nc = C.length;
  const no = O.length;
  const R = new Float64Array(no * nc);
  O.forEach((o, i) => C.forEach((c, j) => (R[i * nc + j] = inp.ratings[o][c])));
  const nv = inp.ballots.length;
  const B = new Float64Array(nv * nc);
  inp.ballots.forEach((b: { weights: Record<string, number> }, v: number) =>
    C.forEach((c, j) => (B[v * nc + j] = (b.weights[c] ?? 0) / 100)),
  );
  const w = new Float64Array(nc);
  const variance = new Float64Array(nc);
  for (let v = 0; v < nv; v++) for (let j = 0; j < nc; j++) w[j] += B[v * nc + j] / nv;
  for (let v = 0; v < nv; v++) {
    for (let j = 0; j < nc; j++) {
      const d = B[v * nc + j] - w[j];
      variance[j] += (d * d) / nv;
    }
  }
  let k = 0;
  let n = 0;
  for (let j = 0; j < nc; j++) {
    if (variance[j] > 0) {
      k += (w[j] * (1 - w[j])) / variance[j] - 1;
      n++;
    }
  }
  const concentration = n ? Math.max(1, k / n) : 1e6;
  let s = inp.seed >>> 0 || 1;
  const u = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const gamma = (a: number): number => {
    if (a < 1) return gamma(a + 1) * Math.pow(u(), 1 / a);
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let vv: number;
      do {
        x = normal();
        vv = 1 + c * x;
      } while (vv <= 0);
      vv = vv * vv * vv;
      const uu = u();
      if (Math.log(uu) < 0.5 * x * x + d - d * vv + d * Math.log(vv)) return d * vv;
    }
  };
  const wins = new Float64Array(no);
  const g = new Float64Array(nc);
  for (let t = 0; t < inp.samples; t++) {
    for (let j = 0; j < nc; j++) g[j] = gamma(Math.max(1e-3, concentration * w[j]));
    let best = -1;
    let bi = 0;
    for (let i = 0; i < no; i++) {
      let sc = 0;
      for (let j = 0; j < nc; j++) sc += g[j] * R[i * nc + j];
      if (sc > best) {
        best = sc;
        bi = i;
      }
    }
    wins[bi]++;
  }
  return wins;
}

/**
 * Median wall and CPU time of each contender, runs interleaved (engine, loop, engine, ...) so a
 * burst of load from other processes on this shared machine hits both alike. CPU time
 * (process.cpuUsage) is reported too: it is what the code costs, whatever else the machine does.
 */
function compare(contenders: Record<string, () => unknown>): Record<string, { wallMs: number; cpuMs: number }> {
  const names = Object.keys(contenders);
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (const name of names) {
    contenders[name](); // warm-up: JIT compilation is not what we measure
    wall[name] = [];
    cpu[name] = [];
  }
  for (let r = 0; r < RUNS; r++) {
    for (const name of names) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      contenders[name]();
      wall[name].push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return Object.fromEntries(names.map((name) => [name, { wallMs: median(wall[name]), cpuMs: median(cpu[name]) }]));
}

const input = makeInput(VOTERS, CRITERIA, OPTIONS, SAMPLES);
const text = JSON.stringify(input);
const { engine, loop } = compare({
  engine: () => computeReport(parseEngineInput(JSON.parse(text))),
  loop: () => plainLoop(text),
});
const row = (label: string, t: { wallMs: number; cpuMs: number }) => `${label}${t.wallMs.toFixed(1)} ms wall, ${t.cpuMs.toFixed(1)} ms CPU`;
console.log(`${VOTERS} voters x ${CRITERIA} criteria x ${OPTIONS} options, ${SAMPLES} samples, median of ${RUNS} interleaved runs`);
console.log(row("engine (parse + validate + full report): ", engine));
console.log(row("plain typed-array loop (same sampling):  ", loop));
console.log(
  `ratio engine / loop: ${(engine.wallMs / loop.wallMs).toFixed(2)} wall, ${(engine.cpuMs / loop.cpuMs).toFixed(2)} CPU (target <= 1.5)`,
);

// What-if: re-rank 40 x 12 under new weights, as a slider drag would, cold and with a prepared ranker.
const small = makeInput(2, CRITERIA, OPTIONS, 10);
const CALLS = 5000;
const randomWeights = () => Object.fromEntries(small.criteria.map((c) => [c.id, Math.random()]));
const weightSets = Array.from({ length: CALLS }, randomWeights);
const perCall = (rank: (weights: Record<string, number>) => unknown) => {
  weightSets.slice(0, 500).forEach(rank); // warm-up
  const times = weightSets.map((weights) => {
    const start = performance.now();
    rank(weights);
    return performance.now() - start;
  });
  times.sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / CALLS, p99: times[Math.floor(CALLS * 0.99)] };
};
const cold = perCall((weights) => rankWithWeights(small, weights));
const warm = perCall(whatIfRanker(small));
const fmt = ({ mean, p99 }: { mean: number; p99: number }) => `mean ${(mean * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs`;
console.log(`what-if re-rank ${CRITERIA}x${OPTIONS} (frame budget 16 ms): rankWithWeights ${fmt(cold)}; whatIfRanker ${fmt(warm)}`);
