"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { addCitationAction, removeCitationAction } from "@/app/evaluations/[id]/actions";
import { AddCitationSchema } from "@/lib/validation/evaluation";
import { LIMITS } from "@/lib/limits";

interface RatingRef {
  evaluationId: string;
  optionId: string;
  criterionId: string;
}

type Errors = Record<string, string | undefined>;

/**
 * A team member cites their own source for a rating: title, https address and the passage relied
 * on. Checked in the browser with the same schema the server applies.
 */
export function AddCitationForm({ evaluationId, optionId, criterionId, criterionName }: RatingRef & { criterionName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ title: "", url: "", quote: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open) {
    return (
      <div>
        <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Cite a source for ${criterionName}`}>
          <Plus aria-hidden /> Cite a source
        </Button>
      </div>
    );
  }
  const submit = () => {
    const input = { evaluationId, optionId, criterionId, ...values };
    const parsed = AddCitationSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    start(async () => {
      const state = await addCitationAction(evaluationId, { optionId, criterionId, ...values });
      if (state && !state.ok) {
        setErrors(state.fields ?? {});
        setMessage(state.fields ? null : state.message);
        return;
      }
      setValues({ title: "", url: "", quote: "" });
      setErrors({});
      setMessage(null);
      setOpen(false);
      router.refresh();
    });
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value });
  return (
    <form
      className="grid gap-3 rounded-md border bg-muted/30 p-3"
      aria-label={`Cite a source for ${criterionName}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label="Title of the source" error={errors.title}>
        <Input value={values.title} onChange={set("title")} maxLength={LIMITS.nameLength * 2} placeholder="e.g. Running Flask at scale" />
      </Field>
      <Field label="Address (https)" error={errors.url}>
        <Input type="url" inputMode="url" value={values.url} onChange={set("url")} placeholder="https://…" />
      </Field>
      <Field label="Quote" description="The passage this rating relies on, copied from the source." error={errors.quote}>
        <Textarea rows={3} value={values.quote} onChange={set("quote")} maxLength={LIMITS.descriptionLength} />
      </Field>
      {message ? (
        <Alert variant="destructive">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="outline" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner /> : null} Add citation
        </Button>
      </div>
    </form>
  );
}

export function RemoveCitationButton({ evaluationId, optionId, criterionId, index, title }: RatingRef & { index: number; title: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        size="icon"
        className="ml-1 size-7 align-middle"
        aria-label={`Remove the citation of ${title}`}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const state = await removeCitationAction(evaluationId, { optionId, criterionId, index });
            if (state && !state.ok) setError(state.message);
            else router.refresh();
          })
        }
      >
        <Trash2 aria-hidden />
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
    </>
  );
}
