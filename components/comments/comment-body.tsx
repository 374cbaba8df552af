import type { ReactNode } from "react";
import { findMentions, type Mentionable } from "@/lib/mentions";

/** A comment's text with the teammates it mentions highlighted. */
export function CommentBody({ body, mentions }: { body: string; mentions: Mentionable[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of findMentions(body, mentions)) {
    if (span.start > at) parts.push(body.slice(at, span.start));
    parts.push(
      <mark key={span.start} className="rounded bg-primary-soft px-0.5 font-medium text-primary">
        {body.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(body.slice(at));
  return <p className="whitespace-pre-line break-words text-sm leading-relaxed">{parts}</p>;
}
