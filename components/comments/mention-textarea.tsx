"use client";

import { useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Textarea, type TextareaProps } from "@/components/ui/textarea";
import { Avatar } from "@/components/ui/avatar";
import { queryKeys } from "@/lib/api/query-keys";
import { mentionAtCaret, mentionText, suggestMentions, type Mentionable } from "@/lib/mentions";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import { cn } from "@/lib/utils";

interface MentionTextareaProps extends Omit<TextareaProps, "value" | "onChange"> {
  evaluationId: string;
  value: string;
  onValueChange: (value: string) => void;
}

interface Open {
  start: number;
  query: string;
  items: Mentionable[];
}

/**
 * A textarea that suggests teammates after "@" (the ARIA autocomplete pattern: the field keeps
 * focus, owns a listbox and names its active option with aria-activedescendant):
 * ArrowDown/ArrowUp move, Enter or Tab insert the name in the form lib/mentions.ts resolves,
 * Escape closes the list. The team's members come from the evaluation view the page already holds.
 * Keys it does not use (Ctrl+Enter to send, Escape with the list closed) reach `onKeyDown`.
 */
export function MentionTextarea({ evaluationId, value, onValueChange, onKeyDown, className, ...props }: MentionTextareaProps) {
  const queryClient = useQueryClient();
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [open, setOpen] = useState<Open | null>(null);
  const [active, setActive] = useState(0);

  const members = (): Mentionable[] =>
    (queryClient.getQueryData<EvaluationView>(queryKeys.evaluation(evaluationId))?.members ?? []).map((m) => ({ id: m.id, name: m.name }));

  const refresh = (text: string, caret: number) => {
    const at = mentionAtCaret(text, caret);
    const items = at ? suggestMentions(at.query, members()) : [];
    if (!at || items.length === 0) {
      setOpen(null);
      return;
    }
    setOpen((previous) => {
      if (!previous || previous.start !== at.start || previous.query !== at.query) setActive(0);
      return { ...at, items };
    });
  };

  const pick = (member: Mentionable) => {
    if (!open) return;
    const textarea = ref.current;
    const caret = textarea?.selectionStart ?? open.start + 1 + open.query.length;
    const inserted = `${mentionText(member.name)} `;
    const next = value.slice(0, open.start) + inserted + value.slice(caret);
    onValueChange(next);
    setOpen(null);
    const position = open.start + inserted.length;
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(position, position);
    });
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div className="relative">
      <Textarea
        {...props}
        ref={ref}
        value={value}
        className={className}
        // A multi-line field stays a textbox (a combobox role would announce it as one-line); it
        // owns the popup listbox through aria-controls and points at the active option.
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        onChange={(e) => {
          onValueChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onClick={(e) => refresh(value, e.currentTarget.selectionStart ?? value.length)}
        onBlur={() => setOpen(null)}
        onKeyDown={(e) => {
          if (open) {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              const step = e.key === "ArrowDown" ? 1 : -1;
              setActive((i) => (i + step + open.items.length) % open.items.length);
              return;
            }
            if ((e.key === "Enter" && !e.ctrlKey && !e.metaKey && !e.shiftKey) || (e.key === "Tab" && !e.shiftKey)) {
              e.preventDefault();
              pick(open.items[Math.min(active, open.items.length - 1)]);
              return;
            }
            if (e.key === "Escape") {
              // Closes the list only; a second Escape reaches the composer (cancel a reply).
              e.preventDefault();
              e.stopPropagation();
              setOpen(null);
              return;
            }
          }
          onKeyDown?.(e);
        }}
        onKeyUp={(e) => {
          // The caret moved without typing (arrows with the list closed, Home, End).
          if (!open && (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "Home" || e.key === "End")) {
            refresh(value, e.currentTarget.selectionStart ?? value.length);
          }
        }}
      />
      <span className="sr-only" role="status" aria-live="polite">
        {open ? `${open.items.length} teammate${open.items.length === 1 ? "" : "s"} to mention; arrow keys to choose, Enter to insert` : ""}
      </span>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Teammates to mention"
          data-testid="mention-suggestions"
          className="absolute left-0 right-0 top-full z-20 mt-1 grid max-h-60 overflow-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md sm:right-auto sm:min-w-64"
        >
          {open.items.map((member, index) => (
            <li
              key={member.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm",
                index === active ? "bg-accent text-accent-foreground" : "hover:bg-accent/60",
              )}
              // mousedown, not click: the textarea keeps its focus and caret.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(member);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <Avatar name={member.name} size="sm" />
              <span className="truncate">{member.name}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
