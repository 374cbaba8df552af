"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field } from "@/components/ui/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { useEvaluationAction } from "@/components/evaluation/use-evaluation-action";
import { VisibilityField } from "@/components/evaluation/visibility-field";
import { LIMITS } from "@/lib/limits";
import { addItemAction, removeItemAction, renameItemAction, setRatingAction, updateDetailsAction } from "@/app/evaluations/[id]/actions";
import type { EvaluationView } from "@/lib/api/evaluation-view";

type Kind = "option" | "criterion";

function ItemList({ view, kind }: { view: EvaluationView; kind: Kind }) {
  const items = kind === "option" ? view.options : view.criteria;
  const { run, pending, error } = useEvaluationAction(view.id);
  const [name, setName] = useState("");
  const label = kind === "option" ? "Options" : "Criteria";
  return (
    <section aria-labelledby={`${kind}-list`} className="grid gap-3">
      <h3 id={`${kind}-list`} className="font-medium">
        {label} <span className="text-muted-foreground">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {kind === "option" ? "Add the frameworks you are choosing between." : "Add what matters in this decision."}
        </p>
      ) : null}
      <ul className="grid gap-2">
        {items.map((item) => (
          <li key={item.id} className="flex items-center gap-2">
            <Input
              aria-label={`Name of ${item.name}`}
              defaultValue={item.name}
              onBlur={(e) => {
                const next = e.currentTarget.value.trim();
                if (next && next !== item.name) run(() => renameItemAction(view.id, { kind, id: item.id, name: next }));
              }}
            />
            <ConfirmDialog
              trigger={
                <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${item.name}`} disabled={pending}>
                  <Trash2 />
                </Button>
              }
              title={`Remove ${item.name}?`}
              description={`Its ratings${kind === "option" ? "" : " and any weight suggested for it"} are removed with it. Comments about it stay in the discussion.`}
              confirmLabel="Remove"
              destructive
              pending={pending}
              onConfirm={() => run(() => removeItemAction(view.id, { kind, id: item.id }))}
            />
          </li>
        ))}
      </ul>
      <form
        className="flex items-end gap-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () => addItemAction(view.id, { kind, name }),
            () => setName(""),
          );
        }}
      >
        <Field label={`New ${kind}`} className="flex-1" error={error?.fields?.name}>
          <Input
            value={name}
            maxLength={LIMITS.nameLength}
            onChange={(e) => setName(e.target.value)}
            placeholder={kind === "option" ? "e.g. FastAPI" : "e.g. Hiring pool"}
          />
        </Field>
        <Button type="submit" variant="secondary" disabled={pending}>
          <Plus /> Add
        </Button>
      </form>
      {error && !error.fields?.name ? (
        <Alert variant="destructive">
          <AlertDescription>{error.detail}</AlertDescription>
        </Alert>
      ) : null}
    </section>
  );
}

function RatingGrid({ view }: { view: EvaluationView }) {
  const { run, error } = useEvaluationAction(view.id);
  const rating = new Map(view.ratings.map((r) => [`${r.optionId}:${r.criterionId}`, r]));
  if (!view.options.length || !view.criteria.length) return null;
  return (
    <section aria-labelledby="rating-grid" className="grid gap-3">
      <h3 id="rating-grid" className="font-medium">
        Ratings (0–10, 10 best)
      </h3>
      <p className="text-sm text-muted-foreground">Open an option to see the evidence for its ratings and cite your own sources.</p>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error.detail}</AlertDescription>
        </Alert>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className="p-2 text-left font-medium">
                Criterion
              </th>
              {view.options.map((o) => (
                <th key={o.id} scope="col" className="p-2 text-left font-medium">
                  {/* The option's page shows each rating's evidence, where the team cites its own sources. */}
                  <Link
                    href={`/evaluations/${view.id}/options/${o.key}`}
                    className="text-primary underline-offset-2 hover:underline"
                    aria-label={`${o.name}: evidence and sources`}
                  >
                    {o.name}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.criteria.map((c) => (
              <tr key={c.id} className="border-t">
                <th scope="row" className="p-2 text-left font-normal">
                  {c.name}
                </th>
                {view.options.map((o) => {
                  const current = rating.get(`${o.id}:${c.id}`);
                  const save = (change: { score?: string; rationale?: string }) =>
                    run(() => setRatingAction(view.id, { optionId: o.id, criterionId: c.id, score: current?.score ?? "", ...change }));
                  return (
                    <td key={o.id} className="p-2 align-top">
                      <div className="grid gap-1.5">
                        <Input
                          type="number"
                          min={0}
                          max={10}
                          step={0.5}
                          className="w-20 tabular-nums"
                          aria-label={`${o.name} on ${c.name}`}
                          defaultValue={current?.score ?? ""}
                          placeholder="–"
                          onBlur={(e) => {
                            const value = e.currentTarget.value;
                            if (value !== "" && Number(value) !== current?.score) save({ score: value });
                          }}
                        />
                        <Input
                          className="w-56 text-xs"
                          aria-label={`Why ${o.name} scores this on ${c.name}`}
                          defaultValue={current?.rationale ?? ""}
                          placeholder="Why this score (optional)"
                          disabled={!current}
                          onBlur={(e) => {
                            const value = e.currentTarget.value.trim();
                            if (current && value !== current.rationale) save({ rationale: value });
                          }}
                        />
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DetailsForm({ view }: { view: EvaluationView }) {
  const router = useRouter();
  const { run, error } = useEvaluationAction(view.id);
  const [details, setDetails] = useState({ title: view.title, problem: view.problem });
  const save = () => {
    if (details.title !== view.title || details.problem !== view.problem)
      run(
        () => updateDetailsAction(view.id, details),
        () => router.refresh(),
      ); // the page header shows the title
  };
  return (
    <section aria-label="Details" className="grid gap-3">
      <Field label="Title" error={error?.fields?.title}>
        <Input value={details.title} onChange={(e) => setDetails({ ...details, title: e.target.value })} onBlur={save} />
      </Field>
      <Field label="Problem statement" error={error?.fields?.problem}>
        <Textarea rows={3} value={details.problem} onChange={(e) => setDetails({ ...details, problem: e.target.value })} onBlur={save} />
      </Field>
      <VisibilityField
        defaultValue={view.visibility}
        error={error?.fields?.visibility}
        onChange={(visibility) =>
          run(
            () => updateDetailsAction(view.id, { ...details, visibility }),
            () => router.refresh(),
          )
        }
      />
    </section>
  );
}

export function DraftEditor({ view }: { view: EvaluationView }) {
  return (
    <div className="grid gap-8">
      <DetailsForm view={view} />
      <div className="grid gap-8 md:grid-cols-2">
        <ItemList view={view} kind="option" />
        <ItemList view={view} kind="criterion" />
      </div>
      <RatingGrid view={view} />
    </div>
  );
}
