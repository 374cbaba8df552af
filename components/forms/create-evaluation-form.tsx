"use client";

import { useActionState, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { FormStatus, fieldError, keptValue } from "@/components/forms/form-status";
import { VisibilityField } from "@/components/evaluation/visibility-field";
import { createEvaluationAction } from "@/app/teams/[teamId]/evaluations/new/actions";
import { getCatalog, suggestWeights } from "@/lib/catalog";
import { NEEDS, PROJECT_SIZES, TEAM_EXPERIENCE_LEVELS, TIMELINES, ProjectProfileSchema, type Need } from "@/lib/catalog/profile";

const NEED_LABELS: Record<Need, string> = {
  "admin-panel": "Admin panel",
  "user-accounts": "User accounts",
  orm: "Database / ORM",
  "rest-api": "REST API",
  microservices: "Microservices",
  "ml-serving": "ML model serving",
  "content-management": "Content management",
  ecommerce: "E-commerce",
  "security-compliance": "Security & compliance",
  "custom-architecture": "Custom architecture",
  "rapid-prototype": "Rapid prototype",
  "long-term-maintenance": "Long-term maintenance",
  "data-dashboard": "Data dashboard",
  "async-realtime": "Async / real-time",
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function CreateEvaluationForm({ teamId, teamSize }: { teamId: string; teamSize: number }) {
  const [state, action, pending] = useActionState(createEvaluationAction.bind(null, teamId), null);
  // Uncontrolled, like the other inputs: React resets a form after its action, and the kept value
  // brings the choice back after a failed submit.
  const template = keptValue(state, "template") || "django-flask";
  const [useProfile, setUseProfile] = useState(false);
  const [profile, setProfile] = useState({
    projectSize: "medium",
    timeline: "normal",
    teamExperience: "intermediate",
    teamSize,
    needs: [] as Need[],
  });

  // The same rules the server applies, computed here so the suggestion updates as you answer.
  const suggestion = useMemo(() => {
    const parsed = ProjectProfileSchema.safeParse(profile);
    return parsed.success ? suggestWeights(parsed.data) : null;
  }, [profile]);
  const criterionName = useMemo(() => new Map(getCatalog().criteria.map((c) => [c.id, c.name])), []);
  const topWeights = suggestion
    ? Object.entries(suggestion.weights)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
    : [];

  return (
    <form action={action} className="grid gap-6" noValidate>
      <FormStatus state={state} />
      <Field label="Title" error={fieldError(state, "title")} required>
        <Input name="title" placeholder="e.g. Framework for the new billing service" defaultValue={keptValue(state, "title")} />
      </Field>
      <Field
        label="Problem statement"
        description="What are you deciding, and why now? Leave empty to use the template's."
        error={fieldError(state, "problem")}
      >
        <Textarea name="problem" rows={3} defaultValue={keptValue(state, "problem")} />
      </Field>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Start from</legend>
        {(
          [
            ["django-flask", "Django or Flask", `Both frameworks rated on ${getCatalog().criteria.length} criteria, every rating citing its source.`],
            ["blank", "Blank", "Add your own options and criteria."],
          ] as const
        ).map(([value, label, help]) => (
          <label
            key={value}
            className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
          >
            <input
              type="radio"
              name="template"
              value={value}
              defaultChecked={template === value}
              className="mt-1"
            />
            <span>
              <span className="block font-medium">{label}</span>
              <span className="block text-sm text-muted-foreground">{help}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <VisibilityField
        defaultValue={keptValue(state, "visibility") === "open" ? "open" : "blind"}
        error={fieldError(state, "visibility")}
      />

      <fieldset className="grid gap-4 rounded-lg border p-4">
        <legend className="px-1 text-sm font-medium">Project profile (optional)</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="useProfile" checked={useProfile} onChange={(e) => setUseProfile(e.target.checked)} />
          Suggest criterion weights from a short project profile
        </label>
        {useProfile ? (
          <>
            <div className="grid gap-4 sm:grid-cols-4">
              <Field label="Project size" error={fieldError(state, "profile.projectSize")}>
                <NativeSelect name="projectSize" value={profile.projectSize} onChange={(e) => setProfile({ ...profile, projectSize: e.target.value })}>
                  {PROJECT_SIZES.map((v) => (
                    <option key={v} value={v}>{capitalise(v)}</option>
                  ))}
                </NativeSelect>
              </Field>
              <Field label="Timeline" error={fieldError(state, "profile.timeline")}>
                <NativeSelect name="timeline" value={profile.timeline} onChange={(e) => setProfile({ ...profile, timeline: e.target.value })}>
                  {TIMELINES.map((v) => (
                    <option key={v} value={v}>{capitalise(v)}</option>
                  ))}
                </NativeSelect>
              </Field>
              <Field label="Team experience" error={fieldError(state, "profile.teamExperience")}>
                <NativeSelect name="teamExperience" value={profile.teamExperience} onChange={(e) => setProfile({ ...profile, teamExperience: e.target.value })}>
                  {TEAM_EXPERIENCE_LEVELS.map((v) => (
                    <option key={v} value={v}>{capitalise(v)}</option>
                  ))}
                </NativeSelect>
              </Field>
              <Field label="Team size" error={fieldError(state, "profile.teamSize")}>
                <Input name="teamSize" type="number" min={1} value={profile.teamSize} onChange={(e) => setProfile({ ...profile, teamSize: Number(e.target.value) })} />
              </Field>
            </div>
            <fieldset>
              <legend className="mb-2 text-sm font-medium">What the project needs</legend>
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                {NEEDS.map((need) => (
                  <label key={need} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="needs"
                      value={need}
                      checked={profile.needs.includes(need)}
                      onChange={(e) =>
                        setProfile({
                          ...profile,
                          needs: e.target.checked ? [...profile.needs, need] : profile.needs.filter((n) => n !== need),
                        })
                      }
                    />
                    {NEED_LABELS[need]}
                  </label>
                ))}
              </div>
            </fieldset>
            {suggestion ? (
              <section aria-labelledby="suggestion-heading" className="grid gap-3 rounded-md bg-muted/50 p-3" data-testid="suggested-weights">
                <h3 id="suggestion-heading" className="text-sm font-medium">Suggested weights (members still cast their own ballots)</h3>
                <ol className="grid gap-1 text-sm sm:grid-cols-2">
                  {topWeights.map(([id, w]) => (
                    <li key={id} className="flex justify-between gap-2">
                      <span>{criterionName.get(id) ?? id}</span>
                      <span className="tabular-nums text-muted-foreground">{(w * 100).toFixed(1)}%</span>
                    </li>
                  ))}
                </ol>
                {suggestion.explanations.length ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium">Why these weights ({suggestion.explanations.length} adjustments)</summary>
                    <ul className="mt-2 grid gap-2 text-sm" data-testid="weight-explanations">
                      {suggestion.explanations.map((e, i) => (
                        <li key={i}>
                          <span className="font-medium">{criterionName.get(e.criterion) ?? e.criterion}:</span> {e.reason}
                          {e.citations.map((c, j) => (
                            <blockquote key={j} className="mt-1 border-l-2 pl-2 text-muted-foreground">
                              &ldquo;{c.quote}&rdquo; <cite className="not-italic">({c.source})</cite>
                            </blockquote>
                          ))}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </section>
            ) : null}
          </>
        ) : null}
      </fieldset>

      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner /> : null} Create evaluation
        </Button>
      </div>
    </form>
  );
}
