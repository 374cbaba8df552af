/**
 * A person-readable name for the device behind a User-Agent string ("Chrome on Linux"), for the
 * sessions list in Settings. Deliberately simple: a few substring checks in the order that
 * disambiguates them (Edge and Opera say "Chrome", Chrome says "Safari"), not a full parser.
 */
export function describeUserAgent(userAgent: string): string {
  const ua = userAgent ?? "";
  if (!ua.trim()) return "Unknown device";
  const browser = [
    [/Edg(e|A|iOS)?\//, "Edge"],
    [/OPR\/|Opera/, "Opera"],
    [/Firefox\/|FxiOS\//, "Firefox"],
    [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
    [/Safari\//, "Safari"],
    [/curl\//, "curl"],
  ].find(([pattern]) => (pattern as RegExp).test(ua))?.[1] as string | undefined;
  const os = [
    [/iPhone|iPad|iPod/, "iOS"],
    [/Android/, "Android"],
    [/CrOS/, "ChromeOS"],
    [/Windows/, "Windows"],
    [/Mac OS X|Macintosh/, "macOS"],
    [/Linux/, "Linux"],
  ].find(([pattern]) => (pattern as RegExp).test(ua))?.[1] as string | undefined;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? "Unknown device";
}
