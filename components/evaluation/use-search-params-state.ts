"use client";

import { useCallback } from "react";
import { useSearchParams } from "next/navigation";

/**
 * Page state kept in the URL (`?tab=report&topic=criterion:security`), so it survives reloads and
 * can be linked to. Setting a key to null removes it. Uses the native history API, which Next's
 * router follows without fetching the page again from the server.
 */
export function useSearchParamsState(): [URLSearchParams, (next: Record<string, string | null>) => void] {
  const params = useSearchParams();
  const set = useCallback(
    (next: Record<string, string | null>) => {
      const updated = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(next)) {
        if (value === null) updated.delete(key);
        else updated.set(key, value);
      }
      const query = updated.toString();
      window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    },
    [params],
  );
  return [params, set];
}
