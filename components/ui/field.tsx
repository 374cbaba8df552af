import * as React from "react";
import { CircleAlert } from "lucide-react";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";

/** Props Field wires onto its control. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

export type FieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  /** Help text under the control. */
  description?: React.ReactNode;
  /** Error message; when set the control gets aria-invalid and the message is linked. */
  error?: React.ReactNode | string[];
  /** Shows a required marker and sets aria-required on the control. */
  required?: boolean;
  /** Control id; generated when omitted (an `id` on the child element also wins). */
  id?: string;
  /** Visually hide the label (still read by screen readers). */
  hideLabel?: boolean;
  /** Put label and control on one row (checkbox / switch style). */
  orientation?: "vertical" | "horizontal";
  labelClassName?: string;
  /**
   * The control. Either a single element (Input, Textarea, SelectTrigger, native select…)
   * which receives id / aria-describedby / aria-invalid automatically, or a render
   * function for composite controls:
   *   {(p, { labelId }) => <Slider {...p} aria-labelledby={labelId} />}
   */
  children: React.ReactElement | ((control: FieldControlProps, meta: { labelId: string }) => React.ReactNode);
};

/**
 * Form field: label + control + description + error, wired for assistive tech.
 *
 *   <Field label="Title" description="Shown to voters" error={errors.title} required>
 *     <Input name="title" />
 *   </Field>
 */
export function Field({
  label,
  description,
  error,
  required = false,
  id: idProp,
  hideLabel = false,
  orientation = "vertical",
  className,
  labelClassName,
  children,
  ...props
}: FieldProps) {
  const generated = React.useId();
  const childId = React.isValidElement<{ id?: string }>(children) && typeof children.props.id === "string" ? children.props.id : undefined;
  const id = childId ?? idProp ?? `field-${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;

  const errorContent = Array.isArray(error) ? error.filter(Boolean).join(" ") : error;
  const hasError = errorContent !== undefined && errorContent !== null && errorContent !== false && errorContent !== "";
  const describedBy = [description ? descriptionId : null, hasError ? errorId : null].filter(Boolean).join(" ");

  const controlProps: FieldControlProps = {
    id,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(hasError ? { "aria-invalid": true as const } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };

  let control: React.ReactNode;
  if (typeof children === "function") {
    control = children(controlProps, { labelId });
  } else {
    const existing = (children.props as { "aria-describedby"?: string })["aria-describedby"];
    control = React.cloneElement(children as React.ReactElement<Record<string, unknown>>, {
      ...controlProps,
      "aria-describedby": [existing, controlProps["aria-describedby"]].filter(Boolean).join(" ") || undefined,
    });
  }

  const horizontal = orientation === "horizontal";

  return (
    <div
      data-slot="field"
      data-invalid={hasError || undefined}
      data-orientation={orientation}
      className={cn("group/field grid min-w-0 gap-1.5", horizontal && "grid-cols-[auto_1fr] items-start gap-x-3", className)}
      {...props}
    >
      <Label
        id={labelId}
        htmlFor={id}
        className={cn(hideLabel && "sr-only", horizontal && "col-start-2 row-start-1 pt-px font-normal", labelClassName)}
      >
        {label}
        {required ? (
          <>
            <span aria-hidden="true" className="text-destructive">
              *
            </span>
            <span className="sr-only"> (required)</span>
          </>
        ) : null}
      </Label>
      <div className={cn(horizontal && "col-start-1 row-start-1 flex h-5 items-center")}>{control}</div>
      {description ? (
        <FieldDescription id={descriptionId} className={cn(horizontal && "col-start-2")}>
          {description}
        </FieldDescription>
      ) : null}
      {hasError ? (
        <FieldError id={errorId} className={cn(horizontal && "col-start-2")}>
          {errorContent}
        </FieldError>
      ) : null}
    </div>
  );
}

export function FieldDescription({ className, ...props }: React.ComponentProps<"p">) {
  return <p data-slot="field-description" className={cn("text-[0.8125rem] leading-snug text-muted-foreground", className)} {...props} />;
}

export function FieldError({ className, children, ...props }: React.ComponentProps<"p">) {
  if (children === undefined || children === null || children === false || children === "") return null;
  return (
    <p
      data-slot="field-error"
      className={cn("flex items-start gap-1.5 text-[0.8125rem] font-medium leading-snug text-destructive", className)}
      {...props}
    >
      <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
