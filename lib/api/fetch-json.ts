// Browser-side calls to the JSON API: the error message a handler returns becomes the Error's.

/** Thrown for a non-2xx answer; `fields` names the inputs the server refused. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A GET, optionally past the browser's HTTP cache, or a change with an optional JSON body. */
export type FetchJsonInit = { method?: "GET"; cache?: RequestCache } | { method: "POST" | "PATCH" | "DELETE"; body?: unknown };

export async function fetchJson<T>(url: string, init: FetchJsonInit = {}): Promise<T> {
  const change = init.method !== undefined && init.method !== "GET";
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: change ? { accept: "application/json", "content-type": "application/json" } : { accept: "application/json" },
    body: "body" in init && init.body !== undefined ? JSON.stringify(init.body) : undefined,
    ...("cache" in init ? { cache: init.cache } : {}),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? `Request failed (${response.status})`, body?.error?.fields);
  return body as T;
}
