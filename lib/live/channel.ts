import "server-only";
import pg from "pg";
import { databaseEngine } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { afterCommit, committedRevision, committedRevisions } from "@/lib/live/revisions";
import { ChangeHub, parseChange, parseUserEvent, type ChangeListener } from "@/lib/live/hub";

/** The PostgreSQL channel every instance LISTENs on; publish.ts NOTIFYs it in the writing transaction. */
export const CHANGE_CHANNEL = "tradeoff_evaluation_changes";
/** The channel for per-user events (a notification was created for the user id in the payload). */
export const USER_CHANNEL = "tradeoff_user_events";

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
  /**
   * Resolves once events for `userId` (new notifications) committed from now on will reach
   * `listener`. The listener gets a per-process sequence number, not data: it refetches.
   */
  subscribeUser(userId: string, listener: ChangeListener): Promise<() => void>;
  /** Called by publish.ts on SQLite, in the transaction that notifies the user. */
  announceUserAfterCommit(userId: string): void;
  /** open streams in this process (benchmarks, diagnostics) */
  streams(): number;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/** Numbers each user event in this process, so a listener can tell two events apart. */
let userEventSeq = 0;
const nextUserEvent = () => ++userEventSeq;

class PostgresChannel implements ChangeChannel {
  private readonly hub = new ChangeHub();
  private readonly users = new ChangeHub();
  private client: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private backoff = RECONNECT_MIN_MS;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly url: string) {}

  subscribe(evaluationId: string, listener: ChangeListener) {
    return this.listenFor(this.hub, evaluationId, listener);
  }

  announceAfterCommit(): void {
    // NOTIFY inside the transaction does it (publish.ts); nothing to do in-process.
  }

  subscribeUser(userId: string, listener: ChangeListener) {
    return this.listenFor(this.users, userId, listener);
  }

  /** Registers the listener, then makes sure the connection LISTENs; undone if it cannot. */
  private async listenFor(hub: ChangeHub, key: string, listener: ChangeListener) {
    const unsubscribe = hub.subscribe(key, listener);
    try {
      await this.listen();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  announceUserAfterCommit(): void {
    // NOTIFY inside the transaction does it (publish.ts).
  }

  streams() {
    return this.hub.size() + this.users.size();
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
      if (message.channel === USER_CHANNEL) {
        const userId = parseUserEvent(message.payload);
        if (userId) this.users.deliver(userId, nextUserEvent());
        return;
      }
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
      await client.query(`LISTEN ${USER_CHANNEL}`);
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
    if (this.reconnectTimer || (this.hub.watched().length === 0 && this.users.watched().length === 0)) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(async () => {
      this.reconnectTimer = null;
      try {
        await this.listen();
        const revisions = await committedRevisions(this.hub.watched());
        for (const [evaluationId, revision] of revisions) this.hub.deliver(evaluationId, revision);
        // A notification may have been created while the listener was away: every user stream refetches.
        for (const userId of this.users.watched()) this.users.deliver(userId, nextUserEvent());
      } catch {
        this.scheduleReconnect();
      }
    }, delay);
    this.reconnectTimer.unref?.();
  }
}

class InProcessChannel implements ChangeChannel {
  private readonly hub = new ChangeHub();
  private readonly users = new ChangeHub();
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

  async subscribeUser(userId: string, listener: ChangeListener) {
    return this.users.subscribe(userId, listener);
  }

  announceUserAfterCommit(userId: string): void {
    if (!this.users.watches(userId)) return;
    // Told only once the notifying transaction has ended (see announceAfterCommit): a listener that
    // refetches at once then sees the new notification. A rolled-back one costs a needless refetch.
    afterCommit()
      .then(() => this.users.deliver(userId, nextUserEvent()))
      .catch(() => undefined);
  }

  streams() {
    return this.hub.size() + this.users.size();
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
