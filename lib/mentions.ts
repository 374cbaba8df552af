// @mentions in comment text: "@Ada Lovelace" or "@ada" (first name, when only one teammate has it),
// case-insensitive. Pure, so the server resolves mentions and the browser highlights them alike.

export interface Mentionable {
  id: string;
  name: string;
}

export interface MentionSpan {
  /** index of the "@" */
  start: number;
  /** index after the name */
  end: number;
  userId: string;
}

/** Every mention in `body`, in order; the longest name wins where several match at one "@". */
export function findMentions(body: string, members: readonly Mentionable[]): MentionSpan[] {
  const candidates = mentionCandidates(members);
  const text = body.toLowerCase();
  const spans: MentionSpan[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at > 0 && isWordChar(text[at - 1])) continue; // an e-mail address, not a mention
    const match = candidates.find(({ handle }) => text.startsWith(handle, at + 1) && !isWordChar(text[at + 1 + handle.length] ?? ""));
    if (!match) continue;
    spans.push({ start: at, end: at + 1 + match.handle.length, userId: match.userId });
    at += match.handle.length;
  }
  return spans;
}

/** Distinct user ids mentioned in `body`, in order of first mention. */
export function mentionedUserIds(body: string, members: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(body, members).map((span) => span.userId))];
}

function mentionCandidates(members: readonly Mentionable[]) {
  const firstNameCount = new Map<string, number>();
  const firstName = (name: string) => name.trim().split(/\s+/)[0].toLowerCase();
  for (const m of members) firstNameCount.set(firstName(m.name), (firstNameCount.get(firstName(m.name)) ?? 0) + 1);
  return members
    .flatMap((m) => {
      const full = m.name.trim().replace(/\s+/g, " ").toLowerCase();
      const first = firstName(m.name);
      const handles = [full];
      if (first !== full && firstNameCount.get(first) === 1) handles.push(first);
      return handles.filter(Boolean).map((handle) => ({ handle, userId: m.id }));
    })
    .sort((a, b) => b.handle.length - a.handle.length);
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}_]/u.test(ch);
}

/** The text that mentions `name` so that findMentions resolves it: "@" and the full name, spaces collapsed. */
export function mentionText(name: string): string {
  return `@${name.trim().replace(/\s+/g, " ")}`;
}

/** The longest partial name the suggestions consider (a longer run of text after "@" is not a mention being typed). */
const MAX_QUERY = 60;

/**
 * The mention being typed at the caret, if any: the "@" that starts it (not part of an e-mail
 * address) and what follows up to the caret. Used by the composer to offer suggestions.
 */
export function mentionAtCaret(body: string, caret: number): { start: number; query: string } | null {
  const before = body.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && isWordChar(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/**
 * Members whose name matches what was typed after "@" (any word of the name starts with it, or the
 * whole name does), names starting with it first; at most `limit`.
 */
export function suggestMentions<M extends Mentionable>(query: string, members: readonly M[], limit = 6): M[] {
  const q = query.trim().replace(/\s+/g, " ").toLowerCase();
  const scored = members.flatMap((m) => {
    const name = m.name.trim().replace(/\s+/g, " ").toLowerCase();
    if (name.startsWith(q)) return [{ m, name, rank: 0 }];
    if (name.split(" ").some((word) => word.startsWith(q))) return [{ m, name, rank: 1 }];
    return [];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.m);
}
