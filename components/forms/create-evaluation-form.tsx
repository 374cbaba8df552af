"use client";

import { useActionState, useMemo, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field, type FieldControlProps } from "@/components/ui/field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { CheckboxControl } from "@/components/ui/checkbox";
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
  const [, startTransition] = useTransition();
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
    <form
      className="grid gap-6"
      noValidate
      // Dispatched by hand rather than as the form's action: React resets a form after its action,
      // and Radix controls reset to their first value with it, which lost a choice after a failed
      // submit. The values still reach the server action as FormData (Radix's hidden inputs).
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => action(form));
      }}
    >
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
        <legend id="template-legend" className="mb-1 text-sm font-medium">
          Start from
        </legend>
        {/* Radix radios submit `template` through their hidden form inputs, like native ones. */}
        <RadioGroup name="template" defaultValue={template} aria-labelledby="template-legend">
          {(
            [
              ["django-flask", "Django or Flask", `Both frameworks rated on ${criterionCount} criteria, every rating citing its source.`],
              ["blank", "Blank", "Add your own options and criteria."],
            ] as const
          ).map(([value, label, help]) => (
            <label
              key={value}
              htmlFor={`template-${value}`}
              className="relative flex cursor-pointer items-start gap-3 rounded-lg border p-3 has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-primary/5"
            >
              <RadioGroupItem id={`template-${value}`} value={value} className="mt-1" />
              <span>
                <span className="block font-medium">{label}</span>
                <span className="block text-sm text-muted-foreground">{help}</span>
              </span>
            </label>
          ))}
        </RadioGroup>
      </fieldset>

      <VisibilityField
        defaultValue={keptValue(state, "visibility") === "open" ? "open" : "blind"}
        error={fieldError(state, "visibility")}
      />

      <fieldset className="grid gap-4 rounded-lg border p-4">
        <legend className="px-1 text-sm font-medium">Project profile (optional)</legend>
        <label htmlFor="use-profile" className="relative flex items-center gap-2 text-sm">
          <CheckboxControl
            id="use-profile"
            name="useProfile"
            checked={useProfile}
            onCheckedChange={(checked) => setUseProfile(checked === true)}
          />
          Suggest criterion weights from a short project profile
        </label>
        {useProfile ? (
          <>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Project size" error={fieldError(state, "profile.projectSize")}>
                {(control) => (
                  <ProfileSelect
                    name="projectSize"
                    value={profile.projectSize}
                    onChange={(v) => setProfile({ ...profile, projectSize: v })}
                    control={control}
                  >
                    {PROJECT_SIZES.map((v) => (
                      <SelectItem key={v} value={v}>
                        {capitalise(v)}
                      </SelectItem>
                    ))}
                  </ProfileSelect>
                )}
              </Field>
              <Field label="Timeline" error={fieldError(state, "profile.timeline")}>
                {(control) => (
                  <ProfileSelect
                    name="timeline"
                    value={profile.timeline}
                    onChange={(v) => setProfile({ ...profile, timeline: v })}
                    control={control}
                  >
                    {TIMELINES.map((v) => (
                      <SelectItem key={v} value={v}>
                        {capitalise(v)}
                      </SelectItem>
                    ))}
                  </ProfileSelect>
                )}
              </Field>
              <Field label="Team experience" error={fieldError(state, "profile.teamExperience")}>
                {(control) => (
                  <ProfileSelect
                    name="teamExperience"
                    value={profile.teamExperience}
                    onChange={(v) => setProfile({ ...profile, teamExperience: v })}
                    control={control}
                  >
                    {TEAM_EXPERIENCE_LEVELS.map((v) => (
                      <SelectItem key={v} value={v}>
                        {capitalise(v)}
                      </SelectItem>
                    ))}
                  </ProfileSelect>
                )}
              </Field>
              <Field label="Team size" error={fieldError(state, "profile.teamSize")}>
                <Input
                  name="teamSize"
                  type="number"
                  min={1}
                  value={profile.teamSize}
                  onChange={(e) => setProfile({ ...profile, teamSize: Number(e.target.value) })}
                />
              </Field>
              <Field label="Budget" error={fieldError(state, "profile.budget")}>
                {(control) => (
                  <ProfileSelect
                    name="budget"
                    value={profile.budget}
                    onChange={(v) => setProfile({ ...profile, budget: v })}
                    control={control}
                  >
                    {BUDGETS.map((v) => (
                      <SelectItem key={v} value={v}>
                        {capitalise(v)}
                      </SelectItem>
                    ))}
                  </ProfileSelect>
                )}
              </Field>
              <Field label="Team prefers" error={fieldError(state, "profile.teamPreference")}>
                {(control) => (
                  <ProfileSelect
                    name="teamPreference"
                    value={profile.teamPreference}
                    onChange={(v) => setProfile({ ...profile, teamPreference: v })}
                    control={control}
                  >
                    {TEAM_PREFERENCES.map((v) => (
                      <SelectItem key={v} value={v}>
                        {PREFERENCE_LABELS[v]}
                      </SelectItem>
                    ))}
                  </ProfileSelect>
                )}
              </Field>
            </div>
            <fieldset>
              <legend className="mb-2 text-sm font-medium">What the project needs</legend>
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                {NEEDS.map((need) => (
                  <label key={need} htmlFor={`need-${need}`} className="relative flex items-center gap-2 text-sm">
                    <CheckboxControl
                      id={`need-${need}`}
                      name="needs"
                      value={need}
                      checked={profile.needs.includes(need)}
                      onCheckedChange={(checked) =>
                        setProfile({
                          ...profile,
                          needs: checked === true ? [...profile.needs, need] : profile.needs.filter((n) => n !== need),
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

/**
 * One of the profile's choices as a Radix select; `name` makes it submit with the form (Radix
 * renders a hidden native select inside a form), so the server action reads it from FormData.
 */
function ProfileSelect({
  name,
  value,
  onChange,
  control,
  children,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  control: FieldControlProps;
  children: ReactNode;
}) {
  return (
    <Select name={name} value={value} onValueChange={onChange}>
      <SelectTrigger {...control}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>{children}</SelectContent>
    </Select>
  );
}
