import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every change to an evaluation goes through withEvaluation (lib/domain/evaluation-access.ts), which
// authorizes, locks the evaluation and checks its status inside the transaction that acts. This test
// reads lib/domain and fails when a function opens its own transaction or writes an evaluation's
// rows directly, unless it is listed below as acting on something other than an existing evaluation.

const DOMAIN = path.resolve("lib/domain");

/** Functions that may open a transaction themselves: they create evaluations or act on teams and accounts. */
const OWN_TRANSACTIONS = new Set([
  "evaluation-access.ts:withEvaluation",
  "evaluations.ts:createEvaluation",
  "import-record.ts:importDecisionRecord",
  "teams.ts:createTeam",
  "teams.ts:changeRole",
  "teams.ts:removeMember",
  "teams.ts:leaveTeam",
  "invitations.ts:createInvitation",
  "invitations.ts:joinThrough",
  "invitations.ts:resendInvitation",
  "invitations.ts:revokeInvitation",
  "password-reset.ts:requestPasswordReset",
  "password-reset.ts:resetPassword",
  // leaves every team like removeMember (withdrawing counting ballots under each evaluation's lock)
  "users.ts:deleteAccount",
  "demo.ts:seedDemo",
  // account-level writes: no evaluation row is touched
  "users.ts:signUp",
  "users.ts:endAllSessions",
  "users.ts:changePassword",
  "sessions.ts:startSession",
  "email-verification.ts:resendVerification",
  "email-verification.ts:requestEmailChange",
  "email-verification.ts:verifyEmail",
  "digest.ts:sendDigest",
  // team-level writes, owner-only, the role re-checked inside the transaction; deleting a team
  // takes its evaluations with it (cascade), whatever their state
  "teams.ts:renameTeam",
  "teams.ts:deleteTeam",
  // claims a round's reminder with a conditional update of the evaluation (its own lock: exactly
  // one instance sends it) and writes only notifications
  "reminders.ts:remind",
  // the sign-in and mail throttles' counters: no evaluation row is touched
  "throttle.ts:reserveInBuckets",
  "throttle.ts:releaseSignInCheck",
]);

const EVALUATION_MODELS = [
  "evaluation",
  "option",
  "criterion",
  "rating",
  "ballot",
  "ballotRevision",
  "comment",
  "decisionSnapshot",
  "scenario",
];
const WRITES = /^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)$/;

interface Finding {
  where: string;
  what: string;
}

function enclosingFunction(node: ts.Node): string {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) && n.name) return n.name.text;
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.initializer &&
      (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
    ) {
      return n.name.text;
    }
  }
  return "(module)";
}

function findings(file: string, text = readFileSync(path.join(DOMAIN, file), "utf8")): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression;
      const where = `${file}:${enclosingFunction(node)}`;
      if (callee.name.text === "$transaction" && !OWN_TRANSACTIONS.has(where)) found.push({ where, what: "opens its own transaction" });
      // db.<model>.<write>(…): an evaluation's rows written outside any transaction and lock.
      if (
        WRITES.test(callee.name.text) &&
        ts.isPropertyAccessExpression(callee.expression) &&
        EVALUATION_MODELS.includes(callee.expression.name.text) &&
        callee.expression.expression.getText(source) === "db"
      ) {
        found.push({ where, what: `writes db.${callee.expression.name.text} without the evaluation's lock` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("evaluation writes", () => {
  it("all go through withEvaluation", () => {
    const files = readdirSync(DOMAIN).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap((file) => findings(file))).toEqual([]);
  });

  it("would notice a domain function that bypasses it", () => {
    const sneaky = "export async function sneaky() { await db.$transaction(async () => {}); await db.ballot.create({ data: {} }); }";
    expect(findings("ballots.ts", sneaky)).toEqual([
      { where: "ballots.ts:sneaky", what: "opens its own transaction" },
      { where: "ballots.ts:sneaky", what: "writes db.ballot without the evaluation's lock" },
    ]);
  });
});
