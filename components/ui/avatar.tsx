import * as React from "react";

import { cn } from "@/lib/utils";

/** Up to two initials from a display name or e-mail ("Ada Lovelace" -> "AL", "bob@x.io" -> "BO"). */
export function getInitials(name: string | null | undefined): string {
  const source = (name ?? "").trim().replace(/@.*$/, "");
  if (!source) return "?";
  const words = source.split(/[\s._-]+/).filter(Boolean);
  if (words.length >= 2) {
    return (Array.from(words[0])[0] + Array.from(words[words.length - 1])[0]).toUpperCase();
  }
  return Array.from(words[0] ?? source)
    .slice(0, 2)
    .join("")
    .toUpperCase();
}

// Background/foreground pairs that all pass WCAG AA with white text.
const PALETTE = [
  "bg-indigo-600",
  "bg-violet-600",
  "bg-sky-700",
  "bg-teal-700",
  "bg-emerald-700",
  "bg-amber-700",
  "bg-rose-700",
  "bg-fuchsia-700",
  "bg-slate-600",
] as const;

function hash(value: string): number {
  let h = 0;
  for (let i = 0; i < value.length; i++) h = (h * 31 + value.charCodeAt(i)) | 0;
  return Math.abs(h);
}

const SIZES = {
  xs: "size-6 text-[0.625rem]",
  sm: "size-7 text-[0.6875rem]",
  default: "size-9 text-xs",
  lg: "size-12 text-base",
} as const;

export type AvatarProps = Omit<React.ComponentProps<"span">, "children"> & {
  /** Person's display name (or e-mail); used for initials, colour and the accessible name. */
  name: string | null | undefined;
  size?: keyof typeof SIZES;
  /** Stable key for the colour (e.g. user id); defaults to name. */
  colorKey?: string;
  /** Hide from assistive tech when the name is already shown next to the avatar. */
  decorative?: boolean;
};

export function Avatar({ name, size = "default", colorKey, decorative = false, className, ...props }: AvatarProps) {
  const label = name?.trim() || "Unknown user";
  const color = PALETTE[hash(colorKey ?? label) % PALETTE.length];
  return (
    <span
      data-slot="avatar"
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative ? true : undefined}
      title={decorative ? undefined : label}
      className={cn(
        "inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold uppercase leading-none text-white ring-2 ring-card",
        color,
        SIZES[size],
        className,
      )}
      {...props}
    >
      {getInitials(name)}
    </span>
  );
}
