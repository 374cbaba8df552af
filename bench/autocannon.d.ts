// The part of autocannon's API that bench/http.ts uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  /** One connection; `setupClient` may give it its own requests before its first one is sent. */
  export interface Client {
    setRequests(requests: Request[]): void;
  }

  export interface Options extends Request {
    url: string;
    connections?: number;
    /** seconds */
    duration?: number;
    /** total requests, spread evenly over the connections; the run ends when all are answered */
    amount?: number;
    /** seconds a request may take before it counts as a timeout and its connection is dropped */
    timeout?: number;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  }

  export interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    "2xx": number;
    "5xx": number;
  }

  export interface Instance extends EventEmitter {
    stop(): void;
    on(event: "response", listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void): this;
    on(event: "reqError", listener: (error: Error & { code?: string }) => void): this;
  }

  export default function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
}
