import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { DRAFT_ONLY, withEvaluation } from "@/lib/domain/evaluation-access";
import { LIMITS } from "@/lib/limits";
import { recordAudit } from "@/lib/domain/audit";
import { djangoOrFlaskTemplate, suggestWeights } from "@/lib/catalog";
import { ProjectProfileSchema } from "@/lib/catalog/profile";
import {
  AddItemSchema,
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
        const row = await tx.option.create({ data: { evaluationId: evaluation.id, key: o.key, name: o.name, summary: o.summary, position } });
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
      data.kind === "option"
        ? await tx.option.count({ where: { evaluationId } })
        : await tx.criterion.count({ where: { evaluationId } });
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
    const removed =
      data.kind === "option" ? await tx.option.deleteMany({ where }) : await tx.criterion.deleteMany({ where });
    if (removed.count !== 1) throw new AppError("not_found", `That ${data.kind} is not part of this evaluation.`);
    await audit(`${data.kind}.removed`, { id: data.id });
  });
}

export async function setRating(actor: Actor, evaluationId: string, input: unknown) {
  const data = parseOrThrow(RatingSchema, input, "rating");
  await withEvaluation(actor, evaluationId, "evaluation:edit", DRAFT_ONLY, async ({ tx, audit }) => {
    const [option, criterion] = await Promise.all([
      tx.option.findFirst({ where: { id: data.optionId, evaluationId }, select: { id: true } }),
      tx.criterion.findFirst({ where: { id: data.criterionId, evaluationId }, select: { id: true } }),
    ]);
    if (!option || !criterion) throw new AppError("not_found", "That option or criterion is not part of this evaluation.");
    await tx.rating.upsert({
      where: { optionId_criterionId: { optionId: data.optionId, criterionId: data.criterionId } },
      create: { evaluationId, optionId: data.optionId, criterionId: data.criterionId, score: data.score, rationale: data.rationale ?? "" },
      update: { score: data.score, ...(data.rationale === undefined ? {} : { rationale: data.rationale }) },
    });
    await audit("rating.set", data);
  });
}
