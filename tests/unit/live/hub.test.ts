import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ChangeHub, parseChange } from "@/lib/live/hub";
import { copyOrder } from "@/cli/commands/copy-database";

describe("change hub", () => {
  it("delivers a change to every stream of its evaluation only, and forgets closed streams", () => {
    const hub = new ChangeHub();
    const seen: string[] = [];
    const offA = hub.subscribe("a", (r) => seen.push(`a1:${r}`));
    hub.subscribe("a", (r) => seen.push(`a2:${r}`));
    hub.subscribe("b", (r) => seen.push(`b:${r}`));
    hub.deliver("a", 3);
    offA();
    hub.deliver("a", 4);
    expect(seen).toEqual(["a1:3", "a2:3", "a2:4"]);
    expect(hub.size()).toBe(2);
    expect(hub.watched().sort()).toEqual(["a", "b"]);
  });

  it("parses exactly the payloads publish.ts sends", () => {
    expect(parseChange("cmx43taxf002znt7d4sgvr3g8:17")).toEqual({ evaluationId: "cmx43taxf002znt7d4sgvr3g8", revision: 17 });
    for (const bad of [undefined, "", "x", "id:", ":3", "a:b", "a:1:2", "a b:1"]) expect(parseChange(bad)).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,30}$/), fc.nat(), (id, revision) => {
        expect(parseChange(`${id}:${revision}`)).toEqual({ evaluationId: id, revision });
      }),
    );
  });
});

describe("copy-database order", () => {
  it("puts parents first and defers self references and nullable references that close a cycle", () => {
    const { order, deferred } = copyOrder([
      {
        model: "Comment",
        primaryKey: ["id"],
        references: [
          { column: "evaluationId", table: "Evaluation", nullable: false },
          { column: "parentId", table: "Comment", nullable: true },
        ],
      },
      { model: "Option", primaryKey: ["id"], references: [{ column: "evaluationId", table: "Evaluation", nullable: false }] },
      {
        model: "Evaluation",
        primaryKey: ["id"],
        references: [
          { column: "teamId", table: "Team", nullable: false },
          { column: "decidedOptionId", table: "Option", nullable: true },
          { column: "supersededById", table: "Evaluation", nullable: true },
        ],
      },
      { model: "Team", primaryKey: ["id"], references: [] },
    ]);
    expect(order.indexOf("Team")).toBeLessThan(order.indexOf("Evaluation"));
    expect(order.indexOf("Evaluation")).toBeLessThan(order.indexOf("Option"));
    expect(order.indexOf("Evaluation")).toBeLessThan(order.indexOf("Comment"));
    expect(deferred.get("Comment")).toEqual(["parentId"]);
    expect(deferred.get("Evaluation")?.sort()).toEqual(["decidedOptionId", "supersededById"]);
  });

  it("refuses a cycle of required references", () => {
    expect(() =>
      copyOrder([
        { model: "A", primaryKey: ["id"], references: [{ column: "b", table: "B", nullable: false }] },
        { model: "B", primaryKey: ["id"], references: [{ column: "a", table: "A", nullable: false }] },
      ]),
    ).toThrow(/cycle/);
  });
});
