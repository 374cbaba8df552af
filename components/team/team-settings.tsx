"use client";

import { useActionState, useState } from "react";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
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
import { FormStatus, fieldError, keptValue } from "@/components/forms/form-status";
import { deleteTeamAction, renameTeamAction } from "@/app/teams/actions";
import type { TeamContents } from "@/lib/domain/teams";

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const [state, action, pending] = useActionState(renameTeamAction.bind(null, teamId), null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
      <Field label="Team name" error={fieldError(state, "name")}>
        <Input name="name" defaultValue={keptValue(state, "name") ?? name} maxLength={60} autoComplete="off" />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? <Spinner /> : null} Rename
      </Button>
      <div className="sm:col-span-2">
        <FormStatus state={state} success="Team renamed." />
      </div>
    </form>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Deleting a team cannot be undone, so the dialog says exactly what goes and asks for the team's
 * name, typed; the button stays disabled until it matches (the server checks it again).
 */
export function DeleteTeamDialog({ teamId, name, contents }: { teamId: string; name: string; contents: TeamContents }) {
  const [state, action, pending] = useActionState(deleteTeamAction.bind(null, teamId), null);
  const [typed, setTyped] = useState("");
  const others = contents.members - 1;
  return (
    <Dialog onOpenChange={(open) => !open && setTyped("")}>
      <DialogTrigger asChild>
        <Button variant="destructive" data-testid="delete-team">
          <Trash2 aria-hidden /> Delete team
        </Button>
      </DialogTrigger>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>Delete “{name}”?</DialogTitle>
          <DialogDescription>This cannot be undone. Deleting the team removes, for everyone:</DialogDescription>
        </DialogHeader>
        <ul className="grid list-disc gap-1 pl-5 text-sm" data-testid="delete-team-contents">
          <li>
            {count(contents.evaluations, "evaluation", "evaluations")}
            {contents.evaluations === 1 ? ", with its decision record" : contents.evaluations > 1 ? ", with their decision records" : ""}
          </li>
          <li>{count(contents.ballots, "ballot", "ballots")}</li>
          <li>{count(contents.comments, "comment", "comments")}</li>
          <li>the team&apos;s invitations and audit trail</li>
          <li>
            {others > 0
              ? `${count(others, "other member loses", "other members lose")} access to all of it. Everyone keeps their account.`
              : "Your account stays."}
          </li>
        </ul>
        <p className="text-sm text-muted-foreground">Export any decision record you want to keep before you delete the team.</p>
        <form action={action} className="grid gap-3" noValidate>
          <Field
            label={
              <>
                Type <strong className="font-semibold">{name}</strong> to confirm
              </>
            }
            error={fieldError(state, "confirmName")}
          >
            <Input name="confirmName" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
          </Field>
          {state && !state.ok && !fieldError(state, "confirmName") ? <FormStatus state={state} /> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={pending || typed.trim() !== name.trim()}>
              {pending ? <Spinner /> : null} Delete the team
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
