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

export async function fetchJson<T>(url: string, init?: { method: "POST" | "PATCH" | "DELETE"; body?: unknown }): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init ? { accept: "application/json", "content-type": "application/json" } : { accept: "application/json" },
    body: init && init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error?.message ?? `Request failed (${response.status})`, body?.error?.fields);
  return body as T;
}
