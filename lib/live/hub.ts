/**
 * The open event streams of one server process, by evaluation. A change reaches every stream
 * watching its evaluation; streams drop revisions they have already sent, so the same change
 * delivered twice (a resync after a reconnect, a burst coalesced) is harmless.
 */
export type ChangeListener = (revision: number) => void;

export class ChangeHub {
  private readonly listeners = new Map<string, Set<ChangeListener>>();

  subscribe(evaluationId: string, listener: ChangeListener): () => void {
    let set = this.listeners.get(evaluationId);
    if (!set) this.listeners.set(evaluationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(evaluationId) === set) this.listeners.delete(evaluationId);
    };
  }

  deliver(evaluationId: string, revision: number): void {
    for (const listener of [...(this.listeners.get(evaluationId) ?? [])]) {
      try {
        listener(revision);
      } catch {
        // a stream that cannot take the event (closed meanwhile) must not stop the others
      }
    }
  }

  watches(evaluationId: string): boolean {
    return this.listeners.has(evaluationId);
  }

  /** the evaluations that have at least one open stream in this process */
  watched(): string[] {
    return [...this.listeners.keys()];
  }

  /** how many streams are open in this process */
  size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

/** The NOTIFY payload on PostgreSQL: `<evaluation id>:<revision>`; null for anything else. */
export function parseChange(payload: string | undefined): { evaluationId: string; revision: number } | null {
  const match = /^([A-Za-z0-9_-]{1,64}):(\d{1,15})$/.exec(payload ?? "");
  return match ? { evaluationId: match[1], revision: Number(match[2]) } : null;
}

/** The NOTIFY payload of a user event on PostgreSQL: the user's id; null for anything else. */
export function parseUserEvent(payload: string | undefined): string | null {
  return /^[A-Za-z0-9_-]{1,64}$/.test(payload ?? "") ? payload! : null;
}
