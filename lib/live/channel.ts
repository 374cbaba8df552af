import "server-only";
import pg from "pg";
import { databaseEngine } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { committedRevision, committedRevisions } from "@/lib/live/revisions";
import { ChangeHub, parseChange, type ChangeListener } from "@/lib/live/hub";

/** The PostgreSQL channel every instance LISTENs on; publish.ts NOTIFYs it in the writing transaction. */
export const CHANGE_CHANNEL = "tradeoff_evaluation_changes";

/**
 * Each server process holds ONE subscription to evaluation changes and fans them out to its open
 * streams (ChangeHub):
 * - PostgreSQL: one dedicated connection LISTENing on CHANGE_CHANNEL, whoever wrote (this
 *   instance or another). NOTIFY is delivered at commit, so a change is never announced before it
 *   is visible. If the connection drops, it reconnects with backoff and then re-reads the revision
 *   of every watched evaluation, so a change made while it was away still reaches its streams.
 * - SQLite: one process owns the file, so the channel is in-process: after a write's transaction
 *   commits, the evaluation's committed revision is read once and handed to its streams.
 */
export interface ChangeChannel {
  /** Resolves once changes to `evaluationId` committed from now on will reach `listener`. */
  subscribe(evaluationId: string, listener: ChangeListener): Promise<() => void>;
  /** Called by publish.ts on SQLite, in the writing transaction: announce after it commits. */
  announceAfterCommit(evaluationId: string): void;
  /** open streams in this process (benchmarks, diagnostics) */
  streams(): number;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

class PostgresChannel implements ChangeChannel {
  private readonly hub = new ChangeHub();
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private backoff = RECONNECT_MIN_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly url: string) {}

  async subscribe(evaluationId: string, listener: ChangeListener) {
    const unsubscribe = this.hub.subscribe(evaluationId, listener);
    try {
      await this.listen();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  announceAfterCommit(): void {
    // NOTIFY inside the transaction does it (publish.ts); nothing to do in-process.
  }

  streams() {
    return this.hub.size();
  }

  private listen(): Promise<void> {
    this.listening ??= this.connect().catch((error: unknown) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: "tradeoff-live" });
    client.on("notification", (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const change = parseChange(message.payload);
      if (change) this.hub.deliver(change.evaluationId, change.revision);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      // A constant identifier: LISTEN takes no parameters.
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners("end");
      client.removeAllListeners("error");
      client.on("error", () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.backoff = RECONNECT_MIN_MS;
  }

  /** The listening connection broke: reconnect while anyone watches, then catch up what was missed. */
  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.listening = null;
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.reconnectTimer || this.hub.watched().length === 0) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(async () => {
      this.reconnectTimer = null;
      try {
        await this.listen();
        const revisions = await committedRevisions(this.hub.watched());
        for (const [evaluationId, revision] of revisions) this.hub.deliver(evaluationId, revision);
      } catch {
        this.scheduleReconnect();
      }
    }, delay);
    this.reconnectTimer.unref?.();
  }
}

class InProcessChannel implements ChangeChannel {
  private readonly hub = new ChangeHub();
  /** evaluations with an announcement queued and not yet read: a burst of writes costs one read */
  private readonly queued = new Set<string>();

  async subscribe(evaluationId: string, listener: ChangeListener) {
    return this.hub.subscribe(evaluationId, listener);
  }

  announceAfterCommit(evaluationId: string): void {
    if (!this.hub.watches(evaluationId) || this.queued.has(evaluationId)) return;
    this.queued.add(evaluationId);
    // committedRevision opens a transaction, which SQLite's adapter starts only once the writing
    // transaction (still open while this runs) has committed or rolled back: the revision read is
    // the committed one, and a rolled-back write announces nothing new.
    committedRevision(evaluationId, () => this.queued.delete(evaluationId))
      .then((revision) => {
        if (revision !== null) this.hub.deliver(evaluationId, revision);
      })
      .catch(() => this.queued.delete(evaluationId));
  }

  streams() {
    return this.hub.size();
  }
}

// One channel per process, kept on globalThis so Next's dev reloads and separately bundled route
// modules share it.
const holder = globalThis as unknown as { tradeoffChangeChannel?: ChangeChannel };

export function changeChannel(): ChangeChannel {
  if (!holder.tradeoffChangeChannel) {
    const url = resolveDatabaseUrl(process.env.DATABASE_URL);
    holder.tradeoffChangeChannel = databaseEngine(url) === "postgresql" ? new PostgresChannel(url) : new InProcessChannel();
  }
  return holder.tradeoffChangeChannel;
}
