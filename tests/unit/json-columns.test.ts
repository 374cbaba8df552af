import { describe, expect, it } from "vitest";
import {
  readAuditDetail,
  readBallotPayload,
  readCriterionWeights,
  readMentionIds,
  readNotificationPrefs,
  readRatingCitations,
  readSuggestedWeights,
  StoredJsonError,
} from "@/lib/json-columns";
import { suggestWeights } from "@/lib/catalog";

describe("the JSON columns' readers", () => {
  it("read what the app writes", () => {
    expect(readRatingCitations(JSON.stringify([{ source: "001_a.txt", quote: "Flask is a microframework" }]))).toEqual([
      { source: "001_a.txt", quote: "Flask is a microframework" },
    ]);
    expect(readBallotPayload(JSON.stringify({ weights: { security: 60 } }))).toEqual({ weights: { security: 60 } });
    expect(readMentionIds('["u1","u2"]')).toEqual(["u1", "u2"]);
    expect(readAuditDetail('{"round":2}')).toEqual({ round: 2 });
  });

  it("read back the suggestion createEvaluation stores from a project profile", () => {
    const suggestion = suggestWeights({ projectSize: "medium", timeline: "tight", teamExperience: "beginner", teamSize: 4, needs: [] });
    expect(readSuggestedWeights(JSON.stringify(suggestion))).toEqual(suggestion);
    expect(() => readSuggestedWeights(JSON.stringify(suggestion.weights))).toThrow(/Evaluation\.suggestedWeights/);
  });

  it("name the column when a row is not JSON or not of its shape", () => {
    expect(() => readRatingCitations("not json")).toThrow(StoredJsonError);
    expect(() => readRatingCitations("not json")).toThrow(/Rating\.citations is not valid JSON/);
    expect(() => readRatingCitations('[{"source":"x"}]')).toThrow(/Rating\.citations does not have its shape/);
    expect(() => readMentionIds('{"id":"u1"}')).toThrow(/Comment\.mentions/);
    expect(() => readCriterionWeights('{"security":"high"}')).toThrow(/criterion weights/);
  });

  it("keep a criterion key such as __proto__ as a key", () => {
    const weights = readCriterionWeights('{"__proto__":40,"security":60}');
    expect(Object.keys(weights)).toEqual(["__proto__", "security"]);
    expect(Object.getPrototypeOf(weights)).toBe(Object.prototype);
  });

  it("fall back to the defaults for unreadable notification preferences, by design", () => {
    expect(readNotificationPrefs("{broken")).toEqual({});
    expect(readNotificationPrefs('{"mention":"email"}')).toEqual({ mention: "email" });
  });
});
