import { describe, expect, it } from "vitest";
import type { DecisionRecord } from "@/lib/export/record-schema";
import { madrStakeholders } from "@/lib/export/stakeholders";
import { decidedRecord } from "./fixtures";

const withParticipants = (participants: DecisionRecord["participants"], decidedBy = "Ada Park"): DecisionRecord => {
  const record = decidedRecord();
  return { ...record, participants, decision: { ...record.decision!, decidedBy } };
};

describe("madrStakeholders", () => {
  it("puts deciders and voting owners or admins first, other voters next, everyone else last", () => {
    const record = withParticipants([
      { name: "Ada Park", role: "owner", voted: false },
      { name: "Olu Ade", role: "owner", voted: false },
      { name: "Grace Okafor", role: "admin", voted: true },
      { name: "Linus Berg", role: "member", voted: true },
      { name: "Bea Novak", role: "member", voted: false },
      { name: "Ken Ito", role: "viewer", voted: false },
    ]);
    expect(madrStakeholders(record)).toEqual({
      decisionMakers: ["Ada Park", "Grace Okafor"],
      consulted: ["Linus Berg"],
      informed: ["Olu Ade", "Bea Novak", "Ken Ito"],
    });
  });

  it("keeps a decider who has left the team among the decision-makers", () => {
    const record = withParticipants([{ name: "Linus Berg", role: "member", voted: true }], "Former member");
    expect(madrStakeholders(record)).toEqual({ decisionMakers: ["Former member"], consulted: ["Linus Berg"], informed: [] });
  });
});
