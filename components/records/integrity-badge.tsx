"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert, ShieldCheck, ShieldQuestion } from "lucide-react";
import type { z } from "zod";
import { fetchJson } from "@/lib/http/client";
import type { IntegrityReportSchema } from "@/lib/http/api-schemas";
import { evaluationKey } from "@/components/evaluation/use-evaluation";
import { Badge } from "@/components/ui/badge";

type IntegrityReport = z.infer<typeof IntegrityReportSchema>;

/** Under the evaluation's key, so the live stream's invalidations re-check it after every change. */
const integrityKey = (evaluationId: string) => [...evaluationKey(evaluationId), "integrity"] as const;

/**
 * Whether the stored ballot chain and frozen decision record still match what the app wrote.
 * Quiet when they do; when they do not, it says what broke, for an admin to investigate.
 */
export function IntegrityBadge({ evaluationId }: { evaluationId: string }) {
  const { data, isPending, isError } = useQuery({
    queryKey: integrityKey(evaluationId),
    queryFn: () => fetchJson<IntegrityReport>(`/api/v1/evaluations/${evaluationId}/integrity`),
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
  if (data.valid) {
    const what = data.snapshot ? "ballots and decision record" : `${data.revisions} ballot ${data.revisions === 1 ? "revision" : "revisions"}`;
    return (
      <Badge variant="success" title={`Integrity verified: ${what} unchanged since they were written`} data-testid="integrity-badge">
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
        <p className="font-medium">Stored data no longer matches what Tradeoff wrote.</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-muted-foreground">
          {data.chain.valid ? null : <li>Ballot history: {data.chain.reason}</li>}
          {data.ballots.valid ? null : <li>Current ballots: {data.ballots.reason}</li>}
          {data.snapshot?.valid === false ? <li>Decision record: its content no longer matches its SHA-256 ({data.snapshot.sha256.slice(0, 12)}…)</li> : null}
        </ul>
      </div>
    </details>
  );
}
