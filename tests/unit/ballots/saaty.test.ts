import { describe, expect, it } from "vitest";
import {
  SAATY_STEPS,
  inconsistentJudgmentInWords,
  nearestSaatyStep,
  ratioInWords,
  saatyStepByKey,
  saatyStepLabel,
} from "@/lib/ballots/saaty";

describe("Saaty's scale as the ballot offers it", () => {
  it("runs from a 9× through equal to b 9×, every value a reciprocal of its mirror", () => {
    expect(SAATY_STEPS.map((s) => s.key)).toEqual([
      "9",
      "8",
      "7",
      "6",
      "5",
      "4",
      "3",
      "2",
      "1",
      "1/2",
      "1/3",
      "1/4",
      "1/5",
      "1/6",
      "1/7",
      "1/8",
      "1/9",
    ]);
    SAATY_STEPS.forEach((step, k) => expect(step.value * SAATY_STEPS[SAATY_STEPS.length - 1 - k].value).toBeCloseTo(1, 12));
  });

  it("labels each step with the criterion that matters more", () => {
    const label = (key: string) => saatyStepLabel(saatyStepByKey(key)!, "Built-in security", "Admin interface");
    expect(label("9")).toBe("Built-in security: 9× (extremely more)");
    expect(label("4")).toBe("Built-in security: 4×");
    expect(label("1")).toBe("equal");
    expect(label("1/3")).toBe("Admin interface: 3× (moderately more)");
    expect(label("1/9")).toBe("Admin interface: 9× (extremely more)");
  });

  it("maps any value in 1/9..9 to the nearest step on the log scale, and each step's value to itself", () => {
    for (const step of SAATY_STEPS) expect(nearestSaatyStep(step.value)).toEqual(step);
    expect(nearestSaatyStep(0.34).key).toBe("1/3");
    expect(nearestSaatyStep(2.4).key).toBe("2");
    expect(nearestSaatyStep(1.05).key).toBe("1");
  });
});

describe("judgments in words", () => {
  it("says which criterion matters more and by how much", () => {
    expect(ratioInWords(3, "A", "B")).toBe("A matters 3× more than B");
    expect(ratioInWords(1 / 4, "A", "B")).toBe("B matters 4× more than A");
    expect(ratioInWords(1.02, "A", "B", true)).toBe("A and B matter about equally");
    expect(ratioInWords(2.345, "A", "B", true)).toBe("A matters about 2.3× more than B");
  });

  it("sets what was said against what the other answers imply", () => {
    expect(inconsistentJudgmentInWords({ value: 9, implied: 1 / 2 }, "A", "B")).toBe(
      "You said A matters 9× more than B, but your other answers imply B matters about 2× more than A.",
    );
  });
});
