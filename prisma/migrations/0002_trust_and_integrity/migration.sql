-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "aggregation" TEXT NOT NULL DEFAULT 'mean',
    "round" INTEGER NOT NULL DEFAULT 1,
    "votingDeadline" DATETIME,
    "quorum" INTEGER,
    "profile" TEXT,
    "suggestedWeights" TEXT,
    "decidedOptionId" TEXT,
    "decisionRationale" TEXT,
    "decisionOverride" TEXT,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "supersededById" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "visibility" TEXT NOT NULL DEFAULT 'blind',
    "importedFromSha256" TEXT,
    "importedById" TEXT,
    "importedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Evaluation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_decidedOptionId_fkey" FOREIGN KEY ("decidedOptionId") REFERENCES "Option" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evaluation_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Evaluation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Evaluation" ("aggregation", "createdAt", "createdById", "decidedAt", "decidedById", "decidedOptionId", "decisionOverride", "decisionRationale", "id", "problem", "profile", "quorum", "revision", "round", "status", "suggestedWeights", "supersededById", "teamId", "title", "updatedAt", "votingDeadline") SELECT "aggregation", "createdAt", "createdById", "decidedAt", "decidedById", "decidedOptionId", "decisionOverride", "decisionRationale", "id", "problem", "profile", "quorum", "revision", "round", "status", "suggestedWeights", "supersededById", "teamId", "title", "updatedAt", "votingDeadline" FROM "Evaluation";
DROP TABLE "Evaluation";
ALTER TABLE "new_Evaluation" RENAME TO "Evaluation";
CREATE UNIQUE INDEX "Evaluation_supersededById_key" ON "Evaluation"("supersededById");
CREATE INDEX "Evaluation_teamId_idx" ON "Evaluation"("teamId");
CREATE TABLE "new_Rating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "citations" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rating_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rating_optionId_evaluationId_fkey" FOREIGN KEY ("optionId", "evaluationId") REFERENCES "Option" ("id", "evaluationId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rating_criterionId_evaluationId_fkey" FOREIGN KEY ("criterionId", "evaluationId") REFERENCES "Criterion" ("id", "evaluationId") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Rating" ("citations", "criterionId", "evaluationId", "id", "optionId", "rationale", "score", "updatedAt") SELECT "citations", "criterionId", "evaluationId", "id", "optionId", "rationale", "score", "updatedAt" FROM "Rating";
DROP TABLE "Rating";
ALTER TABLE "new_Rating" RENAME TO "Rating";
CREATE INDEX "Rating_evaluationId_idx" ON "Rating"("evaluationId");
CREATE UNIQUE INDEX "Rating_optionId_criterionId_key" ON "Rating"("optionId", "criterionId");
CREATE TABLE "new_Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "userId" TEXT,
    "voterName" TEXT,
    "round" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ballot_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ballot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Ballot" ("createdAt", "evaluationId", "id", "method", "payload", "round", "updatedAt", "userId") SELECT "createdAt", "evaluationId", "id", "method", "payload", "round", "updatedAt", "userId" FROM "Ballot";
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
CREATE INDEX "Ballot_userId_idx" ON "Ballot"("userId");
CREATE UNIQUE INDEX "Ballot_evaluationId_userId_round_key" ON "Ballot"("evaluationId", "userId", "round");
CREATE TABLE "new_BallotRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "userId" TEXT,
    "voterName" TEXT,
    "round" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "BallotRevision_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BallotRevision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_BallotRevision" ("createdAt", "evaluationId", "hash", "id", "method", "payload", "prevHash", "round", "seq", "userId") SELECT "createdAt", "evaluationId", "hash", "id", "method", "payload", "prevHash", "round", "seq", "userId" FROM "BallotRevision";
DROP TABLE "BallotRevision";
ALTER TABLE "new_BallotRevision" RENAME TO "BallotRevision";
CREATE INDEX "BallotRevision_userId_idx" ON "BallotRevision"("userId");
CREATE UNIQUE INDEX "BallotRevision_evaluationId_seq_key" ON "BallotRevision"("evaluationId", "seq");
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "targetType" TEXT NOT NULL DEFAULT 'evaluation',
    "targetKey" TEXT,
    "body" TEXT NOT NULL,
    "mentions" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("authorId", "body", "createdAt", "evaluationId", "id", "mentions", "parentId", "targetKey", "targetType") SELECT "authorId", "body", "createdAt", "evaluationId", "id", "mentions", "parentId", "targetKey", "targetType" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_evaluationId_idx" ON "Comment"("evaluationId");
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");
CREATE TABLE "new_AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "evaluationId" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEntry" ("action", "actorId", "createdAt", "detail", "evaluationId", "id", "teamId") SELECT "action", "actorId", "createdAt", "detail", "evaluationId", "id", "teamId" FROM "AuditEntry";
DROP TABLE "AuditEntry";
ALTER TABLE "new_AuditEntry" RENAME TO "AuditEntry";
CREATE INDEX "AuditEntry_teamId_idx" ON "AuditEntry"("teamId");
CREATE INDEX "AuditEntry_evaluationId_idx" ON "AuditEntry"("evaluationId");
CREATE INDEX "AuditEntry_actorId_idx" ON "AuditEntry"("actorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Option_id_evaluationId_key" ON "Option"("id", "evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_id_evaluationId_key" ON "Criterion"("id", "evaluationId");

