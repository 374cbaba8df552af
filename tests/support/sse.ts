// Reads a Server-Sent Events response body event by event (tests of the live stream).
export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private buffer = "";
  private readonly decoder = new TextDecoder();
  readonly events: SseEvent[] = [];
  ended = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next event (comments and keep-alives skipped); null when the stream ended or broke. */
  async next(): Promise<SseEvent | null> {
    for (;;) {
      const boundary = this.buffer.indexOf("\n\n");
      if (boundary >= 0) {
        const block = this.buffer.slice(0, boundary);
        this.buffer = this.buffer.slice(boundary + 2);
        const event: SseEvent = { event: "message", data: "" };
        let hasField = false;
        for (const line of block.split("\n")) {
          if (line.startsWith(":") || line === "") continue;
          const [field, ...rest] = line.split(":");
          const value = rest.join(":").replace(/^ /, "");
          if (field === "event") event.event = value;
          else if (field === "id") event.id = value;
          else if (field === "data") event.data = value;
          else continue;
          hasField = true;
        }
        if (hasField) {
          this.events.push(event);
          return event;
        }
        continue;
      }
      // A connection cut (the server died) ends the stream as much as a clean close does.
      const { done, value } = await this.reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) {
        this.ended = true;
        return null;
      }
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** Reads until an event matches, failing if the stream ends first. */
  async until(match: (event: SseEvent) => boolean): Promise<SseEvent> {
    for (;;) {
      const event = await this.next();
      if (!event) throw new Error(`the stream ended; events so far: ${JSON.stringify(this.events)}`);
      if (match(event)) return event;
    }
  }

  cancel() {
    return this.reader.cancel().catch(() => undefined);
  }
}
