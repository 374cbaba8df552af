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
import { getCatalog } from "@/lib/catalog";
import { NEEDS, PROJECT_SIZES, TEAM_EXPERIENCE_LEVELS, TIMELINES, BUDGETS, TEAM_PREFERENCES, type Need } from "@/lib/catalog/profile";
import { SuggestedWeightsPanel } from "@/components/forms/suggested-weights-panel";

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
  "spa-mobile-backend": "Backend for a SPA or mobile app",
  "blog-forum": "Blog or forum",
  "internal-tool": "Internal tool",
  internationalisation: "Internationalisation (i18n)",
  "testing-ci": "Robust testing & CI",
};

const PREFERENCE_LABELS: Record<(typeof TEAM_PREFERENCES)[number], string> = {
  none: "No preference",
  conventions: "Clear conventions",
  flexibility: "Free choice of components",
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
    budget: "normal",
    teamPreference: "none",
  });
  const criterionCount = useMemo(() => getCatalog().criteria.length, []);

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
            ["django-flask", "Django or Flask", `Both frameworks rated on ${criterionCount} criteria, every rating citing its source.`],
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
            <div className="grid gap-4 sm:grid-cols-3">
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
              <Field label="Budget" error={fieldError(state, "profile.budget")}>
                <NativeSelect name="budget" value={profile.budget} onChange={(e) => setProfile({ ...profile, budget: e.target.value })}>
                  {BUDGETS.map((v) => (
                    <option key={v} value={v}>{capitalise(v)}</option>
                  ))}
                </NativeSelect>
              </Field>
              <Field label="Team prefers" error={fieldError(state, "profile.teamPreference")}>
                <NativeSelect name="teamPreference" value={profile.teamPreference} onChange={(e) => setProfile({ ...profile, teamPreference: e.target.value })}>
                  {TEAM_PREFERENCES.map((v) => (
                    <option key={v} value={v}>{PREFERENCE_LABELS[v]}</option>
                  ))}
                </NativeSelect>
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
            <SuggestedWeightsPanel profile={profile} />
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
