import type { DecisionRecord } from "./record-schema";

export interface Stakeholders {
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
}

/**
 * MADR's stakeholder lists, derived from roles and participation: owners and admins who voted,
 * and whoever recorded the decision, made it; other voters were consulted; everyone else (viewers,
 * members who did not vote) was informed. Each participant appears in exactly one list.
 */
export function madrStakeholders(record: DecisionRecord): Stakeholders {
  const decidedBy = record.decision?.decidedBy;
  const result: Stakeholders = { decisionMakers: [], consulted: [], informed: [] };
  for (const participant of record.participants) {
    const canDecide = participant.role === "owner" || participant.role === "admin";
    if (participant.name === decidedBy || (canDecide && participant.voted)) result.decisionMakers.push(participant.name);
    else if (participant.voted) result.consulted.push(participant.name);
    else result.informed.push(participant.name);
  }
  // Whoever decided may have left the team since; the record still names them.
  if (decidedBy && !result.decisionMakers.includes(decidedBy)) result.decisionMakers.unshift(decidedBy);
  // When no participant voted, the voters are not among the participants (an anonymised record
  // lists none; an imported archive's voters are the record's, not this team's): they were
  // consulted all the same, so the ballots name them.
  if (record.participants.some((p) => p.voted)) return result;
  for (const ballot of record.ballots) {
    const voter = ballot.voter;
    if (ballot.round !== record.evaluation.round || result.decisionMakers.includes(voter) || result.consulted.includes(voter)) continue;
    result.consulted.push(voter);
    // A participant of the same name is that voter: listed once, where they voted.
    result.informed = result.informed.filter((name) => name !== voter);
  }
  return result;
}
