// `npm run bench:browser`: the what-if re-rank (40 criteria × 12 options) timed inside Chromium,
// with the same lib/engine code the app ships to the browser, bundled as the app bundles it.
// Prints per-call times against the 16.7 ms budget of one animation frame at 60 Hz.
import { build } from "esbuild";
import { chromium } from "@playwright/test";

const CRITERIA = 40;
const OPTIONS = 12;
const CALLS = 2_000;

const entry = `
import { rankWithWeights, whatIfRanker } from "@/lib/engine/whatif";
const criteria = Array.from({ length: ${CRITERIA} }, (_, i) => ({ id: "c" + i, name: "Criterion " + i }));
const options = Array.from({ length: ${OPTIONS} }, (_, i) => ({ id: "o" + i, name: "Option " + i }));
const ratings = {};
for (const o of options) { ratings[o.id] = {}; criteria.forEach((c, j) => { ratings[o.id][c.id] = ((j * 7 + o.id.length * 3) % 11); }); }
const table = { options, criteria, ratings };
const weightsAt = (k) => Object.fromEntries(criteria.map((c, j) => [c.id, ((j + k) % 9) + 1]));
function time(rank) {
  const times = [];
  for (let k = 0; k < ${CALLS}; k++) { const w = weightsAt(k); const t = performance.now(); rank(w); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, p99: times[Math.floor(times.length * 0.99)], max: times[times.length - 1] };
}
const coldStart = performance.now(); rankWithWeights(table, weightsAt(0)); const cold = performance.now() - coldStart;
window.result = { cold, rankWithWeights: time((w) => rankWithWeights(table, w)), prepared: time(whatIfRanker(table)) };
`;

const bundle = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
  bundle: true,
  format: "iife",
  write: false,
  alias: { "@": process.cwd() },
  minify: true,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
const page = await browser.newPage();
await page.setContent("<!doctype html><title>what-if bench</title>");
await page.addScriptTag({ content: bundle.outputFiles[0].text });
const result = (await page.evaluate("window.result")) as {
  cold: number;
  rankWithWeights: { mean: number; p99: number; max: number };
  prepared: { mean: number; p99: number; max: number };
};
await browser.close();

const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`what-if re-rank in Chromium, ${CRITERIA} criteria x ${OPTIONS} options, ${CALLS} calls (frame budget 16.7 ms)`);
console.log(`first call (cold): ${ms(result.cold)}`);
console.log(
  `rankWithWeights: mean ${ms(result.rankWithWeights.mean)}, p99 ${ms(result.rankWithWeights.p99)}, max ${ms(result.rankWithWeights.max)}`,
);
console.log(`whatIfRanker (prepared): mean ${ms(result.prepared.mean)}, p99 ${ms(result.prepared.p99)}, max ${ms(result.prepared.max)}`);
