"use client";

import { useState, type ReactNode } from "react";
import { Vote } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { useCastBallot } from "@/components/evaluation/use-evaluation";
import { weightsToPoints } from "@/lib/ballots/points";

/**
 * Confirms, then casts weights (the what-if sliders, or a saved scenario) as the member's ballot of
 * 100 points, through the ballot form's own optimistic mutation.
 */
export function CastBallotDialog({
  evaluationId,
  currentUserId,
  criteria,
  weights,
  replacing,
  onCast,
  trigger,
  title = "Cast these weights as your ballot?",
}: {
  evaluationId: string;
  currentUserId: string;
  criteria: { key: string; name: string }[];
  weights: Record<string, number>;
  replacing: boolean;
  onCast: () => void;
  /** the button that opens the dialog; "Cast these as my ballot" when left out */
  trigger?: ReactNode;
  title?: string;
}) {
  const [open, setOpen] = useState(false);
  const points = weightsToPoints(
    weights,
    criteria.map((c) => c.key),
  );
  const mutation = useCastBallot(evaluationId, currentUserId, {
    onSuccess: () => {
      setOpen(false);
      onCast();
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
        {trigger ?? (
          <Button>
            <Vote aria-hidden /> Cast these as my ballot
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>
            {replacing ? "This replaces your current ballot. " : ""}They become 100 points, as below. You can revise your ballot until
            voting closes.
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
          <Button onClick={() => mutation.mutate({ method: "points", weights: points })} disabled={mutation.isPending}>
            {mutation.isPending ? <Spinner size="sm" /> : null} Cast ballot
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
