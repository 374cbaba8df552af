"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field } from "@/components/ui/field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { format, isFuture } from "date-fns";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useEvaluationAction } from "@/components/evaluation/use-evaluation-action";
import { transitionAction } from "@/app/evaluations/[id]/actions";
import type { EvaluationView } from "@/lib/api/evaluation-view";

type Panel = "open-voting" | "decide" | null;

/** The workflow buttons an owner or admin sees: open voting, reveal, second round, decide, supersede. */
export function StatusActions({ view }: { view: EvaluationView }) {
  const router = useRouter();
  const { run, pending, error } = useEvaluationAction(view.id);
  const [panel, setPanel] = useState<Panel>(null);
  const leader = view.report?.ranking.find((r) => r.rank === 1)?.option;
  const leaderOptionId = view.options.find((o) => o.key === leader)?.id;
  const [decision, setDecision] = useState({
    optionId: view.options.find((o) => o.key === leader)?.id ?? view.options[0]?.id ?? "",
    rationale: "",
    override: "",
  });
  const [voting, setVoting] = useState({ deadline: "", quorum: "" });
  // A deadline still ahead carries into the next round unless changed; a past one is not kept.
  const keptDeadline = view.votingDeadline && isFuture(new Date(view.votingDeadline)) ? new Date(view.votingDeadline) : null;
  const [secondRoundDeadline, setSecondRoundDeadline] = useState(keptDeadline ? format(keptDeadline, "yyyy-MM-dd'T'HH:mm") : "");
  const eligible = view.members.filter((m) => m.role !== "viewer").length;
  const voted = view.members.filter((m) => m.voted).length;
  const quorumMissing = view.quorum !== null && voted < view.quorum;
  // Deciding while ballots are blind, or below the quorum, is allowed only with a reason on the record.
  const needsReason = view.status === "voting" || quorumMissing;
  const reasonHint =
    view.status === "voting"
      ? "The ballots have not been revealed yet: say why the team decides without seeing them."
      : `Only ${voted} of the ${view.quorum} ballots the quorum asks for are in.`;
  const isoOrEmpty = (local: string) => (local ? new Date(local).toISOString() : "");
  const transition = (input: Record<string, unknown>) =>
    run(
      () => transitionAction(view.id, input),
      (state) => {
        setPanel(null);
        const next = state && state.ok ? (state.data as { evaluationId: string } | undefined)?.evaluationId : undefined;
        if (next && next !== view.id) router.push(`/evaluations/${next}`);
      },
    );

  return (
    <div className="grid gap-3" data-print="hide">
      <div className="flex flex-wrap gap-2">
        {view.status === "draft" ? (
          <Button onClick={() => setPanel(panel === "open-voting" ? null : "open-voting")}>Open voting</Button>
        ) : null}
        {view.status === "voting" ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={pending}>
                Close voting and reveal ballots
              </Button>
            }
            title="Close voting and reveal the ballots?"
            description={`${voted} of ${view.members.filter((m) => m.role !== "viewer").length} members have voted. Everyone in the team will see each ballot, and no more ballots can be cast in this round.`}
            confirmLabel="Reveal ballots"
            pending={pending}
            onConfirm={() => transition({ action: "reveal" })}
          />
        ) : null}
        {view.status === "revealed" ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={pending}>
                Start a second round
              </Button>
            }
            title={`Start round ${view.round + 1}?`}
            description={
              `The ${voted} ${voted === 1 ? "ballot" : "ballots"} of round ${view.round} ${voted === 1 ? "is" : "are"} carried over: ` +
              `a member who does not revise keeps their vote, and the ${Math.max(0, eligible - voted)} who did not vote can still vote. ` +
              "Ballots are blind again until you reveal them; everyone sees that their ballot was carried over."
            }
            confirmLabel="Start the round"
            pending={pending}
            onConfirm={() => transition({ action: "second-round", deadline: isoOrEmpty(secondRoundDeadline) })}
          >
            <Field
              label="Deadline for this round (optional)"
              description={
                keptDeadline
                  ? "Kept from the round before; change or clear it."
                  : view.votingDeadline
                    ? "The last round's deadline has passed: set a new one, or leave it empty for no deadline."
                    : "Leave it empty for no deadline."
              }
              error={error?.fields?.deadline}
            >
              <Input type="datetime-local" value={secondRoundDeadline} onChange={(e) => setSecondRoundDeadline(e.target.value)} />
            </Field>
          </ConfirmDialog>
        ) : null}
        {view.status === "voting" || view.status === "revealed" ? (
          <Button
            onClick={() => {
              // The ranking may have changed since this panel was first drawn (the reveal brings it):
              // open it on today's leader, so nobody records the runner-up by accident.
              if (panel !== "decide" && leaderOptionId) setDecision((d) => ({ ...d, optionId: leaderOptionId }));
              setPanel(panel === "decide" ? null : "decide");
            }}
          >
            Record the decision
          </Button>
        ) : null}
        {view.status === "decided" ? (
          <ConfirmDialog
            trigger={
              <Button variant="outline" disabled={pending}>
                Revisit (supersede with a new evaluation)
              </Button>
            }
            title="Revisit this decision?"
            description="This decision is marked superseded and a new draft evaluation with the same options, criteria and ratings is created. The decision record stays as it was."
            confirmLabel="Create the new evaluation"
            pending={pending}
            onConfirm={() => transition({ action: "supersede" })}
          />
        ) : null}
      </div>

      {panel === "open-voting" ? (
        <form
          className="grid gap-3 rounded-lg border p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            transition({
              action: "open-voting",
              deadline: isoOrEmpty(voting.deadline),
              quorum: voting.quorum,
            });
          }}
        >
          <Field label="Deadline (optional)" error={error?.fields?.deadline}>
            <Input type="datetime-local" value={voting.deadline} onChange={(e) => setVoting({ ...voting, deadline: e.target.value })} />
          </Field>
          <Field label="Quorum: ballots needed to decide (optional)" error={error?.fields?.quorum}>
            <Input type="number" min={1} value={voting.quorum} onChange={(e) => setVoting({ ...voting, quorum: e.target.value })} />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? <Spinner /> : null} Open voting
          </Button>
        </form>
      ) : null}

      {panel === "decide" ? (
        <form
          className="grid gap-3 rounded-lg border p-4"
          onSubmit={(e) => {
            e.preventDefault();
            transition({ action: "decide", ...decision, override: decision.override || undefined });
          }}
        >
          <Field label="Chosen option" error={error?.fields?.optionId}>
            {(props, { labelId }) => (
              <Select value={decision.optionId} onValueChange={(optionId) => setDecision({ ...decision, optionId })}>
                <SelectTrigger {...props} aria-labelledby={labelId} className="w-full sm:w-80">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {view.options.map((o) => (
                    <SelectItem key={o.id} value={o.id}>
                      {o.name}
                      {o.key === leader ? " (leads the ranking)" : ""}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </Field>
          <Field
            label="Rationale"
            description="Why the team chose it; this goes into the decision record."
            error={error?.fields?.rationale}
          >
            <Textarea rows={3} value={decision.rationale} onChange={(e) => setDecision({ ...decision, rationale: e.target.value })} />
          </Field>
          {needsReason ? (
            <Field label="Reason to decide now" description={reasonHint} error={error?.fields?.override}>
              <Input value={decision.override} onChange={(e) => setDecision({ ...decision, override: e.target.value })} />
            </Field>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner /> : null} Record decision
            </Button>
          </div>
        </form>
      ) : null}

      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{unshownMessages(error) ?? error.message}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}

/** Inputs these panels show a message beside; any other field's message belongs in the alert. */
const PANEL_FIELDS = new Set(["deadline", "quorum", "optionId", "rationale", "override"]);

function unshownMessages(error: { fields?: Record<string, string> }): string | null {
  const messages = Object.entries(error.fields ?? {})
    .filter(([field]) => !PANEL_FIELDS.has(field))
    .map(([, message]) => message);
  return messages.length ? messages.join(" ") : null;
}
