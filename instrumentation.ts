// Next.js calls register() once when a server process starts (every instance). The background
// jobs run here, each on every instance: each one claims its rows with a conditional update, so
// running them several times at once sends nothing twice.

/** How often the jobs run; TRADEOFF_JOBS=0 turns them off (e.g. for a process that only serves reads). */
const JOB_INTERVAL_MS = 60_000;
const FIRST_RUN_MS = 5_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.TRADEOFF_JOBS === "0") return;
  const holder = globalThis as unknown as { tradeoffJobs?: ReturnType<typeof setInterval> };
  if (holder.tradeoffJobs) return;
  const { runBackgroundJobs } = await import("./lib/domain/jobs");
  const interval = Number(process.env.TRADEOFF_JOB_INTERVAL_MS) || JOB_INTERVAL_MS;
  let running = false;
  const tick = async () => {
    // A slow run (a large backlog) is not overlapped by the next one in this process.
    if (running) return;
    running = true;
    try {
      await runBackgroundJobs();
    } finally {
      running = false;
    }
  };
  // Timers that never keep the process alive on their own: shutting down is not delayed by them.
  setTimeout(() => void tick(), Math.min(FIRST_RUN_MS, interval)).unref();
  holder.tradeoffJobs = setInterval(() => void tick(), interval);
  holder.tradeoffJobs.unref();
}
