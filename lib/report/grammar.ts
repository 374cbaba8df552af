/** "Django's", but "Built-in features'" and "Rails'": a name ending in s takes the apostrophe alone. */
export function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name}’` : `${name}’s`;
}
