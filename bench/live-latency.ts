// `npm run bench:live -- [--rounds 30] [--streams 0] [--port 3400] [--only sqlite,postgres,two]`
//
// Live-update latency: the time from a ballot's 201 to the change event on ANOTHER member's open
// event stream (`GET /api/v1/evaluations/{id}/events`), measured with Node clients (no browser),
// against production instances (`next start` of the build in NEXT_DIST_DIR, default .next; build
// it first with `NEXT_DIST_DIR=… npx next build`). Three set-ups, each on a fresh database with
// the demo seeded:
//   sqlite    one instance on SQLite (the in-process change channel)
//   postgres  one instance on PostgreSQL (LISTEN/NOTIFY)
//   two       two instances on PostgreSQL: the ballot goes to instance A, the stream is on
//             instance B (NOTIFY crosses processes); nginx (deploy/nginx.conf) in front of both
//             carries the `--streams` extra streams, when nginx is installed
// A change can reach the stream before the ballot's answer reaches the voter (NOTIFY fires at
// commit): that round counts as 0 ms. `--streams N` also opens N more streams spread over the
// instances and reports how many of them saw every change (missed events) and their p95 delivery.
// PostgreSQL: POSTGRES_TEST_URL (default postgresql://postgres@127.0.0.1:5432/postgres); each
// set-up creates and drops its own database there.
import { mkdtempSync, rmSync } from "node:fs";
import { existsSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  cli,
  distDir,
  dropPostgresDatabase,
  freshPostgresDatabase,
  migrate,
  NGINX,
  startInstance,
  startNginx,
  type Instance,
  type Proxy,
} from "../tests/support/cluster";
import { SseReader } from "../tests/support/sse";

const { values: flags } = parseArgs({
  options: {
    rounds: { type: "string", default: "30" },
    streams: { type: "string", default: "0" },
    port: { type: "string", default: "3400" },
    only: { type: "string", default: "sqlite,postgres,two" },
  },
});
const ROUNDS = Number(flags.rounds);
const EXTRA_STREAMS = Number(flags.streams);
const PORT = Number(flags.port);
const ONLY = flags.only!.split(",");
const SERVER = process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BALLOTS = [
  { method: "points", weights: { "performance-footprint": 100 } },
  { method: "points", weights: { "admin-interface": 100 } },
];

interface Seeded {
  evaluationId: string;
  voterToken: string;
  watcherToken: string;
}

/**
 * The demo and two members' API tokens, seeded BEFORE any instance starts: the CLI runs
 * synchronously, and a keep-alive socket to an instance that the instance closed meanwhile would
 * then be reused by the next fetch ("other side closed").
 */
function seed(databaseUrl: string): Seeded {
  const demo = cli<{ votingEvaluationId: string }>(databaseUrl, "demo");
  return {
    evaluationId: demo.votingEvaluationId,
    voterToken: cli<{ token: string }>(databaseUrl, "token", "create", "--email", "ada@demo.tradeoff.dev").token,
    watcherToken: cli<{ token: string }>(databaseUrl, "token", "create", "--email", "linus@demo.tradeoff.dev").token,
  };
}

interface Setup {
  label: string;
  seeded: Seeded;
  instances: Instance[];
  proxy: Proxy | null;
  cleanup(): Promise<void>;
}

async function setUp(kind: string): Promise<Setup> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-bench-live-"));
    const databaseUrl = `file:${path.join(dir, "bench.db")}`;
    migrate(databaseUrl);
    const seeded = seed(databaseUrl);
    const instance = await startInstance({ port: PORT + 1, databaseUrl, publicUrl: `http://127.0.0.1:${PORT + 1}` });
    return {
      label: "one instance, SQLite",
      seeded,
      instances: [instance],
      proxy: null,
      cleanup: async () => {
        await instance.kill();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `tradeoff_bench_live_${kind}`;
  const databaseUrl = await freshPostgresDatabase(SERVER, name);
  const seeded = seed(databaseUrl);
  const ports = kind === "two" ? [PORT + 1, PORT + 2] : [PORT + 1];
  const publicUrl = kind === "two" ? `http://127.0.0.1:${PORT + 5}` : `http://127.0.0.1:${PORT + 1}`;
  const instances = await Promise.all(ports.map((port) => startInstance({ port, databaseUrl, publicUrl })));
  const proxy = kind === "two" && existsSync(NGINX) ? await startNginx(PORT + 5, instances) : null;
  return {
    label:
      kind === "two"
        ? `two instances, PostgreSQL (ballot → A, stream on B${proxy ? "; extra streams via nginx" : ""})`
        : "one instance, PostgreSQL",
    seeded,
    instances,
    proxy,
    cleanup: async () => {
      await proxy?.stop();
      await Promise.all(instances.map((i) => i.kill()));
      await dropPostgresDatabase(SERVER, name);
    },
  };
}

async function openStream(url: string, evaluationId: string, token: string) {
  const response = await fetch(`${url}/api/v1/evaluations/${evaluationId}/events`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`events: HTTP ${response.status}`);
  const reader = new SseReader(response.body!);
  await reader.until((e) => e.event === "ready");
  return reader;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function measure(setup: Setup) {
  const { evaluationId, voterToken, watcherToken } = setup.seeded;
  const [a] = setup.instances;
  const b = setup.instances[1] ?? a;
  // The measured stream is straight on B and the ballot straight on A, so every round crosses
  // instances (nginx's round robin would land half of them on A); the extra streams go through nginx.
  const watcher = await openStream(b.url, evaluationId, watcherToken);
  const others = await Promise.all(
    Array.from({ length: EXTRA_STREAMS }, (_, i) =>
      openStream((setup.proxy ?? setup.instances[i % setup.instances.length]).url, evaluationId, watcherToken),
    ),
  );
  const extraDelays: number[] = [];
  let missed = 0;

  const latencies: number[] = [];
  /** from the ballot's request leaving to the event: the whole write, commit and delivery */
  const fromSent: number[] = [];
  for (let round = 0; round < ROUNDS + 2; round++) {
    let eventAt = 0;
    const event = watcher
      .until((e) => e.event === "change")
      .then((e) => {
        eventAt = performance.now();
        return e;
      });
    const extra = others.map((reader) =>
      Promise.race([
        reader.until((e) => e.event === "change").then(() => performance.now()),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
      ]),
    );
    const sent = performance.now();
    const response = await fetch(`${a.url}/api/v1/evaluations/${evaluationId}/ballots`, {
      method: "POST",
      headers: { authorization: `Bearer ${voterToken}`, "content-type": "application/json" },
      body: JSON.stringify(BALLOTS[round % 2]),
    });
    const answered = performance.now();
    if (response.status !== 201) throw new Error(`ballot refused: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    const received = await Promise.race([event, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
    if (!received) throw new Error("no change event within 15 s");
    for (const at of await Promise.all(extra)) {
      if (at === null) missed += 1;
      else if (round >= 2) extraDelays.push(Math.max(0, at - answered));
    }
    // The first two rounds warm up the routes; then measure.
    if (round >= 2) {
      latencies.push(Math.max(0, eventAt - answered));
      fromSent.push(eventAt - sent);
    }
  }
  await watcher.cancel();
  await Promise.all(others.map((r) => r.cancel()));
  latencies.sort((x, y) => x - y);
  fromSent.sort((x, y) => x - y);
  extraDelays.sort((x, y) => x - y);
  return {
    median: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    min: latencies[0],
    max: latencies[latencies.length - 1],
    sentMedian: percentile(fromSent, 0.5),
    sentP95: percentile(fromSent, 0.95),
    extra: EXTRA_STREAMS ? { streams: EXTRA_STREAMS, missed, p95: extraDelays.length ? percentile(extraDelays, 0.95) : NaN } : null,
  };
}

distDir(); // fails early, saying how to build, when there is no build
console.log(`live latency: ballot 201 → another member's event stream, ${ROUNDS} rounds per set-up (load ${loadavg()[0].toFixed(1)})`);
for (const kind of ONLY) {
  const setup = await setUp(kind);
  try {
    const r = await measure(setup);
    console.log(`${setup.label}: median ${ms(r.median)}, p95 ${ms(r.p95)}, min ${ms(r.min)}, max ${ms(r.max)}`);
    console.log(`  (from the ballot request leaving: median ${ms(r.sentMedian)}, p95 ${ms(r.sentP95)})`);
    if (r.extra)
      console.log(`  + ${r.extra.streams} more streams: ${r.extra.missed} missed change events, p95 delivery ${ms(r.extra.p95)}`);
  } catch (error) {
    for (const instance of setup.instances) console.error(`--- instance :${instance.port} output ---\n${instance.log().slice(-3000)}`);
    throw error;
  } finally {
    await setup.cleanup();
  }
}
console.log("goals: median < 100 ms on one instance, < 250 ms across two instances on PostgreSQL");
