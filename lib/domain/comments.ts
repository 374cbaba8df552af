import "server-only";
import { readMentionIds } from "@/lib/json-columns";
import { db, type Tx } from "@/lib/db/client";
import { notifyUsers } from "@/lib/domain/notifications";
import { deliverOutbox } from "@/lib/mail/outbox";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { ANY_STATUS, readEvaluation, withEvaluation } from "@/lib/domain/evaluation-access";
import { mentionedUserIds } from "@/lib/mentions";
import { CommentEditSchema, CommentInputSchema, type CommentTargetType } from "@/lib/validation/comment";
import { can, type Role } from "@/lib/permissions";

export interface CommentNode {
  id: string;
  parentId: string | null;
  targetType: CommentTargetType;
  targetKey: string | null;
  body: string;
  createdAt: string;
  /** set when the author changed the text after posting */
  editedAt: string | null;
  /** a deleted comment keeps its place (its replies stay) with an empty body */
  deleted: boolean;
  /** what the reader may do with it: edit (its author) and delete (its author, or an owner or admin) */
  canEdit: boolean;
  canDelete: boolean;
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
  editedAt: Date | null;
  deletedAt: Date | null;
  author: { id: string; name: string };
};

interface Reader {
  userId: string;
  role: Role;
}

function toNode(row: Row, names: Map<string, string>, reader: Reader): CommentNode {
  const own = row.author.id === reader.userId && can(reader.role, "comment:write");
  return {
    id: row.id,
    parentId: row.parentId,
    targetType: row.targetType as CommentTargetType,
    targetKey: row.targetKey,
    body: row.deletedAt ? "" : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: !!row.deletedAt,
    canEdit: !row.deletedAt && own,
    canDelete: !row.deletedAt && (own || can(reader.role, "members:manage")),
    author: row.author,
    mentions: row.deletedAt ? [] : readMentionIds(row.mentions).flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
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
  const node = await withEvaluation(actor, evaluationId, "comment:write", ANY_STATUS, async (scope) => {
    const { tx, audit } = scope;
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
      const parent = await tx.comment.findFirst({
        where: { id: data.parentId, evaluationId },
        select: { targetType: true, targetKey: true },
      });
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
      data: {
        evaluationId,
        authorId: actor.userId,
        parentId: data.parentId ?? null,
        ...target,
        body: data.body,
        mentions: JSON.stringify(mentions),
      },
      include: AUTHOR,
    });
    await audit("comment.added", { commentId: created.id, parentId: created.parentId, ...target, mentions });
    await notifyAboutComment(tx, {
      evaluationId,
      teamId: scope.teamId,
      actorId: actor.userId,
      authorName: created.author.name,
      commentId: created.id,
      parentId: created.parentId,
      mentions,
    });
    return toNode(created, new Map(members.map((m) => [m.id, m.name])), { userId: actor.userId, role: scope.role });
  });
  void deliverOutbox();
  return node;
}

async function findLiveComment(tx: Tx, evaluationId: string, commentId: string) {
  const comment = await tx.comment.findFirst({ where: { id: commentId, evaluationId, deletedAt: null } });
  if (!comment) throw new AppError("not_found", "That comment does not exist or was deleted.");
  return comment;
}

/**
 * Changes the text of one's own comment; it is shown as edited, and the audit log keeps the text
 * it had. Only the author may edit (an admin may delete, never put words in someone's mouth).
 */
export async function editComment(actor: Actor, evaluationId: string, commentId: string, input: unknown): Promise<CommentNode> {
  const data = parseOrThrow(CommentEditSchema, input, "comment");
  return withEvaluation(actor, evaluationId, "comment:write", ANY_STATUS, async ({ tx, audit, role }) => {
    const comment = await findLiveComment(tx, evaluationId, commentId);
    if (comment.authorId !== actor.userId) throw new AppError("forbidden", "Only the author can edit a comment.");
    const evaluation = await tx.evaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      select: { team: { select: { memberships: { select: { user: { select: { id: true, name: true } } } } } } },
    });
    const members = evaluation.team.memberships.map((m) => m.user);
    const mentions = mentionedUserIds(data.body, members);
    const updated = await tx.comment.update({
      where: { id: commentId },
      data: { body: data.body, mentions: JSON.stringify(mentions), editedAt: new Date() },
      include: AUTHOR,
    });
    await audit("comment.edited", { commentId, previousBody: comment.body });
    return toNode(updated, new Map(members.map((m) => [m.id, m.name])), { userId: actor.userId, role });
  });
}

/**
 * Deletes a comment: by its author, or by a team owner or admin (moderation). The row stays so the
 * thread's replies keep their place; its text is kept only in the audit entry.
 */
export async function deleteComment(actor: Actor, evaluationId: string, commentId: string): Promise<void> {
  await withEvaluation(actor, evaluationId, "team:read", ANY_STATUS, async ({ tx, audit, role }) => {
    const comment = await findLiveComment(tx, evaluationId, commentId);
    const own = comment.authorId === actor.userId && can(role, "comment:write");
    if (!own && !can(role, "members:manage"))
      throw new AppError("forbidden", "Only the author or a team owner or admin can delete a comment.");
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
    await audit("comment.deleted", { commentId, by: own ? "author" : "moderator", previousBody: comment.body });
  });
}

/** Mentioned members hear about it, and so does the author of the comment replied to (once each). */
async function notifyAboutComment(
  tx: Tx,
  c: {
    evaluationId: string;
    teamId: string;
    actorId: string;
    authorName: string;
    commentId: string;
    parentId: string | null;
    mentions: string[];
  },
) {
  const { title } = await tx.evaluation.findUniqueOrThrow({ where: { id: c.evaluationId }, select: { title: true } });
  const url = `/evaluations/${c.evaluationId}#comment-${c.commentId}`;
  const base = { url, teamId: c.teamId, evaluationId: c.evaluationId, actorId: c.actorId };
  await notifyUsers(tx, c.mentions, { ...base, kind: "mention", title: `${c.authorName} mentioned you on “${title}”` });
  if (c.parentId) {
    const parent = await tx.comment.findUniqueOrThrow({ where: { id: c.parentId }, select: { authorId: true } });
    if (!c.mentions.includes(parent.authorId)) {
      await notifyUsers(tx, [parent.authorId], { ...base, kind: "reply", title: `${c.authorName} replied to your comment on “${title}”` });
    }
  }
}

/** The evaluation's comments as threads (oldest first at every level), for any member. */
export async function listComments(actor: Actor, evaluationId: string): Promise<CommentNode[]> {
  const { role } = await readEvaluation(actor, evaluationId, "team:read");
  const rows = await db.comment.findMany({ where: { evaluationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: AUTHOR });
  const mentioned = [...new Set(rows.flatMap((r) => readMentionIds(r.mentions)))];
  const users = mentioned.length ? await db.user.findMany({ where: { id: { in: mentioned } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const nodes = new Map(rows.map((row) => [row.id, toNode(row, names, { userId: actor.userId, role })]));
  const roots: CommentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}
