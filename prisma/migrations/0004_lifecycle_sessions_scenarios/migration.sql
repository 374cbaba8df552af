-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "emailDueAt" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "emailedAt" DATETIME;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" DATETIME;

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ipAddress" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailVerificationToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailVerificationToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weights" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Scenario_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scenario_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "archivedAt" DATETIME,
    "recordNumber" INTEGER,
    "deadlineReminderRound" INTEGER,
    "chainSeq" INTEGER NOT NULL DEFAULT 0,
    "chainHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
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
INSERT INTO "new_Evaluation" ("aggregation", "createdAt", "createdById", "decidedAt", "decidedById", "decidedOptionId", "decisionOverride", "decisionRationale", "id", "importedAt", "importedById", "importedFromSha256", "problem", "profile", "quorum", "revision", "round", "status", "suggestedWeights", "supersededById", "teamId", "title", "updatedAt", "visibility", "votingDeadline") SELECT "aggregation", "createdAt", "createdById", "decidedAt", "decidedById", "decidedOptionId", "decisionOverride", "decisionRationale", "id", "importedAt", "importedById", "importedFromSha256", "problem", "profile", "quorum", "revision", "round", "status", "suggestedWeights", "supersededById", "teamId", "title", "updatedAt", "visibility", "votingDeadline" FROM "Evaluation";
DROP TABLE "Evaluation";
ALTER TABLE "new_Evaluation" RENAME TO "Evaluation";
CREATE UNIQUE INDEX "Evaluation_supersededById_key" ON "Evaluation"("supersededById");
CREATE INDEX "Evaluation_teamId_idx" ON "Evaluation"("teamId");
CREATE UNIQUE INDEX "Evaluation_teamId_recordNumber_key" ON "Evaluation"("teamId", "recordNumber");
CREATE TABLE "new_Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" DATETIME,
    "revokedAt" DATETIME,
    "email" TEXT,
    "lastSentAt" DATETIME,
    "sendCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Invitation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Invitation" ("acceptedAt", "createdAt", "createdById", "email", "expiresAt", "id", "revokedAt", "role", "teamId", "tokenHash") SELECT "acceptedAt", "createdAt", "createdById", "email", "expiresAt", "id", "revokedAt", "role", "teamId", "tokenHash" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_teamId_idx" ON "Invitation"("teamId");
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRecordNumber" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Team" ("createdAt", "id", "name") SELECT "createdAt", "id", "name" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UserSession_userId_revokedAt_idx" ON "UserSession"("userId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailVerificationToken_tokenHash_key" ON "EmailVerificationToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailVerificationToken_userId_idx" ON "EmailVerificationToken"("userId");

-- CreateIndex
CREATE INDEX "Scenario_evaluationId_idx" ON "Scenario"("evaluationId");

-- CreateIndex
CREATE INDEX "Notification_emailedAt_emailDueAt_idx" ON "Notification"("emailedAt", "emailDueAt");

-- Backfill: each evaluation's chain head from its last ballot revision.
UPDATE "Evaluation" SET
  "chainSeq" = COALESCE((SELECT MAX(r."seq") FROM "BallotRevision" r WHERE r."evaluationId" = "Evaluation"."id"), 0),
  "chainHash" = COALESCE(
    (SELECT r."hash" FROM "BallotRevision" r WHERE r."evaluationId" = "Evaluation"."id" ORDER BY r."seq" DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000');

-- Backfill: decision record numbers per team, in the order the decisions were made.
UPDATE "Evaluation" SET "recordNumber" = (
  SELECT COUNT(*) FROM "Evaluation" e2
  WHERE e2."teamId" = "Evaluation"."teamId" AND e2."decidedAt" IS NOT NULL
    AND (e2."decidedAt" < "Evaluation"."decidedAt" OR (e2."decidedAt" = "Evaluation"."decidedAt" AND e2."id" <= "Evaluation"."id"))
) WHERE "decidedAt" IS NOT NULL;
UPDATE "Team" SET "lastRecordNumber" = COALESCE((SELECT MAX(e."recordNumber") FROM "Evaluation" e WHERE e."teamId" = "Team"."id"), 0);
