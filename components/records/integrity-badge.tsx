"use client";

import { useQuery } from "@tanstack/react-query";
import { ArchiveRestore, ShieldAlert, ShieldCheck, ShieldQuestion } from "lucide-react";
import { getIntegrity } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import { Badge } from "@/components/ui/badge";

/**
 * Whether the stored ballot chain and frozen decision record still match what the app wrote.
 * Quiet when they do; when they do not, it says what broke, for an admin to investigate.
 * An evaluation imported from a record says so instead of "Integrity verified": its check can
 * only say it matches the record it was imported from, not that its votes were cast here.
 */
export function IntegrityBadge({ evaluationId }: { evaluationId: string }) {
  const { data, isPending, isError } = useQuery({
    // Under the evaluation's key, so the live stream's invalidations re-check it after every change.
    queryKey: queryKeys.integrity(evaluationId),
    queryFn: () => getIntegrity(evaluationId),
  });

  if (isPending) {
    return (
      <Badge variant="muted" aria-live="polite">
        <ShieldQuestion aria-hidden /> Checking integrity…
      </Badge>
    );
  }
  if (isError) {
    return (
      <Badge variant="muted">
        <ShieldQuestion aria-hidden /> Integrity not checked
      </Badge>
    );
  }
  if (data.valid && data.imported) {
    return (
      <details className="group relative" data-testid="integrity-badge">
        <summary className="list-none cursor-pointer rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
          <Badge variant="info">
            <ArchiveRestore aria-hidden /> Imported from a record
          </Badge>
        </summary>
        <div className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border bg-popover p-3 text-sm text-popover-foreground shadow-lg">
          <p>{data.checked}</p>
          <p className="mt-2 break-all font-mono text-xs text-muted-foreground">sha256 {data.imported.sha256}</p>
        </div>
      </details>
    );
  }
  if (data.valid) {
    return (
      <Badge variant="success" title={`Integrity verified: ${data.checked}`} data-testid="integrity-badge">
        <ShieldCheck aria-hidden /> Integrity verified
      </Badge>
    );
  }
  return (
    <details className="group relative" data-testid="integrity-badge">
      <summary className="list-none cursor-pointer rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
        <Badge variant="destructive">
          <ShieldAlert aria-hidden /> Integrity check failed
        </Badge>
      </summary>
      <div
        role="alert"
        className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-destructive/30 bg-popover p-3 text-sm text-popover-foreground shadow-lg"
      >
        <p className="font-medium">
          {data.imported
            ? "Imported from a record: stored data no longer matches what the import wrote."
            : "Stored data no longer matches what Tradeoff wrote."}
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-muted-foreground">
          {data.imported && !data.imported.valid ? <li>Import: {data.imported.reason}</li> : null}
          {data.chain.valid ? null : <li>Ballot history: {data.chain.reason}</li>}
          {data.ballots.valid ? null : <li>Current ballots: {data.ballots.reason}</li>}
          {data.snapshot?.valid === false ? (
            <li>Decision record: its content no longer matches its SHA-256 ({data.snapshot.sha256.slice(0, 12)}…)</li>
          ) : null}
        </ul>
      </div>
    </details>
  );
}
