import { ExternalLink } from "lucide-react";
import { citationPublisher, citationTitle, sourceHref } from "@/lib/report/source-links";
import type { Citation } from "@/lib/catalog/schema";

/** Only an https address becomes a link: a stored javascript: or data: address is never rendered as one. */
export function safeCitationUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * Where a quote comes from. A built-in article: its title, linking to its entry on the Sources page
 * (with every rating that cites it), and its publisher. A team's own source: the title they gave,
 * linking to its address outside the app. Never the stored file name.
 */
export function SourceCitation({ citation }: { citation: Pick<Citation, "source" | "title" | "url"> }) {
  const external = safeCitationUrl(citation.url);
  if (citation.title) {
    return (
      <cite className="not-italic">
        {external ? (
          <a
            href={external}
            rel="noopener noreferrer nofollow"
            target="_blank"
            className="inline-flex items-center gap-1 font-medium text-primary underline-offset-2 hover:underline"
          >
            {citation.title}
            <ExternalLink className="size-3" aria-hidden />
            <span className="sr-only">(opens another site)</span>
          </a>
        ) : (
          <span className="font-medium">{citation.title}</span>
        )}
        <span className="text-muted-foreground">, cited by the team</span>
      </cite>
    );
  }
  const title = citationTitle(citation.source);
  const href = sourceHref(citation.source);
  const publisher = citationPublisher(citation.source);
  return (
    <cite className="not-italic">
      {href ? (
        <a href={href} className="font-medium text-primary underline-offset-2 hover:underline">
          {title}
        </a>
      ) : (
        <span className="font-medium">{title}</span>
      )}
      {publisher ? <span className="text-muted-foreground">, {publisher}</span> : null}
    </cite>
  );
}
