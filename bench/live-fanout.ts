// `npm run bench:fanout -- [--streams 1000] [--voters 200] [--port 3470] [--proxy] [--idle-seconds 5] [--recheck-window 30] [--cast-during-recheck]`
//
// Live-update fan-out (issue 11): many open event streams spread over two production instances on
// one PostgreSQL database while every voter casts a ballot at once. Measures
//   - missed changes: every stream must end on the evaluation's final revision, and no stream may
//     see a revision go backwards (events may coalesce revisions: a stream skipping from 7 to 9 has
//     missed nothing, since each event says "the evaluation is now at revision N");
//   - delivery: for every (ballot, stream) pair, from the ballot's 201 to the first event on that
//     stream carrying a revision ≥ the ballot's revision (0 when the event came first);
//   - the database's side: backends LISTENing and in total, and committed transactions per second
//     over idle windows with every stream open (polling would be ≥ 1 query per stream per second).
// Set-up: a fresh PostgreSQL database with the demo seeded through the domain functions, plus
// `--voters` members with an API token each; two instances (`next start` of the build in
// NEXT_DIST_DIR); nginx with deploy/nginx.conf when installed. Streams are opened straight on the
// instances, alternating A/B, so the split is exact (`--proxy`: through nginx instead); ballots
// alternate A/B, so half of all deliveries cross processes through NOTIFY.
// Runs with `--conditions=react-server` (the package script sets it) to seed through lib/domain.
// PostgreSQL: POSTGRES_TEST_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  distDir,
  dropPostgresDatabase,
  freshPostgresDatabase,
  NGINX,
  startInstance,
  startNginx,
  type Instance,
  type Proxy,
} from "../tests/support/cluster";
import { SseReader } from "../tests/support/sse";

const { values: flags } = parseArgs({
  options: {
    streams: { type: "string", default: "1000" },
    voters: { type: "string", default: "200" },
    port: { type: "string", default: "3470" },
    proxy: { type: "boolean", default: false },
    "idle-seconds": { type: "string", default: "5" },
    "recheck-window": { type: "string", default: "30" },
    /** cast when the first streams re-authorise (30 s after they opened): writes and re-checks compete */
    "cast-during-recheck": { type: "boolean", default: false },
  },
});
const STREAMS = Number(flags.streams);
const VOTERS = Number(flags.voters);
const PORT = Number(flags.port);
const IDLE_SECONDS = Number(flags["idle-seconds"]);
const RECHECK_WINDOW = Number(flags["recheck-window"]);
const SERVER = process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "tradeoff_bench_fanout";
const MAX_RETRIES = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] : NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

interface Seeded {
  evaluationId: string;
  tokens: string[];
}

/** The demo plus VOTERS members with a token each, through the app's domain layer, before any instance starts. */
async function seed(databaseUrl: string): Promise<Seeded> {
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("@/lib/db/client");
  const { seedDemo } = await import("@/lib/domain/demo");
  const { createApiTokenForEmail } = await import("@/lib/domain/api-tokens");
  const { hashPassword } = await import("@/lib/security/password");
  const demo = await seedDemo();
  // One hash for all: scrypt per member would only slow the set-up; nobody signs in with it.
  const passwordHash = await hashPassword("fanout-bench-password");
  const emails = Array.from({ length: VOTERS }, (_, i) => `voter${i}@fanout.bench`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Voter ${i}`, passwordHash })) });
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  await db.membership.createMany({ data: users.map((u) => ({ teamId: demo.teamId, userId: u.id, role: "member" })) });
  const tokens: string[] = [];
  for (const email of emails) tokens.push((await createApiTokenForEmail(email, { name: "fanout bench" })).token);
  await db.$disconnect();
  return { evaluationId: demo.votingEvaluationId, tokens };
}

/** One event stream (reconnected like an EventSource when it drops) and every change it saw, with the moment each arrived. */
interface Watched {
  instance: string;
  reader: SseReader;
  ready: number;
  changes: { revision: number; at: number }[];
  wentBack: boolean;
  /** times the server ended the stream and it was reopened with Last-Event-ID */
  reconnects: number;
  stopped: boolean;
  done: Promise<void>;
}

async function connect(url: string, label: string, evaluationId: string, token: string, lastEventId?: number) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers["last-event-id"] = String(lastEventId);
  const response = await fetch(`${url}/api/v1/evaluations/${evaluationId}/events`, { headers });
  if (response.status !== 200) throw new Error(`events on ${label}: HTTP ${response.status} ${await response.text()}`);
  const reader = new SseReader(response.body!);
  const ready = await reader.until((e) => e.event === "ready");
  return { reader, revision: JSON.parse(ready.data).revision as number };
}

/** The server's `retry:` (lib/live/stream.ts): an EventSource waits this long before reconnecting. */
const RETRY_MS = 2000;
/** every stream opened, so that a failed run stops their reconnect loops */
const opened: Watched[] = [];

async function openStream(url: string, label: string, evaluationId: string, token: string): Promise<Watched> {
  const first = await connect(url, label, evaluationId, token);
  const watched: Watched = {
    instance: label,
    reader: first.reader,
    ready: first.revision,
    changes: [],
    wentBack: false,
    reconnects: 0,
    stopped: false,
    done: Promise.resolve(),
  };
  opened.push(watched);
  const lastSeen = () => watched.changes.at(-1)?.revision ?? watched.ready;
  watched.done = (async () => {
    for (;;) {
      const event = await watched.reader.next();
      if (!event) {
        if (watched.stopped) return;
        // Like an EventSource: wait `retry`, reopen with Last-Event-ID; a missed change comes at once.
        watched.reconnects += 1;
        for (;;) {
          await sleep(RETRY_MS);
          if (watched.stopped) return;
          try {
            watched.reader = (await connect(url, label, evaluationId, token, lastSeen())).reader;
            break;
          } catch {
            // refused or busy: try again after `retry`, as an EventSource does
          }
        }
        continue;
      }
      if (event.event !== "change") continue;
      const at = performance.now();
      const revision = JSON.parse(event.data).revision as number;
      if (revision < lastSeen()) watched.wentBack = true;
      watched.changes.push({ revision, at });
    }
  })();
  return watched;
}

function stopStream(watched: Watched) {
  watched.stopped = true;
  return watched.reader.cancel();
}

/** Opens `count` streams at most `parallel` at a time (1,000 handshakes at once only measure the accept queue). */
async function openStreams(
  count: number,
  pick: (i: number) => { url: string; label: string },
  evaluationId: string,
  tokens: string[],
  parallel = 50,
) {
  const streams: Watched[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        const target = pick(i);
        streams[i] = await openStream(target.url, target.label, evaluationId, tokens[i % tokens.length]);
      }
    }),
  );
  return streams;
}

interface DbLoad {
  listening: number;
  backends: number;
  commits: number;
}

/** Backends on the bench database (this monitor's own excluded) and its committed + rolled-back transactions so far. */
async function dbLoad(monitor: pg.Client): Promise<DbLoad> {
  await monitor.query("select pg_stat_clear_snapshot()");
  const activity = await monitor.query<{ listening: string; backends: string }>(
    `select count(*) filter (where query ilike 'LISTEN%' or application_name = 'tradeoff-live') as listening, count(*) as backends
       from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    [DB_NAME],
  );
  const stats = await monitor.query<{ commits: string }>(
    `select xact_commit + xact_rollback as commits from pg_stat_database where datname = $1`,
    [DB_NAME],
  );
  return {
    listening: Number(activity.rows[0].listening),
    backends: Number(activity.rows[0].backends),
    commits: Number(stats.rows[0].commits),
  };
}

/**
 * Transactions per second on the bench database over windows of nothing but open streams, all
 * starting together: `[5, 30]` reads the rate over the first 5 s and over the first 30 s. A backend
 * that went idle reports its counters up to 10 s late (PostgreSQL's PGSTAT_IDLE_INTERVAL), so the
 * windows start 11 s after the burst before them (opening the streams, the ballots) ended.
 */
async function idleRates(monitor: pg.Client, windows: number[]): Promise<number[]> {
  await sleep(11_000);
  const start = await dbLoad(monitor);
  const rates: number[] = [];
  let elapsed = 0;
  let readings = 0;
  for (const seconds of windows) {
    await sleep((seconds - elapsed) * 1000);
    elapsed = seconds;
    readings += 1;
    const now = await dbLoad(monitor);
    // The monitor's own statements (3 per reading) are not the app's.
    rates.push(Math.max(0, now.commits - start.commits - 3 * readings) / seconds);
  }
  return rates;
}

async function main() {
  distDir(); // fails early, saying how to build, when there is no build
  const started = Date.now();
  console.log(
    `live fan-out: ${STREAMS} streams over two instances on PostgreSQL, ${VOTERS} voters casting at once (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  const databaseUrl = await freshPostgresDatabase(SERVER, DB_NAME);
  const { evaluationId, tokens } = await seed(databaseUrl);
  let instances: Instance[] = [];
  let proxy: Proxy | null = null;
  const monitor = new pg.Client({ connectionString: databaseUrl });
  try {
    instances = await Promise.all(
      [PORT + 1, PORT + 2].map((port) => startInstance({ port, databaseUrl, publicUrl: `http://127.0.0.1:${PORT + 5}` })),
    );
    proxy = existsSync(NGINX) ? await startNginx(PORT + 5, instances) : null;
    await monitor.connect();
    const [a, b] = instances;
    const currentRevision = async () =>
      (await monitor.query<{ revision: number }>(`select revision from "Evaluation" where id = $1`, [evaluationId])).rows[0].revision;
    const targets = [
      { url: a.url, label: "A" },
      { url: b.url, label: "B" },
    ];
    // Warm both instances' routes (first compile of a route handler, the LISTEN connection).
    for (const t of targets) {
      const warm = await openStream(t.url, t.label, evaluationId, tokens[0]);
      await stopStream(warm);
    }

    const openedAt = performance.now();
    const streams = await openStreams(
      STREAMS,
      (i) => (flags.proxy && proxy ? { url: proxy.url, label: "nginx" } : targets[i % 2]),
      evaluationId,
      tokens,
    );
    console.log(`opened ${STREAMS} streams in ${ms(performance.now() - openedAt)}`);
    const open = await dbLoad(monitor);
    const [idlePerSecond] = await idleRates(monitor, [IDLE_SECONDS]);

    if (flags["cast-during-recheck"]) await sleep(Math.max(0, openedAt + 29_000 - performance.now()));
    // Every voter at once, alternating instances.
    const base = await currentRevision();
    const castAt = performance.now();
    const ballots = await Promise.all(
      tokens.map(async (token, i) => {
        const target = targets[i % 2];
        let refused = 0;
        try {
          // 503 means "busy, nothing changed, retry after N s" (lib/http/api.ts): a client does that.
          for (;;) {
            const response = await fetch(`${target.url}/api/v1/evaluations/${evaluationId}/ballots`, {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body: JSON.stringify({ method: "points", weights: { "performance-footprint": 100 - (i % 50), flexibility: i % 50 } }),
            });
            const answeredAt = performance.now();
            const body = await response.text();
            if (response.status === 503 && refused < MAX_RETRIES) {
              refused += 1;
              await sleep(Number(response.headers.get("retry-after") ?? 2) * 1000);
              continue;
            }
            if (response.status !== 201) return { ok: false as const, refused, error: `${response.status} ${body.slice(0, 120)}` };
            return { ok: true as const, refused, at: answeredAt, seq: (JSON.parse(body) as { revision: number }).revision };
          }
        } catch (error) {
          return { ok: false as const, refused, error: (error as Error).message };
        }
      }),
    );
    const castFor = performance.now() - castAt;
    const during = await dbLoad(monitor);
    const accepted = ballots.filter((x) => x.ok);
    const errors = ballots.filter((x) => !x.ok);
    const refusals = ballots.reduce((n, x) => n + x.refused, 0);

    const final = await currentRevision();
    // Wait (at most 20 s) for every stream to reach the final revision.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && streams.some((s) => (s.changes.at(-1)?.revision ?? s.ready) < final)) await sleep(100);

    // A ballot's 201 carries its hash-chain sequence number, not the evaluation's revision; ballots
    // are the only writes during the run and each bumps both by one in the same transaction, so
    // the lowest sequence number is revision base + 1, and so on.
    const firstSeq = Math.min(...accepted.map((x) => x.seq));
    const revisionOf = (seq: number) => base + 1 + (seq - firstSeq);
    const consistent = base + accepted.length === final && new Set(accepted.map((x) => x.seq)).size === accepted.length;

    const delays: number[] = [];
    let undelivered = 0;
    for (const s of streams) {
      for (const ballot of accepted) {
        const revision = revisionOf(ballot.seq);
        const event = s.changes.find((c) => c.revision >= revision);
        if (!event) undelivered += 1;
        else delays.push(Math.max(0, event.at - ballot.at));
      }
    }
    delays.sort((x, y) => x - y);
    const missedStreams = streams.filter((s) => (s.changes.at(-1)?.revision ?? s.ready) !== final).length;
    const backwards = streams.filter((s) => s.wentBack).length;
    const reconnected = streams.filter((s) => s.reconnects > 0).length;
    const reconnects = streams.reduce((n, s) => n + s.reconnects, 0);
    const eventsPerStream = streams.map((s) => s.changes.length).sort((x, y) => x - y);
    const perInstance = ["A", "B", "nginx"]
      .map((label) => [label, streams.filter((s) => s.instance === label).length] as const)
      .filter(([, n]) => n > 0);

    // Each stream re-authorises its reader every 30 s (lib/live/stream.ts RECHECK_MS): the longer
    // window shows that cost on average, which a 5 s one may miss or catch in a burst.
    const [afterRate, recheckRate] = await idleRates(
      monitor,
      RECHECK_WINDOW > IDLE_SECONDS ? [IDLE_SECONDS, RECHECK_WINDOW] : [IDLE_SECONDS],
    );
    const idle = await dbLoad(monitor);

    const rows: [string, string][] = [
      ["streams open (per instance)", `${STREAMS} (${perInstance.map(([l, n]) => `${l} ${n}`).join(", ")})`],
      ["streams ended by the server and reopened (Last-Event-ID)", `${reconnected} streams, ${reconnects} reconnects`],
      [
        "ballots accepted / errors",
        `${accepted.length} / ${errors.length}${errors.length ? ` (first: ${errors[0].error})` : ""}; all cast in ${ms(castFor)}`,
      ],
      ["503 busy answers retried (Retry-After)", `${refusals} (by ${ballots.filter((x) => x.refused > 0).length} voters)`],
      ["revisions", `${base} → ${final}${consistent ? "" : " (INCONSISTENT with the accepted ballots: delays below are approximate)"}`],
      ["streams not ending on the final revision", String(missedStreams)],
      ["streams that saw a revision go backwards", String(backwards)],
      ["(ballot, stream) pairs never delivered", `${undelivered} of ${accepted.length * STREAMS}`],
      [
        "change events per stream (min/median/max)",
        `${eventsPerStream[0]} / ${percentile(eventsPerStream, 0.5)} / ${eventsPerStream.at(-1)} (fewer than the ballots = coalesced)`,
      ],
      [
        "delivery 201 → stream: p50 / p95 / max",
        `${ms(percentile(delays, 0.5))} / ${ms(percentile(delays, 0.95))} / ${ms(delays.at(-1) ?? NaN)}`,
      ],
      ["PostgreSQL backends LISTENing (streams open)", `${open.listening} of ${open.backends} client backends`],
      ["  … right after the ballots / at the end", `${during.listening} of ${during.backends} / ${idle.listening} of ${idle.backends}`],
      [`transactions/s, idle ${IDLE_SECONDS} s, streams open, before`, idlePerSecond.toFixed(1)],
      [`transactions/s, idle ${IDLE_SECONDS} s, streams open, after`, afterRate.toFixed(1)],
      ...(RECHECK_WINDOW > IDLE_SECONDS
        ? [
            [
              `transactions/s, idle ${RECHECK_WINDOW} s (one 30 s re-check cycle)`,
              `${recheckRate.toFixed(1)} (${(recheckRate / STREAMS).toFixed(3)} per stream per second)`,
            ] as [string, string],
          ]
        : []),
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}; took ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(
      "goals: 0 missed, p95 delivery < 1 s, one subscription per process (2 LISTEN backends), no per-stream polling (≪ 1 transaction per stream per second)",
    );
    await Promise.all(streams.map(stopStream));
  } catch (error) {
    for (const instance of instances) console.error(`--- instance :${instance.port} output ---\n${instance.log().slice(-3000)}`);
    throw error;
  } finally {
    await Promise.all(opened.map(stopStream));
    await monitor.end().catch(() => undefined);
    await proxy?.stop();
    await Promise.all(instances.map((i) => i.kill()));
    await dropPostgresDatabase(SERVER, DB_NAME);
  }
}

await main();
