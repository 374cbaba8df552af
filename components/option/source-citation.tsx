import { citationPublisher, citationTitle, sourceHref } from "@/lib/report/source-links";

/**
 * Where a quote comes from: the article's title, linking to its entry on the Sources page (with
 * every rating that cites it), and its publisher when it names one. Never the stored file name.
 */
export function SourceCitation({ source }: { source: string }) {
  const title = citationTitle(source);
  const href = sourceHref(source);
  const publisher = citationPublisher(source);
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
