import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

// The MADR record as HTML. react-markdown builds React elements from the Markdown syntax tree and,
// without rehype-raw, never renders raw HTML, so text the team typed cannot inject markup; links
// keep only safe protocols (its default urlTransform).

/** MADR starts with YAML front matter (`---` … `---`), which Markdown would show as a rule and text. */
export function splitFrontMatter(markdown: string): { meta: [string, string][]; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) return { meta: [], body: markdown };
  const meta = match[1].split("\n").flatMap((line): [string, string][] => {
    const colon = line.indexOf(":");
    return colon > 0 ? [[line.slice(0, colon).trim(), readYamlValue(line.slice(colon + 1).trim())]] : [];
  });
  return { meta, body: markdown.slice(match[0].length) };
}

/** The front matter's values are JSON-style strings and lists; show them as plain text. */
function readYamlValue(value: string): string {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.join(", ") || "—" : String(parsed);
  } catch {
    return value;
  }
}

const components: Components = {
  h1: (props) => <h1 className="mt-8 text-3xl font-semibold tracking-tight" {...props} />,
  h2: (props) => <h2 className="mt-10 border-b border-border pb-1 text-xl font-semibold" {...props} />,
  h3: (props) => <h3 className="mt-6 text-lg font-semibold" {...props} />,
  p: (props) => <p className="mt-3 leading-7" {...props} />,
  ul: (props) => <ul className="mt-3 list-disc space-y-1.5 pl-6" {...props} />,
  ol: (props) => <ol className="mt-3 list-decimal space-y-1.5 pl-6" {...props} />,
  blockquote: (props) => <blockquote className="mt-2 border-l-2 border-border pl-3 text-sm text-muted-foreground" {...props} />,
  code: (props) => <code className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em] break-all" {...props} />,
  a: (props) => <a className="text-primary underline underline-offset-2" {...props} />,
  table: (props) => (
    <div className="mt-4 overflow-x-auto" data-slot="table-container">
      <table className="w-full border-collapse text-sm" {...props} />
    </div>
  ),
  th: (props) => <th className="border-b border-border px-2 py-1.5 text-left font-semibold" {...(props as ComponentProps<"th">)} />,
  td: (props) => <td className="border-b border-border px-2 py-1.5 tabular-nums" {...(props as ComponentProps<"td">)} />,
};

export function MadrDocument({ markdown }: { markdown: string }) {
  const { meta, body } = splitFrontMatter(markdown);
  return (
    <article className="mx-auto max-w-3xl text-foreground" aria-label="Decision record">
      {meta.length ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-border p-3 text-sm">
          {meta.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-medium capitalize text-muted-foreground">{key.replace(/-/g, " ")}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <Markdown remarkPlugins={[remarkGfm]} components={components}>
        {body}
      </Markdown>
    </article>
  );
}
