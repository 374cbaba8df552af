import { describe, expect, it } from "vitest";
import { findMentions, mentionedUserIds } from "@/lib/mentions";

const team = [
  { id: "ada", name: "Ada Lovelace" },
  { id: "alan", name: "Alan Turing" },
  { id: "alan2", name: "Alan Kay" },
  { id: "grace", name: "Grace  Hopper" },
];

describe("mentions", () => {
  it("matches full names and unique first names, case-insensitively", () => {
    expect(mentionedUserIds("@ada and @GRACE HOPPER, then @grace again", team)).toEqual(["ada", "grace"]);
  });

  it("needs the full name when a first name is shared", () => {
    expect(mentionedUserIds("@alan?", team)).toEqual([]);
    expect(mentionedUserIds("@Alan Kay!", team)).toEqual(["alan2"]);
  });

  it("ignores e-mail addresses and names that run on into other words", () => {
    expect(mentionedUserIds("mail ada@example.com or @adam", team)).toEqual([]);
  });

  it("gives the span of each mention for highlighting", () => {
    const body = "Hi @Ada Lovelace.";
    const [span] = findMentions(body, team);
    expect(body.slice(span.start, span.end)).toBe("@Ada Lovelace");
    expect(span.userId).toBe("ada");
  });
});
