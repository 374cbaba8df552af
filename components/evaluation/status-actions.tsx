"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { useEvaluationAction } from "@/components/evaluation/use-evaluation-action";
import { transitionAction } from "@/app/evaluations/[id]/actions";
import type { EvaluationView } from "@/lib/domain/report";

type Panel = "open-voting" | "decide" | null;

/** The workflow buttons an owner or admin sees: open voting, reveal, second round, decide, supersede. */
export function StatusActions({ view }: { view: EvaluationView }) {
  const router = useRouter();
  const { run, pending, error } = useEvaluationAction(view.id);
  const [panel, setPanel] = useState<Panel>(null);
  const leader = view.report?.ranking.find((r) => r.rank === 1)?.option;
  const [decision, setDecision] = useState({
    optionId: view.options.find((o) => o.key === leader)?.id ?? view.options[0]?.id ?? "",
    rationale: "",
    override: "",
  });
  const [voting, setVoting] = useState({ deadline: "", quorum: "" });
  const voted = view.members.filter((m) => m.voted).length;
  const quorumMissing = view.quorum !== null && voted < view.quorum;
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
          <Button variant="secondary" disabled={pending} onClick={() => transition({ action: "reveal" })}>
            Close voting and reveal ballots
          </Button>
        ) : null}
        {view.status === "revealed" ? (
          <Button variant="secondary" disabled={pending} onClick={() => transition({ action: "second-round" })}>
            Start a second round
          </Button>
        ) : null}
        {view.status === "voting" || view.status === "revealed" ? (
          <Button onClick={() => setPanel(panel === "decide" ? null : "decide")}>Record the decision</Button>
        ) : null}
        {view.status === "decided" ? (
          <Button variant="outline" disabled={pending} onClick={() => transition({ action: "supersede" })}>
            Revisit (supersede with a new evaluation)
          </Button>
        ) : null}
      </div>

      {panel === "open-voting" ? (
        <form
          className="grid gap-3 rounded-lg border p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            transition({
              action: "open-voting",
              deadline: voting.deadline ? new Date(voting.deadline).toISOString() : "",
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
            <NativeSelect
              wrapperClassName="w-auto"
              value={decision.optionId}
              onChange={(e) => setDecision({ ...decision, optionId: e.target.value })}
            >
              {view.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {o.key === leader ? " (leads the ranking)" : ""}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Rationale" description="Why the team chose it; this goes into the decision record." error={error?.fields?.rationale}>
            <Textarea rows={3} value={decision.rationale} onChange={(e) => setDecision({ ...decision, rationale: e.target.value })} />
          </Field>
          {quorumMissing ? (
            <Field
              label="Override reason"
              description={`Only ${voted} of the ${view.quorum} ballots the quorum asks for are in.`}
              error={error?.fields?.override}
            >
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
          <AlertDescription>{error.message}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
