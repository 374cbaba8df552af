import "server-only";
import { db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { ANY_STATUS, readEvaluation, withEvaluation } from "@/lib/domain/evaluation-access";
import { mentionedUserIds } from "@/lib/mentions";
import { CommentInputSchema, type CommentTargetType } from "@/lib/validation/comment";
import { z } from "zod";

const MentionIdsSchema = z.array(z.string());

export interface CommentNode {
  id: string;
  parentId: string | null;
  targetType: CommentTargetType;
  targetKey: string | null;
  body: string;
  createdAt: string;
  author: { id: string; name: string };
  /** teammates mentioned with @name; a former member still shows by name */
  mentions: { id: string; name: string }[];
  replies: CommentNode[];
}

type Row = {
  id: string;
  parentId: string | null;
  targetType: string;
  targetKey: string | null;
  body: string;
  mentions: string;
  createdAt: Date;
  author: { id: string; name: string };
};

function toNode(row: Row, names: Map<string, string>): CommentNode {
  return {
    id: row.id,
    parentId: row.parentId,
    targetType: row.targetType as CommentTargetType,
    targetKey: row.targetKey,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    mentions: MentionIdsSchema.parse(JSON.parse(row.mentions)).flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
    replies: [],
  };
}

const AUTHOR = { author: { select: { id: true, name: true } } } as const;

/**
 * Adds a comment on the evaluation, one of its criteria or options, or a reply in a thread.
 * @mentions resolve to team members; the comment, the live revision bump and the audit entry
 * land in one transaction.
 */
export async function addComment(actor: Actor, evaluationId: string, input: unknown): Promise<CommentNode> {
  const data = parseOrThrow(CommentInputSchema, input, "comment");
  return withEvaluation(actor, evaluationId, "comment:write", ANY_STATUS, async ({ tx, audit }) => {
    const evaluation = await tx.evaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      select: {
        options: { select: { key: true } },
        criteria: { select: { key: true } },
        team: { select: { memberships: { select: { user: { select: { id: true, name: true } } } } } },
      },
    });
    let target: { targetType: CommentTargetType; targetKey: string | null };
    if (data.parentId) {
      const parent = await tx.comment.findFirst({ where: { id: data.parentId, evaluationId }, select: { targetType: true, targetKey: true } });
      if (!parent) throw new AppError("not_found", "The comment you are replying to is not part of this evaluation.");
      target = { targetType: parent.targetType as CommentTargetType, targetKey: parent.targetKey };
    } else if (data.targetType === "evaluation") {
      target = { targetType: "evaluation", targetKey: null };
    } else {
      const keys = (data.targetType === "option" ? evaluation.options : evaluation.criteria).map((item) => item.key);
      if (!keys.includes(data.targetKey!)) {
        throw new AppError("invalid", `There is no ${data.targetType} "${data.targetKey}" in this evaluation.`, {
          targetKey: `Unknown ${data.targetType}`,
        });
      }
      target = { targetType: data.targetType, targetKey: data.targetKey! };
    }
    const members = evaluation.team.memberships.map((m) => m.user);
    const mentions = mentionedUserIds(data.body, members);
    const created = await tx.comment.create({
      data: { evaluationId, authorId: actor.userId, parentId: data.parentId ?? null, ...target, body: data.body, mentions: JSON.stringify(mentions) },
      include: AUTHOR,
    });
    await audit("comment.added", { commentId: created.id, parentId: created.parentId, ...target, mentions });
    return toNode(created, new Map(members.map((m) => [m.id, m.name])));
  });
}

/** The evaluation's comments as threads (oldest first at every level), for any member. */
export async function listComments(actor: Actor, evaluationId: string): Promise<CommentNode[]> {
  await readEvaluation(actor, evaluationId, "team:read");
  const rows = await db.comment.findMany({ where: { evaluationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: AUTHOR });
  const mentioned = [...new Set(rows.flatMap((r) => MentionIdsSchema.parse(JSON.parse(r.mentions))))];
  const users = mentioned.length ? await db.user.findMany({ where: { id: { in: mentioned } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const nodes = new Map(rows.map((row) => [row.id, toNode(row, names)]));
  const roots: CommentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}
