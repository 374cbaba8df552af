"use client";

import { useEffect, useRef, useState } from "react";

type Listeners = Record<string, (event: MessageEvent) => void>;

/**
 * Keeps a Server-Sent Events stream open while mounted and says whether it is up (from its `ready`
 * event until an error). The browser reconnects by itself, sending Last-Event-ID; when it gives up
 * (an error status: a proxy, a restarting instance, a sign-out) the stream is reopened after
 * `reopenMs`, and `urlFor` gets the last event id seen, so a server that resumes can report at once
 * what changed meanwhile. Listeners may change between renders without reopening the stream.
 */
export function useEventSource(urlFor: (lastEventId: string) => string, listeners: Listeners, { reopenMs }: { reopenMs: number }) {
  const [streaming, setStreaming] = useState(false);
  const current = useRef({ urlFor, listeners });
  useEffect(() => {
    current.current = { urlFor, listeners };
  });
  // The stream is reopened only when it is another stream: the url it starts from.
  const streamUrl = urlFor("");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let lastEventId = "";
    const open = () => {
      const stream = new EventSource(current.current.urlFor(lastEventId));
      source = stream;
      for (const type of new Set(["ready", ...Object.keys(current.current.listeners)])) {
        stream.addEventListener(type, (event) => {
          const message = event as MessageEvent;
          lastEventId = message.lastEventId || lastEventId;
          if (type === "ready") setStreaming(true);
          current.current.listeners[type]?.(message);
        });
      }
      stream.onerror = () => {
        setStreaming(false);
        // CONNECTING: the browser retries by itself. CLOSED: it gave up; try again later.
        if (stream.readyState === EventSource.CLOSED) reopen = setTimeout(open, reopenMs);
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [streamUrl, reopenMs]);
  return streaming;
}
