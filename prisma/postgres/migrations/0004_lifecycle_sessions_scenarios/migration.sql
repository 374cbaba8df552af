-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "chainHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
ADD COLUMN     "chainSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "deadlineReminderRound" INTEGER,
ADD COLUMN     "recordNumber" INTEGER;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "lastSentAt" TIMESTAMP(3),
ADD COLUMN     "sendCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailDueAt" TIMESTAMP(3),
ADD COLUMN     "emailedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "lastRecordNumber" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ipAddress" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailVerificationToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailVerificationToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weights" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_revokedAt_idx" ON "UserSession"("userId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailVerificationToken_tokenHash_key" ON "EmailVerificationToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailVerificationToken_userId_idx" ON "EmailVerificationToken"("userId");

-- CreateIndex
CREATE INDEX "Scenario_evaluationId_idx" ON "Scenario"("evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_teamId_recordNumber_key" ON "Evaluation"("teamId", "recordNumber");

-- CreateIndex
CREATE INDEX "Notification_emailedAt_emailDueAt_idx" ON "Notification"("emailedAt", "emailDueAt");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailVerificationToken" ADD CONSTRAINT "EmailVerificationToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

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
