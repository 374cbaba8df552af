// User text (titles, names, rationales, quotes) is plain text, not Markdown: these helpers make it
// render literally on GitHub, so nobody's text can inject HTML, links, tables or formatting.

/**
 * One line of text inside a Markdown line (a bullet, a heading, a table cell). Newlines collapse
 * to spaces; Markdown's inline punctuation (emphasis, code, links, tables, strikethrough, GitHub's
 * $math$) is backslash-escaped, and so is whatever could start HTML: a "<" (tags, comments,
 * autolinks) and an "&" that would begin an entity. Backslash escapes, not HTML entities: the file
 * is read as plain text in editors and diffs too, where "&amp;" is noise; "Admin & ORM" stays as is.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]|~$<]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[0-9a-z]+;)/gi, "\\&");
}

/** A table cell: inline text (pipes are escaped there too), never empty so the row keeps its shape. */
export function escapeTableCell(text: string): string {
  return escapeInline(text) || " ";
}

/**
 * Free text as Markdown paragraphs: blank lines still separate paragraphs, every line is escaped
 * as inline text, and a line that would start a block (heading, quote, list, rule, code) has that
 * marker escaped.
 */
export function escapeParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => escapeBlockStart(escapeInline(line)))
        .filter(Boolean)
        .join("\n"),
    )
    .filter(Boolean)
    .join("\n\n");
}

function escapeBlockStart(line: string): string {
  return line.replace(/^([#+\-=>]|\d+(?=[.)]))/, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}
