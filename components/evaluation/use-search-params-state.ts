"use client";

import { useCallback } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * Page state kept in the URL (`?tab=report&topic=criterion:security`), so it survives reloads and
 * can be linked to. Setting a key to null removes it; history is replaced, not pushed.
 */
export function useSearchParamsState(): [URLSearchParams, (next: Record<string, string | null>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = useCallback(
    (next: Record<string, string | null>) => {
      const updated = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(next)) {
        if (value === null) updated.delete(key);
        else updated.set(key, value);
      }
      const query = updated.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  return [params, set];
}
