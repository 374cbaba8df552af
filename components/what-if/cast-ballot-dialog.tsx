"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Vote } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { evaluationKey } from "@/components/evaluation/use-evaluation";
import { fetchJson } from "@/lib/http/client";
import { weightsToPoints } from "@/lib/validation/points";

/** Confirms, then casts the what-if weights as the member's ballot (100 points). */
export function CastBallotDialog({
  evaluationId,
  criteria,
  weights,
  replacing,
  onCast,
}: {
  evaluationId: string;
  criteria: { key: string; name: string }[];
  weights: Record<string, number>;
  replacing: boolean;
  onCast: () => void;
}) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const points = weightsToPoints(weights, criteria.map((c) => c.key));
  const mutation = useMutation({
    mutationFn: () => fetchJson(`/api/v1/evaluations/${evaluationId}/ballots`, { method: "POST", body: { method: "points", weights: points } }),
    onSuccess: () => {
      setOpen(false);
      onCast();
      return queryClient.invalidateQueries({ queryKey: evaluationKey(evaluationId) });
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Vote aria-hidden /> Cast these as my ballot
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Cast these weights as your ballot?</DialogTitle>
          <DialogDescription>
            {replacing ? "This replaces your current ballot. " : ""}They become 100 points, as below. You can revise your ballot until voting closes.
          </DialogDescription>
        </DialogHeader>
        <ul className="grid gap-1 text-sm">
          {criteria
            .filter((c) => points[c.key] > 0)
            .sort((a, b) => points[b.key] - points[a.key])
            .map((c) => (
              <li key={c.key} className="flex justify-between gap-3 border-b py-1 last:border-0">
                <span>{c.name}</span>
                <span className="tabular-nums font-medium">{points[c.key]} points</span>
              </li>
            ))}
        </ul>
        {mutation.isError ? (
          <Alert variant="destructive">
            <AlertDescription>{mutation.error.message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep exploring</Button>
          </DialogClose>
          <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>
            {mutation.isPending ? <Spinner size="sm" /> : null} Cast ballot
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
