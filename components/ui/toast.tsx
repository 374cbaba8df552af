"use client";

import * as React from "react";
import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from "lucide-react";

import { cn } from "@/lib/utils";

export type ToastVariant = "default" | "success" | "error" | "warning" | "info";

export type ToastOptions = {
  title?: React.ReactNode;
  description?: React.ReactNode;
  variant?: ToastVariant;
  /** ms before auto-dismiss; 0 or Infinity keeps it until closed. Default 5000 (errors 8000). */
  duration?: number;
  /** Optional single action, e.g. { label: "Undo", onClick }. */
  action?: { label: string; onClick: () => void };
  /** Reuse an id to replace an existing toast (e.g. "saving" -> "saved"). */
  id?: string;
};

export type ToastRecord = Required<Pick<ToastOptions, "variant" | "duration">> &
  Omit<ToastOptions, "variant" | "duration"> & { id: string; createdAt: number };

// ---------------------------------------------------------------- store
type Listener = () => void;

const MAX_TOASTS = 4;
const EMPTY: ToastRecord[] = [];
let toasts: ToastRecord[] = EMPTY;
const listeners = new Set<Listener>();
let counter = 0;

function emit() {
  for (const l of listeners) l();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function getSnapshot() {
  return toasts;
}

function getServerSnapshot() {
  return EMPTY;
}

function add(input: ToastOptions): string {
  const id = input.id ?? `t${++counter}`;
  const variant = input.variant ?? "default";
  const record: ToastRecord = {
    ...input,
    id,
    variant,
    duration: input.duration ?? (variant === "error" ? 8000 : 5000),
    createdAt: Date.now(),
  };
  const without = toasts.filter((t) => t.id !== id);
  toasts = [...without, record].slice(-MAX_TOASTS);
  emit();
  return id;
}

function dismiss(id?: string) {
  toasts = id === undefined ? EMPTY : toasts.filter((t) => t.id !== id);
  emit();
}

type ToastInput = React.ReactNode | ToastOptions;

function normalize(input: ToastInput, extra?: Omit<ToastOptions, "title">): ToastOptions {
  if (input !== null && typeof input === "object" && !React.isValidElement(input) && !Array.isArray(input)) {
    return { ...(input as ToastOptions), ...extra };
  }
  return { title: input as React.ReactNode, ...extra };
}

/**
 * Show a toast from client code (event handlers, effects, after a server action):
 *   toast("Saved");                      toast.success("Decision published");
 *   toast.error("Could not save", { description: err.message });
 *   toast({ title: "Copied", description: "Link copied to clipboard" });
 * Returns the toast id; `toast.dismiss(id)` closes it. Requires <Toaster /> once in the layout.
 */
export const toast = Object.assign(
  (input: ToastInput, options?: Omit<ToastOptions, "title">) => add(normalize(input, options)),
  {
    success: (title: React.ReactNode, options?: Omit<ToastOptions, "title" | "variant">) =>
      add({ ...options, title, variant: "success" }),
    error: (title: React.ReactNode, options?: Omit<ToastOptions, "title" | "variant">) =>
      add({ ...options, title, variant: "error" }),
    warning: (title: React.ReactNode, options?: Omit<ToastOptions, "title" | "variant">) =>
      add({ ...options, title, variant: "warning" }),
    info: (title: React.ReactNode, options?: Omit<ToastOptions, "title" | "variant">) =>
      add({ ...options, title, variant: "info" }),
    dismiss,
  },
);

/** Subscribe to the toast list (rarely needed outside <Toaster />). */
export function useToasts(): ToastRecord[] {
  return React.useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

// ---------------------------------------------------------------- UI
const ICONS = {
  default: null,
  success: CircleCheck,
  error: CircleAlert,
  warning: TriangleAlert,
  info: Info,
} as const;

const ICON_COLOR: Record<ToastVariant, string> = {
  default: "",
  success: "text-success",
  error: "text-destructive",
  warning: "text-warning-foreground dark:text-warning",
  info: "text-info",
};

const ACCENT: Record<ToastVariant, string> = {
  default: "before:bg-primary",
  success: "before:bg-success",
  error: "before:bg-destructive",
  warning: "before:bg-warning",
  info: "before:bg-info",
};

function ToastItem({ t }: { t: ToastRecord }) {
  const [paused, setPaused] = React.useState(false);
  const remaining = React.useRef(t.duration);
  const startedAt = React.useRef(0);

  React.useEffect(() => {
    if (paused || !Number.isFinite(t.duration) || t.duration <= 0) return;
    startedAt.current = Date.now();
    const timer = window.setTimeout(() => dismiss(t.id), Math.max(remaining.current, 0));
    return () => {
      window.clearTimeout(timer);
      remaining.current -= Date.now() - startedAt.current;
    };
  }, [paused, t.id, t.duration]);

  const Icon = ICONS[t.variant];

  return (
    <li
      data-slot="toast"
      data-variant={t.variant}
      aria-atomic="true"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPaused(false);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") dismiss(t.id);
      }}
      className={cn(
        "pointer-events-auto relative flex w-full items-start gap-3 overflow-hidden rounded-lg border border-border bg-popover py-3 pl-4 pr-10 text-sm text-popover-foreground shadow-lg",
        "before:absolute before:inset-y-0 before:left-0 before:w-1",
        ACCENT[t.variant],
        "animate-toast-in",
      )}
    >
      {Icon ? <Icon aria-hidden="true" className={cn("mt-0.5 size-4.5 shrink-0", ICON_COLOR[t.variant])} /> : null}
      <div className="grid min-w-0 flex-1 gap-0.5">
        {t.title ? <div className="font-semibold leading-snug">{t.title}</div> : null}
        {t.description ? <div className="leading-snug text-muted-foreground">{t.description}</div> : null}
        {t.action ? (
          <div className="mt-1.5">
            <button
              type="button"
              onClick={() => {
                t.action?.onClick();
                dismiss(t.id);
              }}
              className="inline-flex h-7 items-center rounded-md border border-input bg-card px-2.5 text-xs font-medium hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            >
              {t.action.label}
            </button>
          </div>
        ) : null}
      </div>
      <button
        type="button"
        onClick={() => dismiss(t.id)}
        className="absolute right-2 top-2 inline-flex size-7 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring"
      >
        <X aria-hidden="true" className="size-4" />
        <span className="sr-only">Dismiss notification</span>
      </button>
    </li>
  );
}

/**
 * Renders toasts. Place once, e.g. at the end of <body> in app/layout.tsx.
 * The region is a polite live region and exists from first render so
 * announcements are reliable.
 */
export function Toaster({
  className,
  label = "Notifications",
}: {
  className?: string;
  label?: string;
}) {
  const items = useToasts();
  return (
    <section
      data-slot="toaster"
      data-print="hide"
      aria-label={label}
      aria-live="polite"
      aria-relevant="additions text"
      className={cn(
        "pointer-events-none fixed inset-x-0 bottom-0 z-[100] flex justify-center p-3 sm:inset-x-auto sm:right-0 sm:justify-end sm:p-5",
        className,
      )}
    >
      <ol className="flex w-full max-w-sm flex-col gap-2">
        {items.map((t) => (
          // Keyed on createdAt too: re-using an id remounts (restarting its timer).
          <ToastItem key={`${t.id}-${t.createdAt}`} t={t} />
        ))}
      </ol>
    </section>
  );
}
