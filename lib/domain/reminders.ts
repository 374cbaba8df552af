import "server-only";
import { formatUtcDateTime } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { notifyUsers } from "@/lib/domain/notifications";
import { can, type Role } from "@/lib/permissions";

/** How long before the voting deadline members who have not voted are reminded. */
export const REMINDER_BEFORE_MS = 24 * 3_600_000;

/**
 * Reminds, once per round, every member who may vote and has not voted this round that an
 * evaluation's voting closes within 24 hours (`voting_due`, in-app and/or email per preference).
 * Runs on every instance (instrumentation.ts): the round is claimed with a conditional update of
 * `deadlineReminderRound` in the transaction that writes the notifications, so exactly one run
 * sends it, and a run that fails leaves it for the next. Returns how many evaluations it reminded.
 */
export async function sendDeadlineReminders(now = new Date()): Promise<number> {
  const due = await db.evaluation.findMany({
    where: {
      status: "voting",
      archivedAt: null,
      votingDeadline: { gt: now, lte: new Date(now.getTime() + REMINDER_BEFORE_MS) },
    },
    select: { id: true, round: true, deadlineReminderRound: true },
    take: 100,
  });
  let reminded = 0;
  for (const evaluation of due) {
    if (evaluation.deadlineReminderRound !== null && evaluation.deadlineReminderRound >= evaluation.round) continue;
    if (await remind(evaluation.id, now)) reminded += 1;
  }
  return reminded;
}

async function remind(evaluationId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await tx.evaluation.findUnique({
      where: { id: evaluationId },
      select: { round: true, title: true, teamId: true, votingDeadline: true },
    });
    if (!current?.votingDeadline) return false;
    // The claim: only the run whose update matched reminds, and only while the round is still
    // voting with its deadline ahead (a reveal or a moved deadline in between wins).
    const claim = await tx.evaluation.updateMany({
      where: {
        id: evaluationId,
        status: "voting",
        round: current.round,
        votingDeadline: { gt: now, lte: new Date(now.getTime() + REMINDER_BEFORE_MS) },
        OR: [{ deadlineReminderRound: null }, { deadlineReminderRound: { lt: current.round } }],
      },
      data: { deadlineReminderRound: current.round },
    });
    if (claim.count !== 1) return false;
    const memberships = await tx.membership.findMany({ where: { teamId: current.teamId }, select: { userId: true, role: true } });
    const ballots = await tx.ballot.findMany({ where: { evaluationId, round: current.round }, select: { userId: true } });
    const voted = new Set(ballots.map((b) => b.userId));
    const pending = memberships.filter((m) => can(m.role as Role, "ballot:cast") && !voted.has(m.userId)).map((m) => m.userId);
    await notifyUsers(tx, pending, {
      kind: "voting_due",
      title: `Voting on “${current.title}” closes ${formatUtcDateTime(current.votingDeadline)}: you have not voted yet`,
      url: `/evaluations/${evaluationId}`,
      teamId: current.teamId,
      evaluationId,
    });
    return true;
  });
}
