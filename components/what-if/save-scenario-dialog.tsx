"use client";

import { useState } from "react";
import { Bookmark } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
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
import { useSaveScenario } from "@/components/what-if/use-scenarios";
import { ApiError } from "@/lib/api/fetch-json";
import { LIMITS } from "@/lib/limits";
import { weightsToPoints } from "@/lib/ballots/points";
import type { Scenario } from "@/lib/api/client";

/** Names the current slider positions and saves them as a scenario (as 100 points) for the team. */
export function SaveScenarioDialog({
  evaluationId,
  criterionKeys,
  weights,
  sharedWithTeam,
  onSaved,
}: {
  evaluationId: string;
  criterionKeys: string[];
  weights: Record<string, number>;
  /** whether the team sees scenarios now, or only their creator until the ballots are revealed */
  sharedWithTeam: boolean;
  onSaved: (scenario: Scenario) => void;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const mutation = useSaveScenario(evaluationId, (saved) => {
    setOpen(false);
    setName("");
    onSaved(saved);
  });
  const fields = mutation.error instanceof ApiError ? mutation.error.fields : undefined;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Bookmark aria-hidden /> Save as scenario
        </Button>
      </DialogTrigger>
      <DialogContent size="sm">
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate({ name, weights: weightsToPoints(weights, criterionKeys) });
          }}
        >
          <DialogHeader>
            <DialogTitle>Save these weights as a scenario</DialogTitle>
            <DialogDescription>
              {sharedWithTeam
                ? "Your teammates see it in the list, with a link that opens these weights."
                : "Only you see it until the ballots are revealed: it may be how you vote, and the ballots are blind."}
            </DialogDescription>
          </DialogHeader>
          <Field label="Scenario name" error={fields?.name} required>
            <Input
              name="name"
              value={name}
              maxLength={LIMITS.nameLength}
              placeholder="e.g. Security first"
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          {mutation.isError && !fields?.name ? (
            <Alert variant="destructive">
              <AlertDescription>{mutation.error.message}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? <Spinner size="sm" /> : null} Save scenario
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
