import type { EngineReport } from "@/lib/engine/types";
import { voterKey } from "@/lib/ballots/voter";
import { parseOrThrow } from "@/lib/errors";
import { readAuditDetail, readBallotPayload, readRatingCitations } from "@/lib/json-columns";
import { GENESIS_HASH } from "./ballot-chain";
import { DECISION_RECORD_SCHEMA_VERSION, decisionRecordSchema, type DecisionRecord } from "./record-schema";

// Builds the decision record from rows as the database holds them (JSON columns still as text).
// Pure, so the domain layer only loads rows and calls this, and tests need no database.

/** Rows for one evaluation; field names follow prisma/schema.prisma so Prisma rows fit as they are. */
export interface RecordSource {
  evaluation: {
    id: string;
    title: string;
    problem: string;
    status: string;
    aggregation: string;
    round: number;
    createdAt: Date;
    decidedAt: Date | null;
    decidedOptionId: string | null;
    decisionRationale: string | null;
    decisionOverride: string | null;
    decidedById: string | null;
    /**
     * The decider of an imported archive, by the name its record gave: an import never hands a
     * decision to an account of the importing team. Used when decidedById is null.
     */
    decidedByName?: string | null;
    /** set when the evaluation was imported from a record: that record's sha256, when, by whom (user id) */
    imported?: { sha256: string; at: Date; byId: string | null } | null;
  };
  teamName: string;
  options: { id: string; key: string; name: string; summary: string; position: number }[];
  criteria: { id: string; key: string; name: string; description: string; position: number }[];
  ratings: { optionId: string; criterionId: string; score: number; rationale: string; citations: string }[];
  /**
   * Every round's ballots (Ballot rows): a member's (userId), or an imported one named by the
   * record it came from (userId null, voterName set; see lib/ballots/voter.ts).
   */
  ballots: { userId: string | null; voterName?: string | null; round: number; method: string; payload: string; createdAt: Date }[];
  /** the team's members with their user's name and email */
  members: { userId: string; name: string; email: string; role: string }[];
  /**
   * Other users the audit trail refers to (people who have left the team), so an anonymised record
   * can leave out their names, emails and ids too. Never shown in a named record.
   */
  otherUsers?: { userId: string; name: string; email: string }[];
  auditEntries: { createdAt: Date; actorId: string | null; action: string; detail: string }[];
  revisions: { seq: number; hash: string }[];
  /** the engine's report on the current round's ballots, run with each ballot's voter = voterKey(ballot) */
  report: EngineReport;
  anonymiseBallots: boolean;
  /** the export time: generatedAt while undecided (once decided, the decision time is used) */
  now: Date;
  url?: string;
}

/** Shown for a user who has since left the team. */
const FORMER_MEMBER = "Former member";
const ROLE_ORDER = ["owner", "admin", "member", "viewer"];

export function buildDecisionRecord(source: RecordSource): DecisionRecord {
  const { evaluation } = source;
  const member = new Map(source.members.map((m) => [m.userId, m]));
  const optionKey = new Map(source.options.map((o) => [o.id, o.key]));
  const criterionKey = new Map(source.criteria.map((c) => [c.id, c.key]));
  const people = personLabels(source);
  const byPosition = <T extends { position: number }>(rows: T[]) => [...rows].sort((a, b) => a.position - b.position);
  const optionOrder = new Map(byPosition(source.options).map((o, i) => [o.id, i]));
  const criterionOrder = new Map(byPosition(source.criteria).map((c, i) => [c.id, i]));
  const voters = new Set(source.ballots.filter((b) => b.round === evaluation.round).map((b) => voterKey(b)));
  const decidedAt = evaluation.decidedAt?.toISOString() ?? null;
  const anonymise = source.anonymiseBallots;

  const record = {
    schemaVersion: DECISION_RECORD_SCHEMA_VERSION,
    evaluation: {
      id: evaluation.id,
      title: evaluation.title,
      problem: evaluation.problem,
      status: evaluation.status,
      aggregation: evaluation.aggregation,
      round: evaluation.round,
      createdAt: evaluation.createdAt.toISOString(),
      decidedAt,
      team: source.teamName,
    },
    options: byPosition(source.options).map(({ key, name, summary }) => ({ key, name, summary })),
    criteria: byPosition(source.criteria).map(({ key, name, description }) => ({ key, name, description })),
    ratings: [...source.ratings]
      .sort(
        (a, b) =>
          optionOrder.get(a.optionId)! - optionOrder.get(b.optionId)! ||
          criterionOrder.get(a.criterionId)! - criterionOrder.get(b.criterionId)!,
      )
      .map((rating) => ({
        option: optionKey.get(rating.optionId),
        criterion: criterionKey.get(rating.criterionId),
        score: rating.score,
        rationale: rating.rationale,
        citations: readRatingCitations(rating.citations),
      })),
    ballots: [...source.ballots]
      .sort((a, b) => a.round - b.round || a.createdAt.getTime() - b.createdAt.getTime() || compare(voterKey(a), voterKey(b)))
      .map((ballot) => {
        const payload = readBallotPayload(ballot.payload);
        return {
          voter: people.label(voterKey(ballot)),
          // Only a member's ballot has an email; an imported ballot's voter has no account here.
          email: anonymise || !ballot.userId ? undefined : member.get(ballot.userId)?.email,
          method: ballot.method,
          ...(ballot.method === "pairwise" ? { comparisons: payload.comparisons } : { weights: payload.weights }),
          round: ballot.round,
          castAt: ballot.createdAt.toISOString(),
        };
      }),
    ballotsAnonymised: anonymise,
    // Who was in the team, their roles and who voted identify people even without names.
    participants: anonymise
      ? []
      : [...source.members]
          .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || compare(a.name, b.name) || compare(a.email, b.email))
          .map((m) => ({ name: people.label(m.userId), email: m.email, role: m.role, voted: voters.has(m.userId) })),
    weights: source.report.weights,
    report: { ...source.report, consistency: relabel(source.report.consistency, people.label) },
    decision:
      evaluation.decidedOptionId && decidedAt
        ? {
            option: optionKey.get(evaluation.decidedOptionId),
            rationale: evaluation.decisionRationale ?? "",
            decidedBy: people.label(deciderKey(evaluation)),
            decidedAt,
            overrideReason: evaluation.decisionOverride || undefined,
          }
        : null,
    audit: auditTrail(source, people),
    ballotChain: ballotChain(source.revisions),
    generatedAt: decidedAt ?? source.now.toISOString(),
    url: source.url,
    imported: evaluation.imported
      ? {
          sha256: evaluation.imported.sha256,
          importedAt: evaluation.imported.at.toISOString(),
          importedBy: people.label(evaluation.imported.byId),
        }
      : undefined,
  };
  return parseOrThrow(decisionRecordSchema, record, "decision record");
}

/** The decider as a person key (see voterKey): their user id, or an imported archive's name for them. */
function deciderKey(evaluation: RecordSource["evaluation"]): string | null {
  if (evaluation.decidedById) return evaluation.decidedById;
  return evaluation.decidedByName ? voterKey({ userId: null, voterName: evaluation.decidedByName }) : null;
}

interface PersonLabels {
  /** how the record names a person key (user id, or "record:<name>" for an imported voter) */
  label(key: string | null): string;
  /** an anonymised record's audit detail with every name, email and user id replaced by its label */
  scrub(value: unknown): unknown;
}

/**
 * One label per person, used everywhere the record names someone (ballots, consistency,
 * participants, decision, audit, import), so the same person always reads the same.
 *
 * Named: a member's name, an imported voter's name from the record, or "Former member"; two voters
 * with the same name are told apart as "Name (2)". Anonymised: voters are "Voter 1", "Voter 2", …
 * in the order of their first ballot, and anyone else the record mentions (in the audit trail, as
 * decider or importer) is "Participant 1", "Participant 2", … in the order they first appear.
 * Neither order says more than the record's own timestamps already do.
 */
function personLabels(source: RecordSource): PersonLabels {
  const { evaluation } = source;
  const anonymise = source.anonymiseBallots;
  const names = new Map<string, string>(source.members.map((m) => [m.userId, m.name]));
  for (const ballot of source.ballots) if (!ballot.userId && ballot.voterName) names.set(voterKey(ballot), ballot.voterName);
  if (!evaluation.decidedById && evaluation.decidedByName) names.set(deciderKey(evaluation)!, evaluation.decidedByName);

  const firstBallot = new Map<string, number>();
  for (const ballot of source.ballots) {
    const key = voterKey(ballot);
    const at = ballot.createdAt.getTime();
    firstBallot.set(key, Math.min(at, firstBallot.get(key) ?? at));
  }
  const voterKeys = [...firstBallot.keys()].sort((a, b) => firstBallot.get(a)! - firstBallot.get(b)! || compare(a, b));

  // Everyone else the record may mention, in order of first appearance.
  const known = new Set([...names.keys(), ...(source.otherUsers ?? []).map((u) => u.userId)]);
  const others: string[] = [];
  const meet = (key: string | null | undefined) => {
    if (key && !firstBallot.has(key) && !others.includes(key)) others.push(key);
  };
  const audit = [...source.auditEntries].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const entry of audit) {
    meet(entry.actorId);
    if (anonymise) for (const text of stringsIn(readAuditDetail(entry.detail))) if (known.has(text)) meet(text);
  }
  meet(deciderKey(evaluation));
  meet(evaluation.imported?.byId);

  const labels = new Map<string, string>();
  if (anonymise) {
    voterKeys.forEach((key, i) => labels.set(key, `Voter ${i + 1}`));
    others.forEach((key, i) => labels.set(key, `Participant ${i + 1}`));
  } else {
    // Two voters with one name (two former members, or namesakes) would make their ballots look
    // like one person voting twice, so voters are told apart; anyone else keeps their name.
    const taken = new Map<string, number>();
    for (const key of voterKeys) {
      const name = names.get(key) ?? FORMER_MEMBER;
      const seen = (taken.get(name) ?? 0) + 1;
      taken.set(name, seen);
      labels.set(key, seen === 1 ? name : `${name} (${seen})`);
    }
    for (const key of [...source.members.map((m) => m.userId), ...others])
      if (!labels.has(key)) labels.set(key, names.get(key) ?? FORMER_MEMBER);
  }
  const label = (key: string | null) => (key && labels.get(key)) || FORMER_MEMBER;

  // What an anonymised audit trail must not contain, longest first so a name is not half-replaced.
  const secrets: [string, string][] = [];
  if (anonymise) {
    const add = (text: string | undefined, key: string) => {
      // Two-letter names would match too much ordinary text to be worth replacing.
      if (text && text.length >= 3) secrets.push([text, label(key)]);
    };
    for (const m of source.members) [m.userId, m.name, m.email].forEach((text) => add(text, m.userId));
    for (const u of source.otherUsers ?? []) [u.userId, u.name, u.email].forEach((text) => add(text, u.userId));
    for (const [key, name] of names) if (key.startsWith("record:")) add(name, key);
    secrets.sort((a, b) => b[0].length - a[0].length);
  }
  const scrubText = (text: string) =>
    secrets.reduce(
      (out, [secret, replacement]) =>
        out.toLowerCase().includes(secret.toLowerCase()) ? replaceAllInsensitive(out, secret, replacement) : out,
      text,
    );
  const scrub = (value: unknown): unknown => {
    if (typeof value === "string") return scrubText(value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubText(k), scrub(v)]));
    }
    return value;
  };
  return { label, scrub };
}

/** The audit trail, oldest first, naming actors by their labels; anonymised, details are scrubbed too. */
function auditTrail(source: RecordSource, people: PersonLabels) {
  return [...source.auditEntries]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((entry) => {
      const detail = readAuditDetail(entry.detail);
      return {
        at: entry.createdAt.toISOString(),
        actor: entry.actorId === null ? null : people.label(entry.actorId),
        action: entry.action,
        detail: source.anonymiseBallots ? people.scrub(detail) : detail,
      };
    });
}

function ballotChain(revisions: { seq: number; hash: string }[]) {
  const last = [...revisions].sort((a, b) => a.seq - b.seq).at(-1);
  return { length: revisions.length, headHash: last?.hash ?? GENESIS_HASH };
}

function relabel(byVoter: Record<string, number>, label: (key: string) => string): Record<string, number> {
  return Object.fromEntries(Object.entries(byVoter).map(([voter, value]) => [label(voter), value]));
}

/** Every string in a parsed JSON value (keys included). */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

/**
 * Replaces `secret` wherever it stands as a whole word (not inside a longer word: a member called
 * "Ada" leaves "Adapter" alone), ignoring case.
 */
function replaceAllInsensitive(text: string, secret: string, replacement: string): string {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), () => replacement);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
