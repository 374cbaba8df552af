import "server-only";
import { readRatingCitations } from "@/lib/json-columns";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { ANY_STATUS, DRAFT_ONLY, lockEvaluation, readEvaluation, withEvaluation } from "@/lib/domain/evaluation-access";
import { can } from "@/lib/permissions";
import { LIMITS } from "@/lib/limits";
import { recordAudit } from "@/lib/domain/audit";
import { djangoOrFlaskTemplate, suggestWeights } from "@/lib/catalog";
import { ProjectProfileSchema } from "@/lib/catalog/profile";
import type { Citation } from "@/lib/catalog/schema";
import {
  AddCitationSchema,
  AddItemSchema,
  ArchiveSchema,
  RemoveCitationSchema,
  CreateEvaluationSchema,
  RatingSchema,
  RemoveItemSchema,
  RenameItemSchema,
  UpdateEvaluationSchema,
  slugify,
  type EvaluationStatus,
} from "@/lib/validation/evaluation";

const CreateWithProfileSchema = CreateEvaluationSchema.extend({ profile: ProjectProfileSchema.optional() });

export async function createEvaluation(actor: Actor, teamId: string, input: unknown) {
  await requireTeamAccess(actor, teamId, "evaluation:edit");
  const data = parseOrThrow(CreateWithProfileSchema, input, "evaluation");
  const template = data.template === "django-flask" ? djangoOrFlaskTemplate() : null;
  const suggestion = data.profile ? suggestWeights(data.profile) : null;
  return db.$transaction(async (tx) => {
    const evaluation = await tx.evaluation.create({
      data: {
        teamId,
        title: data.title,
        problem: data.problem || template?.problem || "",
        createdById: actor.userId,
        profile: data.profile ? JSON.stringify(data.profile) : null,
        suggestedWeights: suggestion ? JSON.stringify(suggestion) : null,
        visibility: data.visibility,
      },
    });
    if (template) {
      const optionIds = new Map<string, string>();
      const criterionIds = new Map<string, string>();
      for (const [position, o] of template.options.entries()) {
        const row = await tx.option.create({
          data: { evaluationId: evaluation.id, key: o.key, name: o.name, summary: o.summary, position },
        });
        optionIds.set(o.key, row.id);
      }
      for (const [position, c] of template.criteria.entries()) {
        const row = await tx.criterion.create({
          data: { evaluationId: evaluation.id, key: c.key, name: c.name, description: c.description, position },
        });
        criterionIds.set(c.key, row.id);
      }
      await tx.rating.createMany({
        data: Object.entries(template.ratings).flatMap(([optionKey, byCriterion]) =>
          Object.entries(byCriterion).map(([criterionKey, r]) => ({
            evaluationId: evaluation.id,
            optionId: optionIds.get(optionKey)!,
            criterionId: criterionIds.get(criterionKey)!,
            score: r.score,
            rationale: r.rationale,
            citations: JSON.stringify(r.citations),
          })),
        ),
      });
    }
    await recordAudit(tx, {
      teamId,
      evaluationId: evaluation.id,
      actorId: actor.userId,
      action: "evaluation.created",
      detail: { title: data.title, template: data.template, visibility: data.visibility },
    });
    return evaluation;
  });
}

export async function listTeamEvaluations(actor: Actor, teamId: string) {
  await requireTeamAccess(actor, teamId, "team:read");
  const rows = await db.evaluation.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    include: {
      ballots: { select: { userId: true, round: true } },
      _count: { select: { options: true, criteria: true } },
      importedBy: { select: { name: true } },
    },
  });
  return rows.map((e) => ({
    id: e.id,
    title: e.title,
    status: e.status as EvaluationStatus,
    ballots: e.ballots.filter((b) => b.round === e.round).length,
    options: e._count.options,
    criteria: e._count.criteria,
    createdAt: e.createdAt,
    votingDeadline: e.votingDeadline,
    /** set when filed away: the team page lists it under "Archived" */
    archivedAt: e.archivedAt,
    /** the team's decision record number, once decided */
    recordNumber: e.recordNumber,
    // "Imported from a record": its ballots and decision come from a file, not from this team's votes.
    imported: e.importedFromSha256
      ? { sha256: e.importedFromSha256, importedAt: e.importedAt, importedBy: e.importedBy?.name ?? null }
      : null,
  }));
}

export async function updateEvaluationDetails(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(UpdateEvaluationSchema, input, "evaluation");
  await withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    await tx.evaluation.update({
      where: { id: evaluationId },
      data: { title: data.title, problem: data.problem, ...(data.visibility ? { visibility: data.visibility } : {}) },
    });
    await audit("evaluation.updated", data);
  });
}

async function uniqueKey(tx: Tx, kind: ItemKind, evaluationId: string, name: string) {
  const base = slugify(name);
  const taken = new Set((await itemsOf(tx, kind, evaluationId)).map((r) => r.key));
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

type ItemKind = "option" | "criterion";

function itemsOf(tx: Tx, kind: ItemKind, evaluationId: string) {
  const query = { where: { evaluationId }, select: { id: true, key: true, name: true } } as const;
  return kind === "option" ? tx.option.findMany(query) : tx.criterion.findMany(query);
}

/** Two options (or two criteria) with the same name make every table and ballot ambiguous. */
async function refuseDuplicateName(tx: Tx, kind: ItemKind, evaluationId: string, name: string, exceptId?: string) {
  const normalised = name.trim().toLocaleLowerCase();
  const clash = (await itemsOf(tx, kind, evaluationId)).find((r) => r.id !== exceptId && r.name.trim().toLocaleLowerCase() === normalised);
  if (clash) {
    const message = `This evaluation already has ${kind === "option" ? "an option" : "a criterion"} named "${clash.name}".`;
    throw new AppError("invalid", message, { name: message });
  }
}

export async function addItem(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(AddItemSchema, input, itemKindOf(input));
  return withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    await refuseDuplicateName(tx, data.kind, evaluationId, data.name);
    const key = await uniqueKey(tx, data.kind, evaluationId, data.name);
    const position =
      data.kind === "option" ? await tx.option.count({ where: { evaluationId } }) : await tx.criterion.count({ where: { evaluationId } });
    const limit = data.kind === "option" ? LIMITS.optionsPerEvaluation : LIMITS.criteriaPerEvaluation;
    if (position >= limit) {
      const message = `An evaluation has at most ${limit} ${data.kind === "option" ? "options" : "criteria"}.`;
      throw new AppError("invalid", message, { name: message });
    }
    const row =
      data.kind === "option"
        ? await tx.option.create({ data: { evaluationId, key, name: data.name, summary: data.description, position } })
        : await tx.criterion.create({ data: { evaluationId, key, name: data.name, description: data.description, position } });
    await audit(`${data.kind}.added`, { key, name: data.name });
    return row;
  });
}

function itemKindOf(input: unknown) {
  const kind = (input as { kind?: unknown } | null)?.kind;
  return kind === "criterion" ? "criterion" : "option";
}

export async function renameItem(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(RenameItemSchema, input, itemKindOf(input));
  await withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    await refuseDuplicateName(tx, data.kind, evaluationId, data.name, data.id);
    const where = { id: data.id, evaluationId };
    const updated =
      data.kind === "option"
        ? await tx.option.updateMany({ where, data: { name: data.name } })
        : await tx.criterion.updateMany({ where, data: { name: data.name } });
    if (updated.count !== 1) throw new AppError("not_found", `That ${data.kind} is not part of this evaluation.`);
    await audit(`${data.kind}.renamed`, { id: data.id, name: data.name });
  });
}

export async function removeItem(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(RemoveItemSchema, input, itemKindOf(input));
  await withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    const where = { id: data.id, evaluationId };
    const removed = data.kind === "option" ? await tx.option.deleteMany({ where }) : await tx.criterion.deleteMany({ where });
    if (removed.count !== 1) throw new AppError("not_found", `That ${data.kind} is not part of this evaluation.`);
    await audit(`${data.kind}.removed`, { id: data.id });
  });
}

export async function setRating(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(RatingSchema, input, "rating");
  await withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    const option = await tx.option.findFirst({ where: { id: data.optionId, evaluationId }, select: { id: true } });
    const criterion = await tx.criterion.findFirst({ where: { id: data.criterionId, evaluationId }, select: { id: true } });
    if (!option || !criterion) throw new AppError("not_found", "That option or criterion is not part of this evaluation.");
    await tx.rating.upsert({
      where: { optionId_criterionId: { optionId: data.optionId, criterionId: data.criterionId } },
      create: { evaluationId, optionId: data.optionId, criterionId: data.criterionId, score: data.score, rationale: data.rationale ?? "" },
      update: { score: data.score, ...(data.rationale === undefined ? {} : { rationale: data.rationale }) },
    });
    await audit("rating.set", data);
  });
}

/**
 * Archives or restores an evaluation. Archiving is filing: the status, ballots and record stay as
 * they are, and the evaluation leaves the team's active list. An archived evaluation takes no
 * ballots (lib/domain/ballots.ts refuses them with 409), so archiving one that is open for voting
 * pauses its vote until it is restored; the UI asks before doing that.
 */
export async function setEvaluationArchived(actor: Actor, evaluationId: string, input: unknown) {
  const { archived } = parseOrThrow(ArchiveSchema, input, "archive");
  await withEvaluation(actor, evaluationId, "evaluation:archive", ANY_STATUS, async ({ tx, status, audit }) => {
    const current = await tx.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { archivedAt: true } });
    if (archived === (current.archivedAt !== null)) {
      throw new AppError("conflict", archived ? "This evaluation is already archived." : "This evaluation is not archived.");
    }
    await tx.evaluation.update({ where: { id: evaluationId }, data: { archivedAt: archived ? new Date() : null } });
    await audit(archived ? "evaluation.archived" : "evaluation.restored", { status });
  });
}

/**
 * Deletes a draft with everything in it (options, criteria, ratings, comments, scenarios). Owners
 * and admins may delete any draft, its creator their own. The status is checked under the
 * evaluation's write lock, so a draft racing "Open voting" is either deleted before voting opens
 * or refused: a voting evaluation is never deleted. The audit entries stay (their evaluation link
 * becomes empty), with one saying what was deleted.
 */
export async function deleteDraftEvaluation(actor: Actor, evaluationId: string): Promise<{ teamId: string }> {
  const rule = {
    statuses: ["draft"] as const,
    conflict: () => "Only a draft can be deleted. Archive it instead to take it off the team's list.",
  };
  return withEvaluation(actor, evaluationId, "evaluation:edit", rule, async ({ tx, teamId, role, audit }) => {
    const evaluation = await tx.evaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      select: {
        title: true,
        createdById: true,
        supersedes: { select: { id: true } },
        _count: { select: { options: true, criteria: true, comments: true } },
      },
    });
    if (!can(role, "evaluation:archive") && evaluation.createdById !== actor.userId) {
      throw new AppError("forbidden", "Only the draft's creator, an admin or an owner can delete it.");
    }
    await audit("evaluation.deleted", { id: evaluationId, title: evaluation.title, ...evaluation._count });
    // A draft that revisited a decision: without it, that decision stands again.
    const revisited = evaluation.supersedes?.id;
    if (revisited && (await lockEvaluation(tx, revisited, ["superseded"]))) {
      await tx.evaluation.update({ where: { id: revisited }, data: { status: "decided", supersededById: null } });
      await recordAudit(tx, {
        teamId,
        evaluationId: revisited,
        actorId: actor.userId,
        action: "evaluation.revisit_deleted",
        detail: { draft: evaluationId },
      });
    }
    await tx.notification.deleteMany({ where: { evaluationId } });
    await tx.evaluation.delete({ where: { id: evaluationId } });
    return { teamId };
  });
}

/** What the evaluation page needs to offer archive, restore and delete, and to show the record number. */
export async function getEvaluationLifecycle(actor: Actor, evaluationId: string) {
  const context = await readEvaluation(actor, evaluationId, "team:read");
  const row = await db.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    select: {
      archivedAt: true,
      recordNumber: true,
      createdById: true,
      title: true,
      supersedes: { select: { title: true } },
      _count: { select: { options: true, criteria: true, comments: true } },
    },
  });
  const manage = can(context.role, "evaluation:archive");
  return {
    teamId: context.teamId,
    status: context.status,
    title: row.title,
    archivedAt: row.archivedAt,
    recordNumber: row.recordNumber,
    canArchive: manage,
    canDelete: context.status === "draft" && (manage || (can(context.role, "evaluation:edit") && row.createdById === actor.userId)),
    /** what deleting the draft removes, for the confirmation */
    contents: row._count,
    /** the decision this draft revisits, which stands again if the draft is deleted */
    revisits: row.supersedes?.title ?? null,
  };
}
export type EvaluationLifecycle = Awaited<ReturnType<typeof getEvaluationLifecycle>>;

/** The rating of `optionId` on `criterionId` in this evaluation, with its citations, or not found. */
async function ratingCitations(tx: Tx, evaluationId: string, optionId: string, criterionId: string) {
  const rating = await tx.rating.findFirst({ where: { evaluationId, optionId, criterionId }, select: { id: true, citations: true } });
  if (!rating) throw new AppError("not_found", "Rate the option on this criterion before citing a source for it.");
  return { id: rating.id, citations: readRatingCitations(rating.citations) };
}

/** A rating's citations have a limit, as an imported record's do (lib/validation/import-record.ts). */
const CITATIONS_PER_RATING = 20;

/**
 * Adds a team's own source to one of its ratings (draft only, like the rating itself). Stored
 * beside the built-in citations: `source` is the address (what CONTRACTS.md calls the source),
 * with the title and https address the page links to.
 */
export async function addRatingCitation(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(AddCitationSchema, input, "citation");
  await withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    const rating = await ratingCitations(tx, evaluationId, data.optionId, data.criterionId);
    if (rating.citations.length >= CITATIONS_PER_RATING) {
      throw new AppError("invalid", `A rating has at most ${CITATIONS_PER_RATING} citations.`, {
        quote: `At most ${CITATIONS_PER_RATING} citations`,
      });
    }
    const citation: Citation = { source: data.url, title: data.title, url: data.url, quote: data.quote };
    await tx.rating.update({ where: { id: rating.id }, data: { citations: JSON.stringify([...rating.citations, citation]) } });
    await audit("rating.cited", { optionId: data.optionId, criterionId: data.criterionId, title: data.title, url: data.url });
  });
}

export async function removeRatingCitation(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(RemoveCitationSchema, input, "citation");
  await withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    const rating = await ratingCitations(tx, evaluationId, data.optionId, data.criterionId);
    const removed = rating.citations[data.index];
    if (!removed) throw new AppError("not_found", "That citation is no longer on this rating.");
    const citations = rating.citations.filter((_, i) => i !== data.index);
    await tx.rating.update({ where: { id: rating.id }, data: { citations: JSON.stringify(citations) } });
    await audit("rating.citation_removed", { optionId: data.optionId, criterionId: data.criterionId, source: removed.source });
  });
}
